package org.parley.engine.conference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.engine.EntityTestConfig;

/**
 * Who may enter and who runs the room: members start, guests wait for them; password, lobby,
 * promotion, kick and ban. Every refusal records nothing; every decision is an event, and a
 * restarted conference (replaying its log) is in exactly the same state.
 */
class ConferenceAccessTest {

    private static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");
    private static final ActorTestKit testKit = ActorTestKit.create(EntityTestConfig.config());
    /** Made once: hashing is slow on purpose. */
    private static final PasswordHash SECRET = PasswordHash.of("correct horse");

    private final RoomName room = RoomName.parse("seminar");
    private final Caller host = Caller.member("oidc:hana");
    private final Caller guest = Caller.guest("guest:gus");
    private final Caller otherGuest = Caller.guest("guest:olga");
    private final ParticipantId hana = new ParticipantId("p-hana");
    private final ParticipantId gus = new ParticipantId("p-gus");
    private final ParticipantId olga = new ParticipantId("p-olga");
    private TestProbe<RoomUpdate> hanaScreen;
    private TestProbe<RoomUpdate> gusScreen;
    private TestProbe<RoomUpdate> olgaScreen;
    private EventSourcedBehaviorTestKit<Conference.Command, Conference.Event, ConferenceState> conference;

    @AfterAll
    static void stopTestKit() {
        testKit.shutdownTestKit();
    }

    @BeforeEach
    void freshRoom() {
        conference = new ConferenceUnderTest(testKit, room).kit();
        hanaScreen = testKit.createTestProbe();
        gusScreen = testKit.createTestProbe();
        olgaScreen = testKit.createTestProbe();
    }

    // ---- members start, guests wait ----

    @Test
    void aGuestWhoArrivesFirstWaitsForTheHostAndIsToldWhenSheStarts() {
        var waiting = join(gus, guest, gusScreen, Optional.empty());

        assertInstanceOf(JoinOutcome.WaitingForHost.class, waiting.reply().getValue());
        assertTrue(waiting.hasNoEvents());
        assertEquals(Phase.NOT_STARTED, conference.getState().phase());

        var started = join(hana, host, hanaScreen, Optional.empty());

        assertEquals(Role.MODERATOR, ((JoinOutcome.Admitted) started.reply().getValue()).role());
        assertEquals(new Conference.ConferenceStarted(room, 1, Initiator.participant(hana, "oidc:hana"), NOW),
                started.events().get(0));
        assertEquals(new RoomUpdate.HostArrived(), gusScreen.receiveMessage());

        var entered = join(gus, guest, gusScreen, Optional.empty());
        assertEquals(Role.PARTICIPANT, ((JoinOutcome.Admitted) entered.reply().getValue()).role());
    }

    @Test
    void aModeratorWhoReconnectsIsStillAModeratorBecauseRightsFollowTheIdentity() {
        join(hana, host, hanaScreen, Optional.empty());
        join(gus, guest, gusScreen, Optional.empty());
        moderate(new Authority.InRoom(hana), new ModeratorAction.Promote(gus));
        leave(gus);

        ParticipantId gusAfterReload = new ParticipantId("p-gus-2");
        var back = join(gusAfterReload, guest, gusScreen, Optional.empty());

        assertEquals(Role.MODERATOR, ((JoinOutcome.Admitted) back.reply().getValue()).role());
        assertTrue(conference.restart().state().isModerator(gusAfterReload));
    }

    // ---- password ----

    @Test
    void withAPasswordSetAGuestWithoutTheRightProofIsRefusedAndNothingIsRecorded() {
        join(hana, host, hanaScreen, Optional.empty());
        moderate(new Authority.InRoom(hana), new ModeratorAction.SetPassword(Optional.of(SECRET)));

        var refused = join(gus, guest, gusScreen, Optional.empty());
        var staleProof = join(gus, guest, gusScreen, Optional.of(PasswordHash.of("an older password")));

        assertEquals(Denial.PASSWORD_REQUIRED, ((Denied) refused.reply().getValue()).denial());
        assertTrue(refused.hasNoEvents());
        assertEquals(Denial.PASSWORD_REQUIRED, ((Denied) staleProof.reply().getValue()).denial());
        assertTrue(staleProof.hasNoEvents());

        var entered = join(gus, guest, gusScreen, Optional.of(SECRET));
        assertInstanceOf(JoinOutcome.Admitted.class, entered.reply().getValue());
    }

