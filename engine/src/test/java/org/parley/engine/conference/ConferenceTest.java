package org.parley.engine.conference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.engine.EntityTestConfig;

class ConferenceTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final ActorTestKit testKit = ActorTestKit.create(EntityTestConfig.config());

    private final RoomName room = RoomName.parse("Physics-101");
    private final ParticipantId alice = new ParticipantId("alice");
    private final ParticipantId bob = new ParticipantId("bob");
    private final ParticipantId carol = new ParticipantId("carol");
    private TestProbe<RoomUpdate> aliceScreen;
    private TestProbe<RoomUpdate> bobScreen;
    private EventSourcedBehaviorTestKit<Conference.Command, Conference.Event, ConferenceState> conference;

    @AfterAll
    static void stopTestKit() {
        testKit.shutdownTestKit();
    }

    @BeforeEach
    void freshRoom() {
        conference = EventSourcedBehaviorTestKit.create(testKit.system(),
                Conference.create(room, Clock.fixed(NOW, ZoneOffset.UTC), 100),
                EventSourcedBehaviorTestKit.enabledSerializationSettings());
        conference.clear();
        aliceScreen = testKit.createTestProbe();
        bobScreen = testKit.createTestProbe();
    }

    @Test
    void aSignedInMemberStartsTheConferenceAndModeratesIt() {
        CommandResultWithReply<Conference.Command, Conference.Event, ConferenceState, StatusReply<JoinOutcome>> result =
                conference.runCommand(replyTo -> new Conference.Join(alice, "  Alice ", callerOf(alice), Optional.empty(), aliceScreen.ref(), replyTo));

        assertEquals(Role.MODERATOR, admitted(result.reply()).role());
        assertEquals(List.of(
                        new Conference.ConferenceStarted(room, 1, Initiator.participant(alice, "oidc:alice"), NOW),
                        new Conference.ParticipantJoined(alice, "Alice", Role.MODERATOR, "oidc:alice", true, NOW)),
                result.events());
        ConferenceState expected = new ConferenceState(room, Phase.RUNNING, 1, Initiator.participant(alice, "oidc:alice"),
                Optional.of(NOW), Optional.empty(), List.of(new Member(alice, "Alice", Role.MODERATOR, NOW, "oidc:alice", true)),
                new Access(false, Optional.empty(), java.util.Set.of("oidc:alice"), java.util.Set.of(), java.util.Set.of(), List.of()),
                List.of(), List.of(), MediaRules.OPEN, List.of());
        assertEquals(expected, result.state());
        assertEquals(expected, conference.restart().state());
    }

    @Test
    void laterArrivalsJoinAsParticipantsAndTheOthersAreTold() {
        join(alice, "Alice", aliceScreen.ref());

        var result = conference.runCommand(
                (ActorRef<StatusReply<JoinOutcome>> replyTo) -> new Conference.Join(bob, "Bob", callerOf(bob), Optional.empty(), bobScreen.ref(), replyTo));

        assertEquals(Role.PARTICIPANT, admitted(result.reply()).role());
        assertEquals(List.of(new Conference.ParticipantJoined(bob, "Bob", Role.PARTICIPANT, "guest:bob", false, NOW)),
                result.events());
        assertEquals(new RoomUpdate.MemberJoined(new Member(bob, "Bob", Role.PARTICIPANT, NOW, "guest:bob", false)),
                aliceScreen.receiveMessage());
        assertEquals(List.of(alice, bob), conference.restart().state().roster().stream().map(Member::id).toList());
    }

    @Test
    void joiningWithoutANameIsRefusedAndNothingIsRecorded() {
        var result = conference.runCommand(
                (ActorRef<StatusReply<JoinOutcome>> replyTo) -> new Conference.Join(alice, "   ", callerOf(alice), Optional.empty(), aliceScreen.ref(), replyTo));

        Denied denied = (Denied) result.reply().getValue();
        assertEquals(Denial.INVALID, denied.denial());
        assertTrue(denied.reason().contains("display name"));
        assertTrue(result.hasNoEvents());
        assertEquals(Phase.NOT_STARTED, conference.restart().state().phase());
    }

    @Test
    void joiningWithAnOverlongNameIsRefused() {
        var result = conference.runCommand(
                (ActorRef<StatusReply<JoinOutcome>> replyTo) ->
                        new Conference.Join(alice, "x".repeat(65), callerOf(alice), Optional.empty(), aliceScreen.ref(), replyTo));

        assertEquals(Denial.INVALID, ((Denied) result.reply().getValue()).denial());
        assertTrue(result.hasNoEvents());
    }

    @Test
    void joiningTwiceWithTheSameIdentityRecordsNothingNew() {
        join(alice, "Alice", aliceScreen.ref());

        var again = conference.runCommand(
                (ActorRef<StatusReply<JoinOutcome>> replyTo) -> new Conference.Join(alice, "Alice", callerOf(alice), Optional.empty(), aliceScreen.ref(), replyTo));

        assertEquals(Role.MODERATOR, admitted(again.reply()).role());
        assertTrue(again.hasNoEvents());
    }

    @Test
    void leavingTakesThePersonOffTheRosterAndTellsTheOthers() {
        join(alice, "Alice", aliceScreen.ref());
        join(bob, "Bob", bobScreen.ref());
        aliceScreen.receiveMessage();

        var result = conference.runCommand(
                (ActorRef<StatusReply<Done>> replyTo) -> new Conference.Leave(bob, LeaveReason.CONNECTION_LOST, replyTo));

        assertTrue(result.reply().isSuccess());
        assertEquals(List.of(new Conference.ParticipantLeft(bob, LeaveReason.CONNECTION_LOST, NOW)), result.events());
        assertEquals(new RoomUpdate.MemberLeft(bob, LeaveReason.CONNECTION_LOST), aliceScreen.receiveMessage());
        assertEquals(List.of(alice), conference.restart().state().roster().stream().map(Member::id).toList());
    }

    @Test
    void whenTheLastModeratorLeavesTheLongestPresentPersonModerates() {
        join(alice, "Alice", aliceScreen.ref());
        join(bob, "Bob", bobScreen.ref());
        join(carol, "Carol", testKit.<RoomUpdate>createTestProbe().ref());

        var result = conference.runCommand(
                (ActorRef<StatusReply<Done>> replyTo) -> new Conference.Leave(alice, LeaveReason.LEFT, replyTo));

        assertEquals(List.of(
                        new Conference.ParticipantLeft(alice, LeaveReason.LEFT, NOW),
                        new Conference.ModeratorGranted(bob, Initiator.SYSTEM, NOW)),
                result.events());
        assertTrue(conference.restart().state().isModerator(bob));
        assertEquals(Role.PARTICIPANT, conference.getState().member(carol).orElseThrow().role());
    }

    @Test
    void theLastOneOutEndsTheConferenceAndTheNextMemberStartsANewOne() {
        join(alice, "Alice", aliceScreen.ref());

        var left = conference.runCommand(
                (ActorRef<StatusReply<Done>> replyTo) -> new Conference.Leave(alice, LeaveReason.LEFT, replyTo));

        assertEquals(List.of(
                        new Conference.ParticipantLeft(alice, LeaveReason.LEFT, NOW),
                        new Conference.ConferenceEnded(EndReason.LAST_PARTICIPANT_LEFT, Initiator.SYSTEM, NOW)),
                left.events());
        assertEquals(Phase.ENDED, conference.restart().state().phase());

        ParticipantId aliceAgain = new ParticipantId("alice-again");
        var rejoined = conference.runCommand(
                (ActorRef<StatusReply<JoinOutcome>> replyTo) -> new Conference.Join(aliceAgain, "Alice",
                        Caller.member("oidc:alice"), Optional.empty(), aliceScreen.ref(), replyTo));

        assertEquals(new Conference.ConferenceStarted(room, 2, Initiator.participant(aliceAgain, "oidc:alice"), NOW),
                rejoined.events().get(0));
        assertEquals(Role.MODERATOR, admitted(rejoined.reply()).role());
        assertEquals(2, conference.restart().state().instance());
    }

    @Test
    void leavingWithoutBeingInIsRefused() {
        join(alice, "Alice", aliceScreen.ref());

        var result = conference.runCommand(
                (ActorRef<StatusReply<Done>> replyTo) -> new Conference.Leave(bob, LeaveReason.LEFT, replyTo));

        assertTrue(result.reply().isError());
        assertTrue(result.hasNoEvents());
    }

    @Test
    void onlyMembersMaySubscribeToTheRoom() {
        join(alice, "Alice", aliceScreen.ref());

        var stranger = conference.runCommand(
                (ActorRef<StatusReply<ConferenceState>> replyTo) -> new Conference.Subscribe(bob, bobScreen.ref(), replyTo));
        var member = conference.runCommand(
                (ActorRef<StatusReply<ConferenceState>> replyTo) -> new Conference.Subscribe(alice, aliceScreen.ref(), replyTo));

        assertTrue(stranger.reply().isError());
        assertTrue(stranger.hasNoEvents());
        assertEquals(List.of(alice), member.reply().getValue().roster().stream().map(Member::id).toList());
    }

    @Test
    void aRestartedConferenceFindsItsListenersAgainThroughSubscribe() {
        join(alice, "Alice", aliceScreen.ref());
        join(bob, "Bob", bobScreen.ref());
        aliceScreen.receiveMessage();
        conference.restart();

        conference.runCommand(
                (ActorRef<StatusReply<ConferenceState>> replyTo) -> new Conference.Subscribe(alice, aliceScreen.ref(), replyTo));
        conference.runCommand(
                (ActorRef<StatusReply<Done>> replyTo) -> new Conference.Leave(bob, LeaveReason.LEFT, replyTo));

        assertEquals(new RoomUpdate.MemberLeft(bob, LeaveReason.LEFT), aliceScreen.receiveMessage());
    }

    @Test
    void profileChangesAreRelayedToEveryoneConnected() {
        join(alice, "Alice", aliceScreen.ref());
        join(bob, "Bob", bobScreen.ref());
        aliceScreen.receiveMessage();
        var update = new RoomUpdate.ParticipantUpdated(bob, "Robert", "fr", true, false);

        var result = conference.runCommand(new Conference.Relay(update));

        assertTrue(result.hasNoEvents());
        assertEquals(update, aliceScreen.receiveMessage());
        assertEquals(update, bobScreen.receiveMessage());
    }

    @Test
    void gettingTheStateOfAnUnknownRoomSaysItNeverStarted() {
        var result = conference.runCommand(Conference.GetState::new);

        assertEquals(Phase.NOT_STARTED, result.reply().phase());
        assertTrue(result.hasNoEvents());
    }

    /** Alice signs in with the community's identity provider; the others are guests. */
    static Caller callerOf(ParticipantId who) {
        return who.value().startsWith("alice") ? Caller.member("oidc:" + who.value()) : Caller.guest("guest:" + who.value());
    }

    static JoinOutcome.Admitted admitted(StatusReply<JoinOutcome> reply) {
        assertTrue(reply.isSuccess() && reply.getValue() instanceof JoinOutcome.Admitted, () -> "not admitted: " + reply);
        return (JoinOutcome.Admitted) reply.getValue();
    }

    private void join(ParticipantId who, String name, ActorRef<RoomUpdate> screen) {
        var result = conference.runCommand(
                (ActorRef<StatusReply<JoinOutcome>> replyTo) -> new Conference.Join(who, name, callerOf(who), Optional.empty(), screen, replyTo));
        admitted(result.reply());
    }
}
