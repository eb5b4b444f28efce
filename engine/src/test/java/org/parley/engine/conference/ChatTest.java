package org.parley.engine.conference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
 * The conference's chat: persisted (a late joiner and a reload get it from the state), public or
 * private, limited in length and pace, and moderators delete messages.
 */
class ChatTest {

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
    void aRunningSeminar() {
        room = new ConferenceUnderTest(testKit, RoomName.parse("seminar"));
        conference = room.kit();
        ConferenceUnderTest.Screens screens = room.seatHostAndTwoGuests(testKit);
        hanaScreen = screens.hana();
        gusScreen = screens.gus();
        olgaScreen = screens.olga();
    }

    @Test
    void aPublicMessageReachesEveryoneIncludingItsSenderAndStaysForLateJoinersAndReloads() {
        var posted = post(gus, Optional.empty(), "  Where are the slides?  ");

        ChatMessage message = ((Conference.ChatMessagePosted) posted.events().get(0)).message();
        assertEquals("Where are the slides?", message.text());
        assertEquals("Gus", message.fromDisplayName());
        for (TestProbe<RoomUpdate> screen : List.of(hanaScreen, gusScreen, olgaScreen)) {
            assertEquals(new RoomUpdate.ChatPosted(message), screen.receiveMessage());
        }
        ParticipantId late = new ParticipantId("p-late");
        room.join(late, Caller.guest("guest:late"), "Late", testKit.createTestProbe());
        assertEquals(List.of(message), conference.restart().state().chatFor(late));
    }

    @Test
    void aPrivateMessageIsSeenOnlyByItsTwoPeople() {
        var posted = post(gus, Optional.of(hana), "I have to leave early");

        ChatMessage message = ((Conference.ChatMessagePosted) posted.events().get(0)).message();
        assertEquals(new RoomUpdate.ChatPosted(message), hanaScreen.receiveMessage());
        assertEquals(new RoomUpdate.ChatPosted(message), gusScreen.receiveMessage());
        olgaScreen.expectNoMessage(java.time.Duration.ofMillis(200));
        ConferenceState state = conference.restart().state();
        assertEquals(List.of(message), state.chatFor(hana));
        assertEquals(List.of(), state.chatFor(olga));
    }

    @Test
    void emptyOverlongTooFastOrMisaddressedMessagesAreRefusedAndNothingIsRecorded() {
        var empty = post(gus, Optional.empty(), "   ");
        var overlong = post(gus, Optional.empty(), "x".repeat(ChatMessage.MAX_TEXT + 1));
        var nobody = post(gus, Optional.of(new ParticipantId("p-nobody")), "hello?");
        for (int i = 0; i < Conference.CHAT_BURST; i++) {
            post(olga, Optional.empty(), "spam " + i);
        }
        var tooFast = post(olga, Optional.empty(), "more spam");

        assertEquals(Denial.INVALID, ((Denied) empty.reply().getValue()).denial());
        assertEquals(Denial.INVALID, ((Denied) overlong.reply().getValue()).denial());
        assertEquals(Denial.NOT_IN_CONFERENCE, ((Denied) nobody.reply().getValue()).denial());
        assertEquals(Denial.RATE_LIMITED, ((Denied) tooFast.reply().getValue()).denial());
        for (var refused : List.of(empty, overlong, nobody, tooFast)) {
            assertTrue(refused.hasNoEvents());
        }
    }

    @Test
    void aModeratorDeletesAMessageForEveryoneAndAParticipantCannot() {
        ChatMessage message = ((Conference.ChatMessagePosted) post(olga, Optional.empty(), "rude words").events().get(0)).message();

        var byGuest = moderate(new Authority.InRoom(gus), new ModeratorAction.DeleteChat(message.id()));
        var byModerator = moderate(new Authority.InRoom(hana), new ModeratorAction.DeleteChat(message.id()));

        assertEquals(Denial.FORBIDDEN, ((Denied) byGuest.reply().getValue()).denial());
        assertTrue(byGuest.hasNoEvents());
        assertEquals(List.of(new Conference.ChatMessageDeleted(message.id(), Initiator.participant(hana), NOW)), byModerator.events());
        assertEquals(List.of(), conference.restart().state().chat());
    }

    private EventSourcedBehaviorTestKit.CommandResultWithReply<Conference.Command, Conference.Event, ConferenceState, StatusReply<Verdict>>
            post(ParticipantId from, Optional<ParticipantId> to, String text) {
        return conference.runCommand((ActorRef<StatusReply<Verdict>> replyTo) -> new Conference.PostChat(from, to, text, replyTo));
    }

    private EventSourcedBehaviorTestKit.CommandResultWithReply<Conference.Command, Conference.Event, ConferenceState, StatusReply<Verdict>>
            moderate(Authority by, ModeratorAction action) {
        return room.moderate(by, action);
    }
}
