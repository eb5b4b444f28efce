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
 * Mute policies: a moderator mutes one person or everyone else (audio and video apart); people
 * may unmute themselves, unless "ask to unmute" is on: then they ask and a moderator allows, and a
 * new mute takes the permission back. Policies and permissions survive a restart.
 */
class MutePolicyTest {

    private static final Instant NOW = ConferenceUnderTest.NOW;
    private static final ActorTestKit testKit = ActorTestKit.create(EntityTestConfig.config());

    private final ParticipantId hana = ConferenceUnderTest.HANA;
    private final ParticipantId gus = ConferenceUnderTest.GUS;
    private final ParticipantId olga = ConferenceUnderTest.OLGA;
    private TestProbe<RoomUpdate> hanaScreen;
    private EventSourcedBehaviorTestKit<Conference.Command, Conference.Event, ConferenceState> conference;
    private ConferenceUnderTest room;

    @AfterAll
    static void stopTestKit() {
        testKit.shutdownTestKit();
    }

    @BeforeEach
    void aRunningClass() {
        room = new ConferenceUnderTest(testKit, RoomName.parse("class"));
        conference = room.kit();
        hanaScreen = room.seatHostAndTwoGuests(testKit).hana();
    }

    @Test
    void muteEveryoneReachesAllWhoDoNotModerateAndTheyMayUnmuteThemselves() {
        var muted = moderate(new Authority.InRoom(hana), new ModeratorAction.Mute(Optional.empty(), MuteKind.AUDIO));

        assertEquals(List.of(new Conference.ModeratorMuted(List.of(gus, olga), MuteKind.AUDIO, Initiator.participant(hana), NOW)),
                muted.events());
        assertEquals(new RoomUpdate.MutedByModerator(List.of(gus, olga), MuteKind.AUDIO), hanaScreen.receiveMessage());
        assertEquals(Verdict.ACCEPTED, mayUnmute(gus, MuteKind.AUDIO));
    }

    @Test
    void withAskToUnmuteAPersonAsksAModeratorAllowsAndANewMuteTakesThePermissionBack() {
        moderate(new Authority.InRoom(hana), new ModeratorAction.SetMediaPolicy(new MediaPolicy(false, false, true, false)));
        hanaScreen.receiveMessage();
        moderate(new Authority.InRoom(hana), new ModeratorAction.Mute(Optional.of(gus), MuteKind.AUDIO));
        hanaScreen.receiveMessage();

        assertEquals(Denial.FORBIDDEN, ((Denied) mayUnmute(gus, MuteKind.AUDIO)).denial());
        assertEquals(Verdict.ACCEPTED, mayUnmute(gus, MuteKind.VIDEO), "video has its own rule");
        assertEquals(Verdict.ACCEPTED, mayUnmute(hana, MuteKind.AUDIO), "moderators are exempt");

        var asked = conference.runCommand((ActorRef<StatusReply<Verdict>> replyTo) -> new Conference.AskToUnmute(gus, MuteKind.AUDIO, replyTo));
        assertEquals(List.of(new Conference.UnmuteAsked(gus, MuteKind.AUDIO, NOW)), asked.events());
        assertEquals(new RoomUpdate.UnmuteAsked(gus, MuteKind.AUDIO), hanaScreen.receiveMessage());

        moderate(new Authority.InRoom(hana), new ModeratorAction.AllowUnmute(gus, MuteKind.AUDIO));
        assertEquals(Verdict.ACCEPTED, mayUnmute(gus, MuteKind.AUDIO));
        assertTrue(conference.restart().state().media().asks().isEmpty());

        moderate(new Authority.InRoom(hana), new ModeratorAction.Mute(Optional.of(gus), MuteKind.AUDIO));
        assertEquals(Denial.FORBIDDEN, ((Denied) mayUnmute(gus, MuteKind.AUDIO)).denial());
    }

    @Test
    void onlyModeratorsMuteOthersOrChangeThePolicy() {
        var mute = moderate(new Authority.InRoom(gus), new ModeratorAction.Mute(Optional.of(olga), MuteKind.AUDIO));
        var policy = moderate(new Authority.InRoom(gus), new ModeratorAction.SetMediaPolicy(new MediaPolicy(true, true, true, true)));
        var allow = moderate(new Authority.InRoom(gus), new ModeratorAction.AllowUnmute(gus, MuteKind.AUDIO));

        for (var refused : List.of(mute, policy, allow)) {
            assertEquals(Denial.FORBIDDEN, ((Denied) refused.reply().getValue()).denial());
            assertTrue(refused.hasNoEvents());
        }
    }

    @Test
    void thePolicyIsRecordedAndSurvivesARestart() {
        MediaPolicy strict = new MediaPolicy(true, true, true, true);

        var changed = moderate(new Authority.InRoom(hana), new ModeratorAction.SetMediaPolicy(strict));

        assertEquals(List.of(new Conference.MediaPolicyChanged(strict, Initiator.participant(hana), NOW)), changed.events());
        assertEquals(strict, conference.restart().state().media().policy());
    }

    private Verdict mayUnmute(ParticipantId who, MuteKind kind) {
        return conference.runCommand((ActorRef<StatusReply<Verdict>> replyTo) -> new Conference.MayUnmute(who, kind, replyTo))
                .reply().getValue();
    }

    private EventSourcedBehaviorTestKit.CommandResultWithReply<Conference.Command, Conference.Event, ConferenceState, StatusReply<Verdict>>
            moderate(Authority by, ModeratorAction action) {
        return room.moderate(by, action);
    }
}
