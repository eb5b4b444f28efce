package org.parley.engine.conference;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;

/**
 * One Conference entity under the persistence test kit (every command, event and state goes
 * through real serialization), at a fixed time, with the steps entity tests repeat.
 */
final class ConferenceUnderTest {

    static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");

    /** The people of a small class: Hana, a signed-in member who hosts, and two guests. */
    static final ParticipantId HANA = new ParticipantId("p-hana");
    static final ParticipantId GUS = new ParticipantId("p-gus");
    static final ParticipantId OLGA = new ParticipantId("p-olga");

    /** What each of the three sees; their join notices already read. */
    record Screens(TestProbe<RoomUpdate> hana, TestProbe<RoomUpdate> gus, TestProbe<RoomUpdate> olga) {}

    private final EventSourcedBehaviorTestKit<Conference.Command, Conference.Event, ConferenceState> kit;

    ConferenceUnderTest(ActorTestKit testKit, RoomName room) {
        kit = EventSourcedBehaviorTestKit.create(testKit.system(),
                Conference.create(room, Clock.fixed(NOW, ZoneOffset.UTC), 100),
                EventSourcedBehaviorTestKit.enabledSerializationSettings());
        kit.clear();
    }

    EventSourcedBehaviorTestKit<Conference.Command, Conference.Event, ConferenceState> kit() {
        return kit;
    }

    CommandResultWithReply<Conference.Command, Conference.Event, ConferenceState, StatusReply<JoinOutcome>> join(
            ParticipantId who, Caller caller, String displayName, TestProbe<RoomUpdate> screen, Optional<PasswordHash> proof) {
        return kit.runCommand((ActorRef<StatusReply<JoinOutcome>> replyTo) ->
                new Conference.Join(who, displayName, caller, proof, screen.ref(), replyTo));
    }

    CommandResultWithReply<Conference.Command, Conference.Event, ConferenceState, StatusReply<JoinOutcome>> join(
            ParticipantId who, Caller caller, String displayName, TestProbe<RoomUpdate> screen) {
        return join(who, caller, displayName, screen, Optional.empty());
    }

    CommandResultWithReply<Conference.Command, Conference.Event, ConferenceState, StatusReply<Verdict>> moderate(
            Authority by, ModeratorAction action) {
        return kit.runCommand((ActorRef<StatusReply<Verdict>> replyTo) -> new Conference.Moderate(by, action, replyTo));
    }

    /** Hana starts the conference, Gus and Olga join as guests. */
    Screens seatHostAndTwoGuests(ActorTestKit testKit) {
        Screens screens = new Screens(testKit.createTestProbe(), testKit.createTestProbe(), testKit.createTestProbe());
        join(HANA, Caller.member("oidc:hana"), "Hana", screens.hana());
        join(GUS, Caller.guest("guest:gus"), "Gus", screens.gus());
        join(OLGA, Caller.guest("guest:olga"), "Olga", screens.olga());
        screens.hana().receiveSeveralMessages(2);
        screens.gus().receiveMessage();
        return screens;
    }

    static Denial denial(CommandResultWithReply<?, ?, ?, ? extends StatusReply<?>> result) {
        return ((Denied) result.reply().getValue()).denial();
    }
}