    @Test
    void aMemberNeedsNoPassword() {
        join(hana, host, hanaScreen, Optional.empty());
        moderate(new Authority.InRoom(hana), new ModeratorAction.SetPassword(Optional.of(SECRET)));

        var colleague = join(new ParticipantId("p-ivo"), Caller.member("oidc:ivo"), olgaScreen, Optional.empty());

        assertEquals(Role.MODERATOR, ((JoinOutcome.Admitted) colleague.reply().getValue()).role());
    }

    @Test
    void settingAndRemovingThePasswordAreEventsEveryoneHearsAbout() {
        join(hana, host, hanaScreen, Optional.empty());
        join(gus, guest, gusScreen, Optional.empty());
        hanaScreen.receiveMessage();

        var set = moderate(new Authority.InRoom(hana), new ModeratorAction.SetPassword(Optional.of(SECRET)));
        assertEquals(List.of(new Conference.PasswordChanged(Optional.of(SECRET), Initiator.participant(hana), NOW)), set.events());
        assertEquals(new RoomUpdate.AccessChanged(false, true), gusScreen.receiveMessage());

        var removed = moderate(new Authority.InRoom(hana), new ModeratorAction.SetPassword(Optional.empty()));
        assertEquals(List.of(new Conference.PasswordChanged(Optional.empty(), Initiator.participant(hana), NOW)), removed.events());
        assertEquals(new RoomUpdate.AccessChanged(false, false), gusScreen.receiveMessage());
        assertFalse(conference.restart().state().access().passwordSet());
    }

    // ---- lobby ----

    @Test
    void withTheLobbyOnANewcomerKnocksTheModeratorAdmitsAndTheNewcomerEnters() {
        join(hana, host, hanaScreen, Optional.empty());
        moderate(new Authority.InRoom(hana), new ModeratorAction.SetLobby(true));
        hanaScreen.receiveMessage();

        var knocking = join(gus, guest, gusScreen, Optional.empty());
        KnockId knock = ((JoinOutcome.InLobby) knocking.reply().getValue()).knock();
        Knock expected = new Knock(knock, "guest:gus", "Gus", false, NOW);
        assertEquals(List.of(new Conference.Knocked(expected)), knocking.events());
        assertEquals(new RoomUpdate.KnockReceived(expected), hanaScreen.receiveMessage());
        assertEquals(List.of(expected), conference.restart().state().access().knocks());

        var admitted = moderate(new Authority.InRoom(hana), new ModeratorAction.Admit(knock));
        assertEquals(List.of(new Conference.KnockAnswered(knock, KnockOutcome.ADMITTED, Initiator.participant(hana), "", NOW)),
                admitted.events());

        var knockAgain = join(gus, guest, gusScreen, Optional.empty());
        assertInstanceOf(JoinOutcome.Admitted.class, knockAgain.reply().getValue());
        assertTrue(conference.restart().state().isMember(gus));
    }

    @Test
    void aRejectedKnockerIsToldWithTheModeratorsWords() {
        join(hana, host, hanaScreen, Optional.empty());
        moderate(new Authority.InRoom(hana), new ModeratorAction.SetLobby(true));
        KnockId knock = knock(gus, guest, gusScreen);

        moderate(new Authority.InRoom(hana), new ModeratorAction.Reject(knock, "Members only today"));

        assertEquals(new RoomUpdate.KnockAnswered(knock, KnockOutcome.REJECTED, Optional.of(hana), "Members only today"),
                gusScreen.receiveMessage());
        assertTrue(conference.restart().state().access().knocks().isEmpty());
        assertFalse(conference.getState().access().admittedSubjects().contains("guest:gus"));
    }

