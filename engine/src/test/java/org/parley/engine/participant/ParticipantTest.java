package org.parley.engine.participant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.engine.EntityTestConfig;
import org.parley.engine.conference.Conference;
import org.parley.engine.conference.Initiator;
import org.parley.engine.conference.LeaveReason;
import org.parley.engine.conference.ParticipantId;
import org.parley.engine.conference.RoomName;
import org.parley.engine.conference.RoomUpdate;

class ParticipantTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final ActorTestKit testKit = ActorTestKit.create(EntityTestConfig.config());

    private final RoomName room = RoomName.parse("physics-101");
    private final ResumeToken secret = new ResumeToken("s3cret-for-tests");
    private ParticipantId ada;
    private TestProbe<Conference.Command> conference;
    private EventSourcedBehaviorTestKit<Participant.Command, Participant.Event, ParticipantState> participant;

    @AfterAll
    static void stopTestKit() {
        testKit.shutdownTestKit();
    }

    @BeforeEach
    void freshParticipant() {
        ada = ParticipantId.random();
        conference = testKit.createTestProbe();
        participant = participantWithGrace(Duration.ofMinutes(5));
    }

    private EventSourcedBehaviorTestKit<Participant.Command, Participant.Event, ParticipantState> participantWithGrace(
            Duration grace) {
        var kit = EventSourcedBehaviorTestKit.<Participant.Command, Participant.Event, ParticipantState>create(
                testKit.system(),
                Participant.create(ada, Clock.fixed(NOW, ZoneOffset.UTC), grace, 100, r -> conference.ref()),
                EventSourcedBehaviorTestKit.enabledSerializationSettings());
        kit.clear();
        return kit;
    }

    @Test
    void registeringRecordsTheProfileAndTellsTheRoom() {
        var result = register("Ada Lovelace");

        assertEquals(List.of(new Participant.Registered(room, "Ada Lovelace", "en", false, true, true, secret.hash(), NOW)),
                result.events());
        ParticipantState expected = new ParticipantState(Optional.of(room), ada, "Ada Lovelace", "en", false, true,
                secret.hash(), Optional.empty());
        assertEquals(expected, result.reply().getValue());
        assertEquals(new Conference.Relay(new RoomUpdate.ParticipantUpdated(ada, "Ada Lovelace", "en", false, true)),
                conference.receiveMessage());
        assertEquals(expected, participant.restart().state());
    }

    @Test
    void registeringWithoutANameOrWithAnUnknownLanguageIsRefused() {
        var noName = participant.runCommand((ActorRef<StatusReply<ParticipantState>> replyTo) ->
                new Participant.Register(room, " ", "en", false, false, true, secret.hash(), replyTo));
        var badLanguage = participant.runCommand((ActorRef<StatusReply<ParticipantState>> replyTo) ->
                new Participant.Register(room, "Ada", "<script>", false, false, true, secret.hash(), replyTo));

        assertTrue(noName.reply().isError());
        assertTrue(badLanguage.reply().isError());
        assertTrue(noName.hasNoEvents() && badLanguage.hasNoEvents());
        assertFalse(participant.restart().state().isRegistered());
    }

    @Test
    void nobodyJoinsWithoutAcceptingTheTermsOfUse() {
        var refused = participant.runCommand((ActorRef<StatusReply<ParticipantState>> replyTo) ->
                new Participant.Register(room, "Ada", "en", false, false, false, secret.hash(), replyTo));

        assertTrue(refused.reply().isError());
        assertEquals(Participant.TERMS_REQUIRED, refused.reply().getError().getMessage());
        assertTrue(refused.hasNoEvents());
    }

    @Test
    void nothingButRegistrationIsAcceptedBeforeJoining() {
        var result = participant.runCommand((ActorRef<StatusReply<ParticipantState>> replyTo) ->
                new Participant.ChangeDisplayName("Ada", replyTo));

        assertTrue(result.reply().isError());
        assertTrue(result.hasNoEvents());
    }

    @Test
    void registeringTwiceIsRefused() {
        register("Ada");

        var again = participant.runCommand((ActorRef<StatusReply<ParticipantState>> replyTo) ->
                new Participant.Register(room, "Ada", "en", false, false, true, secret.hash(), replyTo));

        assertTrue(again.reply().isError());
        assertTrue(again.hasNoEvents());
    }

    @Test
    void aPersonCanRenameThemselvesAndTheRoomIsTold() {
        register("Ada");
        conference.receiveMessage();

        var result = participant.runCommand((ActorRef<StatusReply<ParticipantState>> replyTo) ->
                new Participant.ChangeDisplayName("Countess Ada", replyTo));

        assertEquals(List.of(new Participant.DisplayNameChanged("Countess Ada", NOW)), result.events());
        assertEquals("Countess Ada", participant.restart().state().displayName());
        assertEquals(new Conference.Relay(new RoomUpdate.ParticipantUpdated(ada, "Countess Ada", "en", false, true)),
                conference.receiveMessage());
    }

    @Test
    void anEmptyNewNameIsRefused() {
        register("Ada");

        var result = participant.runCommand((ActorRef<StatusReply<ParticipantState>> replyTo) ->
                new Participant.ChangeDisplayName("", replyTo));

        assertTrue(result.reply().isError());
        assertTrue(result.hasNoEvents());
    }

    @Test
    void changingLanguageIsRecordedAndAnInvalidTagRefused() {
        register("Ada");

        var french = participant.runCommand((ActorRef<StatusReply<ParticipantState>> replyTo) ->
                new Participant.ChangeLanguage("fr", replyTo));
        var nonsense = participant.runCommand((ActorRef<StatusReply<ParticipantState>> replyTo) ->
                new Participant.ChangeLanguage("french please", replyTo));

        assertEquals(List.of(new Participant.LanguageChanged("fr", NOW)), french.events());
        assertTrue(nonsense.reply().isError());
        assertTrue(nonsense.hasNoEvents());
        assertEquals("fr", participant.restart().state().language());
    }

    @Test
    void mutingRecordsWhoDidItAndMutingAgainRecordsNothing() {
        register("Ada");

        var muted = participant.runCommand((ActorRef<StatusReply<ParticipantState>> replyTo) ->
                new Participant.SetAudioMuted(true, Initiator.participant(ada), replyTo));
        var again = participant.runCommand((ActorRef<StatusReply<ParticipantState>> replyTo) ->
                new Participant.SetAudioMuted(true, Initiator.participant(ada), replyTo));

        assertEquals(List.of(new Participant.AudioMuteChanged(true, Initiator.participant(ada), NOW)), muted.events());
        assertTrue(again.reply().isSuccess());
        assertTrue(again.hasNoEvents());
        assertTrue(participant.restart().state().audioMuted());
    }

    @Test
    void aMutedCameraCanBeTurnedBackOnByItsOwner() {
        register("Ada");

        var on = participant.runCommand((ActorRef<StatusReply<ParticipantState>> replyTo) ->
                new Participant.SetVideoMuted(false, Initiator.participant(ada), replyTo));

        assertEquals(List.of(new Participant.VideoMuteChanged(false, Initiator.participant(ada), NOW)), on.events());
        assertFalse(participant.restart().state().videoMuted());
    }

    @Test
    void resumingNeedsTheSecretGivenAtRegistration() {
        register("Ada");

        var wrong = participant.runCommand((ActorRef<StatusReply<ParticipantState>> replyTo) ->
                new Participant.Resume(new ResumeToken("guess"), replyTo));
        var right = participant.runCommand((ActorRef<StatusReply<ParticipantState>> replyTo) ->
                new Participant.Resume(new ResumeToken("s3cret-for-tests"), replyTo));

        assertTrue(wrong.reply().isError());
        assertTrue(wrong.hasNoEvents());
        assertTrue(right.reply().isSuccess());
        assertTrue(right.hasNoEvents());
    }

    @Test
    void aPresentParticipantMayRenewItsPlaceAndADepartedOneMayNot() {
        register("Ada");

        var renewed = participant.runCommand(Participant.KeepAlive::new);
        participant.runCommand((ActorRef<StatusReply<Done>> replyTo) -> new Participant.Leave(LeaveReason.LEFT, replyTo));
        var tooLate = participant.runCommand(Participant.KeepAlive::new);

        assertTrue(renewed.reply().isSuccess());
        assertTrue(renewed.hasNoEvents());
        assertTrue(tooLate.reply().isError());
        assertTrue(tooLate.hasNoEvents());
    }

    @Test
    void leavingIsRecordedAndTheConferenceIsTold() {
        register("Ada");
        conference.receiveMessage();

        var result = participant.runCommand((ActorRef<StatusReply<Done>> replyTo) ->
                new Participant.Leave(LeaveReason.LEFT, replyTo));

        assertTrue(result.reply().isSuccess());
        assertEquals(List.of(new Participant.Departed(LeaveReason.LEFT, NOW)), result.events());
        Conference.Leave told = conference.expectMessageClass(Conference.Leave.class);
        assertEquals(ada, told.participant());
        assertEquals(LeaveReason.LEFT, told.reason());
        assertEquals(Optional.of(LeaveReason.LEFT), participant.restart().state().departure());
    }

    @Test
    void afterLeavingNothingElseIsAccepted() {
        register("Ada");
        participant.runCommand((ActorRef<StatusReply<Done>> replyTo) -> new Participant.Leave(LeaveReason.LEFT, replyTo));
        participant.restart();

        var rename = participant.runCommand((ActorRef<StatusReply<ParticipantState>> replyTo) ->
                new Participant.ChangeDisplayName("Ghost", replyTo));
        var resume = participant.runCommand((ActorRef<StatusReply<ParticipantState>> replyTo) ->
                new Participant.Resume(secret, replyTo));

        assertTrue(rename.reply().isError());
        assertTrue(resume.reply().isError());
        assertTrue(rename.hasNoEvents() && resume.hasNoEvents());
    }

    @Test
    void aConnectionThatStopsRenewingItsPlaceLeavesAfterTheGracePeriod() {
        participant = participantWithGrace(Duration.ofMillis(300));
        register("Ada");
        conference.receiveMessage();

        Conference.Leave told = conference.expectMessageClass(Conference.Leave.class, Duration.ofSeconds(5));

        assertEquals(LeaveReason.CONNECTION_LOST, told.reason());
        assertEquals(List.of(new Participant.Departed(LeaveReason.CONNECTION_LOST, NOW)),
                participant.persistenceTestKit().persistedInStorage(Participant.persistenceIdOf(ada).id()).stream()
                        .filter(Participant.Departed.class::isInstance).toList());
    }

    private EventSourcedBehaviorTestKit.CommandResultWithReply<Participant.Command, Participant.Event, ParticipantState,
            StatusReply<ParticipantState>> register(String name) {
        return participant.runCommand((ActorRef<StatusReply<ParticipantState>> replyTo) ->
                new Participant.Register(room, name, "en", false, true, true, secret.hash(), replyTo));
    }
}
