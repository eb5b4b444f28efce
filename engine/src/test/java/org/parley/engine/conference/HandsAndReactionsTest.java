package org.parley.engine.conference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
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

/**
 * Raised hands form one queue per conference, in the order they were raised, the same for every
 * client (each change is an event and everyone gets the whole queue); reactions are shown, never
 * recorded, and rate limited; a moderator can end the conference for everyone.
 */
class HandsAndReactionsTest {

    private static final Instant NOW = ConferenceUnderTest.NOW;
    private static final ActorTestKit testKit = ActorTestKit.create(EntityTestConfig.config());

    private final ParticipantId hana = ConferenceUnderTest.HANA;
    private final ParticipantId gus = ConferenceUnderTest.GUS;
    private final ParticipantId olga = ConferenceUnderTest.OLGA;
    private TestProbe<RoomUpdate> hanaScreen;
    private TestProbe<RoomUpdate> gusScreen;
    private TestProbe<RoomUpdate> olgaScreen;
    private EventSourcedBehaviorTestKit<Conference.Command, Conference.Event, ConferenceState> conference;
    private ConferenceUnderTest room;

    @AfterAll
    static void stopTestKit() {
        testKit.shutdownTestKit();
    }

    @BeforeEach
    void aRunningLecture() {
        room = new ConferenceUnderTest(testKit, RoomName.parse("lecture"));
        conference = room.kit();
        ConferenceUnderTest.Screens screens = room.seatHostAndTwoGuests(testKit);
        hanaScreen = screens.hana();
        gusScreen = screens.gus();
        olgaScreen = screens.olga();
    }

    @Test
    void handsQueueInTheOrderRaisedAndEveryoneGetsTheSameQueue() {
        var first = hand(olga, true);
        hand(gus, true);

        assertEquals(List.of(new Conference.HandRaised(olga, NOW)), first.events());
        assertEquals(new RoomUpdate.HandsChanged(List.of(olga)), hanaScreen.receiveMessage());
        assertEquals(new RoomUpdate.HandsChanged(List.of(olga, gus)), hanaScreen.receiveMessage());
        gusScreen.receiveMessage();
        assertEquals(new RoomUpdate.HandsChanged(List.of(olga, gus)), gusScreen.receiveMessage());
        assertEquals(List.of(olga, gus), conference.restart().state().raisedHands());
    }

    @Test
    void raisingTwiceKeepsOnePlaceAndLoweringOnesOwnHandLeavesTheQueue() {
        hand(gus, true);
        var again = hand(gus, true);
        var lowered = hand(gus, false);

        assertTrue(again.hasNoEvents());
        assertEquals(List.of(new Conference.HandLowered(gus, Initiator.participant(gus), NOW)), lowered.events());
        assertEquals(List.of(), conference.restart().state().raisedHands());
    }

    @Test
    void aModeratorLowersOneHandOrAllOfThemButAParticipantCannot() {
        hand(gus, true);
        hand(olga, true);

        var byGuest = moderate(new Authority.InRoom(gus), new ModeratorAction.LowerHand(olga));
        assertEquals(Denial.FORBIDDEN, ((Denied) byGuest.reply().getValue()).denial());
        assertTrue(byGuest.hasNoEvents());

        var one = moderate(new Authority.InRoom(hana), new ModeratorAction.LowerHand(olga));
        assertEquals(List.of(new Conference.HandLowered(olga, Initiator.participant(hana), NOW)), one.events());
        var all = moderate(new Authority.InRoom(hana), new ModeratorAction.LowerAllHands());
        assertEquals(List.of(new Conference.AllHandsLowered(Initiator.participant(hana), NOW)), all.events());
        assertEquals(List.of(), conference.restart().state().raisedHands());
    }

    @Test
    void someoneWhoLeavesLeavesTheQueueToo() {
        hand(gus, true);
        hand(olga, true);

        conference.runCommand((ActorRef<StatusReply<Done>> replyTo) -> new Conference.Leave(gus, LeaveReason.LEFT, replyTo));

        assertEquals(List.of(olga), conference.restart().state().raisedHands());
    }

    @Test
    void reactionsAreShownToEveryoneNotRecordedAndRateLimited() {
        var clap = conference.runCommand((ActorRef<StatusReply<Verdict>> replyTo) -> new Conference.React(gus, Reaction.CLAP, replyTo));
        var tooSoon = conference.runCommand((ActorRef<StatusReply<Verdict>> replyTo) -> new Conference.React(gus, Reaction.HEART, replyTo));

        assertTrue(clap.hasNoEvents());
        assertEquals(Verdict.ACCEPTED, clap.reply().getValue());
        assertEquals(new RoomUpdate.Reacted(gus, Reaction.CLAP), hanaScreen.receiveMessage());
        assertEquals(Denial.RATE_LIMITED, ((Denied) tooSoon.reply().getValue()).denial());
    }

    @Test
    void aModeratorEndsTheConferenceForEveryone() {
        var byGuest = moderate(new Authority.InRoom(gus), new ModeratorAction.EndConference());
        assertEquals(Denial.FORBIDDEN, ((Denied) byGuest.reply().getValue()).denial());

        var ended = moderate(new Authority.InRoom(hana), new ModeratorAction.EndConference());

        assertEquals(List.of(new Conference.ConferenceEnded(EndReason.ENDED_BY_MODERATOR, Initiator.participant(hana), NOW)),
                ended.events());
        assertEquals(new RoomUpdate.Ended(EndReason.ENDED_BY_MODERATOR), gusScreen.receiveMessage());
        assertEquals(new RoomUpdate.Ended(EndReason.ENDED_BY_MODERATOR), olgaScreen.receiveMessage());
        ConferenceState after = conference.restart().state();
        assertEquals(Phase.ENDED, after.phase());
        assertTrue(after.roster().isEmpty());
    }

    private EventSourcedBehaviorTestKit.CommandResultWithReply<Conference.Command, Conference.Event, ConferenceState, StatusReply<Verdict>>
            hand(ParticipantId who, boolean raised) {
        return conference.runCommand((ActorRef<StatusReply<Verdict>> replyTo) -> new Conference.SetHand(who, raised, replyTo));
    }

    private EventSourcedBehaviorTestKit.CommandResultWithReply<Conference.Command, Conference.Event, ConferenceState, StatusReply<Verdict>>
            moderate(Authority by, ModeratorAction action) {
        return room.moderate(by, action);
    }
}