    @Test
    void knockerAndModeratorsChatInTheLobby() {
        join(hana, host, hanaScreen, Optional.empty());
        moderate(new Authority.InRoom(hana), new ModeratorAction.SetLobby(true));
        hanaScreen.receiveMessage();
        KnockId knock = knock(gus, guest, gusScreen);
        hanaScreen.receiveMessage();

        var asked = conference.runCommand((ActorRef<StatusReply<Verdict>> replyTo) ->
                new Conference.KnockerSays("guest:gus", "I'm the speaker's assistant", replyTo));
        assertEquals(new RoomUpdate.LobbyMessage(knock, "Gus", false, "I'm the speaker's assistant", NOW),
                hanaScreen.receiveMessage());
        assertEquals(new RoomUpdate.LobbyMessage(knock, "Gus", false, "I'm the speaker's assistant", NOW),
                gusScreen.receiveMessage());

        var answered = moderate(new Authority.InRoom(hana), new ModeratorAction.LobbyReply(knock, "One moment please"));
        assertEquals(new RoomUpdate.LobbyMessage(knock, "Hana", true, "One moment please", NOW), gusScreen.receiveMessage());

        assertEquals(List.of(new Conference.LobbyMessageSent(knock, Initiator.subject("guest:gus"), false,
                "I'm the speaker's assistant", NOW)), asked.events());
        assertEquals(List.of(new Conference.LobbyMessageSent(knock, Initiator.participant(hana), true,
                "One moment please", NOW)), answered.events());
    }

    @Test
    void aLobbyOnBeforeTheHostArrivesHoldsEveryoneUntilAdmitted() {
        var prepared = moderate(new Authority.Person(host), new ModeratorAction.SetLobby(true));
        assertEquals(List.of(new Conference.LobbyChanged(true, Initiator.subject("oidc:hana"), NOW)), prepared.events());

        assertInstanceOf(JoinOutcome.WaitingForHost.class, join(gus, guest, gusScreen, Optional.empty()).reply().getValue());
        join(hana, host, hanaScreen, Optional.empty());
        assertEquals(new RoomUpdate.HostArrived(), gusScreen.receiveMessage());

        var afterHost = join(gus, guest, gusScreen, Optional.empty());
        assertInstanceOf(JoinOutcome.InLobby.class, afterHost.reply().getValue());
        assertTrue(conference.restart().state().access().lobbyEnabled());
    }

    @Test
    void turningTheLobbyOffLetsInThoseWaiting() {
        join(hana, host, hanaScreen, Optional.empty());
        moderate(new Authority.InRoom(hana), new ModeratorAction.SetLobby(true));
        KnockId knock = knock(gus, guest, gusScreen);

        var off = moderate(new Authority.InRoom(hana), new ModeratorAction.SetLobby(false));

        assertEquals(List.of(new Conference.LobbyChanged(false, Initiator.participant(hana), NOW),
                new Conference.KnockAnswered(knock, KnockOutcome.ADMITTED, Initiator.participant(hana), "", NOW)), off.events());
        assertEquals(new RoomUpdate.KnockAnswered(knock, KnockOutcome.ADMITTED, Optional.of(hana), ""), gusScreen.receiveMessage());
    }

    @Test
    void aKnockerWhoGivesUpWithdrawsTheKnock() {
        join(hana, host, hanaScreen, Optional.empty());
        moderate(new Authority.InRoom(hana), new ModeratorAction.SetLobby(true));
        KnockId knock = knock(gus, guest, gusScreen);

        var withdrawn = conference.runCommand((ActorRef<StatusReply<Done>> replyTo) ->
                new Conference.Withdraw("guest:gus", gusScreen.ref(), replyTo));

        assertEquals(List.of(new Conference.KnockAnswered(knock, KnockOutcome.WITHDRAWN, Initiator.subject("guest:gus"), "", NOW)),
                withdrawn.events());
        assertTrue(conference.restart().state().access().knocks().isEmpty());
    }

    @Test
    void knockingTwiceKeepsOneKnock() {
        join(hana, host, hanaScreen, Optional.empty());
        moderate(new Authority.InRoom(hana), new ModeratorAction.SetLobby(true));
        KnockId first = knock(gus, guest, gusScreen);

        var again = join(new ParticipantId("p-gus-2"), guest, gusScreen, Optional.empty());

        assertEquals(new JoinOutcome.InLobby(first), again.reply().getValue());
        assertTrue(again.hasNoEvents());
    }

    @Test
    void aNewlyPromotedModeratorIsShownWhoIsAlreadyKnocking() {
        join(hana, host, hanaScreen, Optional.empty());
        join(gus, guest, gusScreen, Optional.empty());
        moderate(new Authority.InRoom(hana), new ModeratorAction.SetLobby(true));
        KnockId knock = knock(olga, otherGuest, olgaScreen);
        gusScreen.receiveMessage();

        moderate(new Authority.InRoom(hana), new ModeratorAction.Promote(gus));

        assertEquals(new RoomUpdate.RoleChanged(gus, Role.MODERATOR), gusScreen.receiveMessage());
        assertEquals(knock, ((RoomUpdate.KnockReceived) gusScreen.receiveMessage()).knock().id());
    }

    @Test
    void anyoneMayUseASelfTestRoomButOnlyAlone() {
        conference = new ConferenceUnderTest(testKit, RoomName.parse("selftest-abc123")).kit();

        var alone = join(gus, guest, gusScreen, Optional.empty());
        var second = join(olga, otherGuest, olgaScreen, Optional.empty());

        assertInstanceOf(JoinOutcome.Admitted.class, alone.reply().getValue());
        assertEquals(Denial.FORBIDDEN, ((Denied) second.reply().getValue()).denial());
        assertTrue(second.hasNoEvents());
    }

    // ---- kick and ban ----

    @Test
    void aKickedAndBannedPersonIsRemovedToldAndCannotComeBack() {
        join(hana, host, hanaScreen, Optional.empty());
        join(gus, guest, gusScreen, Optional.empty());
        hanaScreen.receiveMessage();

        var kicked = moderate(new Authority.InRoom(hana), new ModeratorAction.Kick(gus, true, "Please stop"));

        assertEquals(List.of(new Conference.ParticipantKicked(gus, Initiator.participant(hana), true, "Please stop", NOW)),
                kicked.events());
        assertEquals(new RoomUpdate.Kicked(gus, true, "Please stop"), gusScreen.receiveMessage());
        assertEquals(new RoomUpdate.Kicked(gus, true, "Please stop"), hanaScreen.receiveMessage());

        var back = join(new ParticipantId("p-gus-2"), guest, gusScreen, Optional.empty());
        assertEquals(Denial.BANNED, ((Denied) back.reply().getValue()).denial());
        assertTrue(back.hasNoEvents());
        assertTrue(conference.restart().state().access().bannedSubjects().contains("guest:gus"));
    }

    @Test
    void aKickWithoutBanLetsThePersonComeBack() {
        join(hana, host, hanaScreen, Optional.empty());
        join(gus, guest, gusScreen, Optional.empty());
        moderate(new Authority.InRoom(hana), new ModeratorAction.Kick(gus, false, ""));

        var back = join(new ParticipantId("p-gus-2"), guest, gusScreen, Optional.empty());

        assertInstanceOf(JoinOutcome.Admitted.class, back.reply().getValue());
    }

    // ---- only moderators moderate ----

    static Stream<ModeratorAction> everyModeratorAction() {
        KnockId knock = new KnockId("k-any");
        return Stream.of(
                new ModeratorAction.SetLobby(true),
                new ModeratorAction.SetPassword(Optional.of(SECRET)),
                new ModeratorAction.SetPassword(Optional.empty()),
                new ModeratorAction.Admit(knock),
                new ModeratorAction.Reject(knock, "no"),
                new ModeratorAction.LobbyReply(knock, "hi"),
                new ModeratorAction.Promote(new ParticipantId("p-olga")),
                new ModeratorAction.Kick(new ParticipantId("p-hana"), true, "coup"));
    }

    @ParameterizedTest
    @MethodSource("everyModeratorAction")
    void aGuestCannotModerateAndNothingIsRecorded(ModeratorAction action) {
        join(hana, host, hanaScreen, Optional.empty());
        join(gus, guest, gusScreen, Optional.empty());
        join(olga, otherGuest, olgaScreen, Optional.empty());
        ConferenceState before = conference.getState();

        var inRoom = moderate(new Authority.InRoom(gus), action);
        var fromOutside = moderate(new Authority.Person(guest), action);
        var signedInNonMember = moderate(new Authority.Person(new Caller("oidc:visitor", true, false)), action);

        for (var result : List.of(inRoom, fromOutside, signedInNonMember)) {
            assertEquals(Denial.FORBIDDEN, ((Denied) result.reply().getValue()).denial());
            assertTrue(result.hasNoEvents());
        }
        assertEquals(before, conference.getState());
    }

    @Test
    void aTrustedServiceAndAMemberOutsideTheRoomMayModerate() {
        join(hana, host, hanaScreen, Optional.empty());
        join(gus, guest, gusScreen, Optional.empty());

        var service = moderate(new Authority.Service("planner"), new ModeratorAction.SetLobby(true));
        var member = moderate(new Authority.Person(Caller.member("oidc:ivo")), new ModeratorAction.Promote(gus));

        assertEquals(List.of(new Conference.LobbyChanged(true, Initiator.subject("service:planner"), NOW)), service.events());
        assertEquals(List.of(new Conference.ModeratorGranted(gus, Initiator.subject("oidc:ivo"), NOW)), member.events());
    }

    @Test
    void actionsOnWhatIsNotThereAreRefusedWithTheirReason() {
        join(hana, host, hanaScreen, Optional.empty());

        var unknownKnock = moderate(new Authority.InRoom(hana), new ModeratorAction.Admit(new KnockId("nope")));
        var absent = moderate(new Authority.InRoom(hana), new ModeratorAction.Kick(new ParticipantId("p-nobody"), false, ""));
        var tooLong = moderate(new Authority.InRoom(hana), new ModeratorAction.Kick(hana, false, "x".repeat(501)));
        var notKnocking = conference.runCommand((ActorRef<StatusReply<Verdict>> replyTo) ->
                new Conference.KnockerSays("guest:gus", "hello?", replyTo));

        assertEquals(Denial.UNKNOWN_KNOCK, ((Denied) unknownKnock.reply().getValue()).denial());
        assertEquals(Denial.NOT_IN_CONFERENCE, ((Denied) absent.reply().getValue()).denial());
        assertEquals(Denial.INVALID, ((Denied) tooLong.reply().getValue()).denial());
        assertEquals(Denial.UNKNOWN_KNOCK, ((Denied) notKnocking.reply().getValue()).denial());
        for (var result : List.of(unknownKnock, absent, tooLong, notKnocking)) {
            assertTrue(result.hasNoEvents());
        }
    }

    @Test
    void theEndOfAConferenceClearsItsRulesAndBans() {
        join(hana, host, hanaScreen, Optional.empty());
        join(gus, guest, gusScreen, Optional.empty());
        moderate(new Authority.InRoom(hana), new ModeratorAction.SetLobby(true));
        moderate(new Authority.InRoom(hana), new ModeratorAction.Kick(gus, true, ""));
        leave(hana);

        ConferenceState ended = conference.restart().state();

        assertEquals(Phase.ENDED, ended.phase());
        assertEquals(Access.OPEN, ended.access());
        assertEquals(Set.of(), ended.access().bannedSubjects());
    }

    // ---- helpers ----

    private EventSourcedBehaviorTestKit.CommandResultWithReply<Conference.Command, Conference.Event, ConferenceState, StatusReply<JoinOutcome>>
            join(ParticipantId who, Caller caller, TestProbe<RoomUpdate> screen, Optional<PasswordHash> proof) {
        String name = caller.subject().substring(caller.subject().indexOf(':') + 1);
        String displayName = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return conference.runCommand((ActorRef<StatusReply<JoinOutcome>> replyTo) ->
                new Conference.Join(who, displayName, caller, proof, screen.ref(), replyTo));
    }

    private KnockId knock(ParticipantId who, Caller caller, TestProbe<RoomUpdate> screen) {
        return ((JoinOutcome.InLobby) join(who, caller, screen, Optional.empty()).reply().getValue()).knock();
    }

    private EventSourcedBehaviorTestKit.CommandResultWithReply<Conference.Command, Conference.Event, ConferenceState, StatusReply<Verdict>>
            moderate(Authority by, ModeratorAction action) {
        return conference.runCommand((ActorRef<StatusReply<Verdict>> replyTo) -> new Conference.Moderate(by, action, replyTo));
    }

    private void leave(ParticipantId who) {
        conference.runCommand((ActorRef<StatusReply<Done>> replyTo) -> new Conference.Leave(who, LeaveReason.LEFT, replyTo));
    }
}
