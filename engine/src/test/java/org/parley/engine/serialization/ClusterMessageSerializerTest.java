package org.parley.engine.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.NotSerializableException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.engine.EntityTestConfig;
import java.util.Set;
import org.parley.engine.conference.Access;
import org.parley.engine.conference.MediaPolicy;
import org.parley.engine.conference.MediaRules;
import org.parley.engine.conference.MuteKind;
import org.parley.engine.conference.UnmuteGate;
import org.parley.engine.conference.Authority;
import org.parley.engine.conference.Caller;
import org.parley.engine.conference.ChatMessage;
import org.parley.engine.conference.ChatMessageId;
import org.parley.engine.conference.Conference;
import org.parley.engine.conference.Denial;
import org.parley.engine.conference.Denied;
import org.parley.engine.conference.JoinOutcome;
import org.parley.engine.conference.Knock;
import org.parley.engine.conference.KnockId;
import org.parley.engine.conference.KnockOutcome;
import org.parley.engine.conference.ModeratorAction;
import org.parley.engine.conference.PasswordHash;
import org.parley.engine.conference.Reaction;
import org.parley.engine.conference.Verdict;
import org.parley.engine.conference.ConferenceState;
import org.parley.engine.conference.EndReason;
import org.parley.engine.conference.Initiator;
import org.parley.engine.conference.LeaveReason;
import org.parley.engine.conference.Member;
import org.parley.engine.conference.ParticipantId;
import org.parley.engine.conference.Phase;
import org.parley.engine.conference.Role;
import org.parley.engine.conference.RoomName;
import org.parley.engine.conference.RoomUpdate;
import org.parley.engine.participant.Participant;
import org.parley.engine.poll.Poll;
import org.parley.engine.poll.PollQuestion;
import org.parley.engine.participant.ResumeToken;

/** Everything that crosses from one node to another reads back the same, replies included. */
class ClusterMessageSerializerTest {

    private static final ActorTestKit testKit = ActorTestKit.create(EntityTestConfig.config());
    private static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");
    private static final ParticipantId ADA = new ParticipantId("ada");
    private static final RoomName ROOM = new RoomName("physics");
    private static final PasswordHash HASH = new PasswordHash(1000, "c2FsdA", "ZGlnZXN0");
    private static final Knock KNOCK = new Knock(new KnockId("k-1"), "guest:1", "Gaston", false, AT);

    @AfterAll
    static void stop() {
        testKit.shutdownTestKit();
    }

    static Stream<Object> messages() {
        ActorRef<Object> ref = testKit.createTestProbe().ref();
        ConferenceState running = new ConferenceState(ROOM, Phase.RUNNING, 2, Initiator.participant(ADA),
                Optional.of(AT), Optional.empty(), List.of(new Member(ADA, "Ada", Role.MODERATOR, AT, "oidc:ada", true)),
                new Access(true, Optional.of(HASH), Set.of("oidc:ada"), Set.of(), Set.of(), List.of(KNOCK)), List.of(ADA),
                List.of(new ChatMessage(new ChatMessageId("m-1"), ADA, "Ada", Optional.empty(), "hello", AT)),
                new MediaRules(new MediaPolicy(false, true, true, false), List.of(new UnmuteGate(ADA, MuteKind.AUDIO)), List.of()),
                List.of("poll-1"));
        return Stream.of(
                new Conference.Join(ADA, "Ada", Caller.member("oidc:ada"), Optional.empty(), ref.unsafeUpcast(), ref.unsafeUpcast()),
                new Conference.Join(ADA, "Ada", Caller.guest("guest:1"), Optional.of(HASH), ref.unsafeUpcast(), ref.unsafeUpcast()),
                new Conference.Moderate(new Authority.InRoom(ADA), new ModeratorAction.SetLobby(true), ref.unsafeUpcast()),
                new Conference.Moderate(new Authority.Person(Caller.member("oidc:ada")),
                        new ModeratorAction.SetPassword(Optional.of(HASH)), ref.unsafeUpcast()),
                new Conference.Moderate(new Authority.Service("planner"), new ModeratorAction.SetPassword(Optional.empty()),
                        ref.unsafeUpcast()),
                new Conference.Moderate(new Authority.InRoom(ADA), new ModeratorAction.Admit(KNOCK.id()), ref.unsafeUpcast()),
                new Conference.Moderate(new Authority.InRoom(ADA), new ModeratorAction.Reject(KNOCK.id(), "no"), ref.unsafeUpcast()),
                new Conference.Moderate(new Authority.InRoom(ADA), new ModeratorAction.LobbyReply(KNOCK.id(), "wait"),
                        ref.unsafeUpcast()),
                new Conference.Moderate(new Authority.InRoom(ADA), new ModeratorAction.Promote(ADA), ref.unsafeUpcast()),
                new Conference.Moderate(new Authority.InRoom(ADA), new ModeratorAction.Kick(ADA, true, "bye"), ref.unsafeUpcast()),
                new Conference.KnockerSays("guest:1", "hello", ref.unsafeUpcast()),
                new Conference.Withdraw("guest:1", ref.unsafeUpcast(), ref.unsafeUpcast()),
                new JoinOutcome.WaitingForHost(),
                new JoinOutcome.InLobby(KNOCK.id()),
                new Denied(Denial.BANNED, "barred"),
                Verdict.ACCEPTED,
                new RoomUpdate.HostArrived(),
                new RoomUpdate.KnockReceived(KNOCK),
                new RoomUpdate.KnockAnswered(KNOCK.id(), KnockOutcome.ADMITTED, Optional.of(ADA), ""),
                new RoomUpdate.KnockAnswered(KNOCK.id(), KnockOutcome.WITHDRAWN, Optional.empty(), ""),
                new RoomUpdate.LobbyMessage(KNOCK.id(), "Gaston", false, "hello", AT),
                new RoomUpdate.AccessChanged(true, false),
                new RoomUpdate.Kicked(ADA, true, "bye"),
                new Conference.SetHand(ADA, true, ref.unsafeUpcast()),
                new Conference.React(ADA, Reaction.CLAP, ref.unsafeUpcast()),
                new Conference.Moderate(new Authority.InRoom(ADA), new ModeratorAction.LowerHand(ADA), ref.unsafeUpcast()),
                new Conference.Moderate(new Authority.InRoom(ADA), new ModeratorAction.LowerAllHands(), ref.unsafeUpcast()),
                new Conference.Moderate(new Authority.InRoom(ADA), new ModeratorAction.EndConference(), ref.unsafeUpcast()),
                new RoomUpdate.HandsChanged(List.of(ADA)),
                new RoomUpdate.Reacted(ADA, Reaction.HEART),
                new Denied(Denial.RATE_LIMITED, "slow down"),
                new Conference.PostChat(ADA, Optional.empty(), "hello all", ref.unsafeUpcast()),
                new Conference.PostChat(ADA, Optional.of(ADA), "note to self", ref.unsafeUpcast()),
                new Conference.Moderate(new Authority.InRoom(ADA), new ModeratorAction.DeleteChat(new ChatMessageId("m-1")),
                        ref.unsafeUpcast()),
                new RoomUpdate.ChatPosted(new ChatMessage(new ChatMessageId("m-1"), ADA, "Ada", Optional.of(ADA), "hi", AT)),
                new RoomUpdate.ChatDeleted(new ChatMessageId("m-1")),
                new Conference.AskToUnmute(ADA, MuteKind.AUDIO, ref.unsafeUpcast()),
                new Conference.MayUnmute(ADA, MuteKind.VIDEO, ref.unsafeUpcast()),
                new Conference.Moderate(new Authority.InRoom(ADA), new ModeratorAction.Mute(Optional.empty(), MuteKind.AUDIO),
                        ref.unsafeUpcast()),
                new Conference.Moderate(new Authority.InRoom(ADA), new ModeratorAction.Mute(Optional.of(ADA), MuteKind.VIDEO),
                        ref.unsafeUpcast()),
                new Conference.Moderate(new Authority.InRoom(ADA),
                        new ModeratorAction.SetMediaPolicy(new MediaPolicy(true, false, false, true)), ref.unsafeUpcast()),
                new Conference.Moderate(new Authority.InRoom(ADA), new ModeratorAction.AllowUnmute(ADA, MuteKind.AUDIO),
                        ref.unsafeUpcast()),
                new RoomUpdate.MediaPolicyChanged(new MediaPolicy(true, true, false, false)),
                new RoomUpdate.UnmuteAsked(ADA, MuteKind.VIDEO),
                new RoomUpdate.UnmuteAllowed(ADA, MuteKind.AUDIO),
                new RoomUpdate.MutedByModerator(List.of(ADA), MuteKind.AUDIO),
                new Conference.PollChanged("poll-1", ref.unsafeUpcast()),
                new RoomUpdate.PollChanged("poll-1"),
                new Poll.Create(ROOM, ADA, "Ada", new PollQuestion("Tea or coffee?", List.of("Tea", "Coffee"), true), ref.unsafeUpcast()),
                new Poll.Vote(ADA, 1, ref.unsafeUpcast()),
                new Poll.Close(Initiator.participant(ADA), ref.unsafeUpcast()),
                new Poll.GetState(ref.unsafeUpcast()),
                new Conference.Leave(ADA, LeaveReason.CONNECTION_LOST, ref.unsafeUpcast()),
                new Conference.Subscribe(ADA, ref.unsafeUpcast(), ref.unsafeUpcast()),
                new Conference.GetState(ref.unsafeUpcast()),
                new Conference.Relay(new RoomUpdate.ParticipantUpdated(ADA, "Ada", "fr", true, false)),
                new JoinOutcome.Admitted(Role.MODERATOR, running),
                new RoomUpdate.MemberJoined(new Member(ADA, "Ada", Role.PARTICIPANT, AT, "guest:1", false)),
                new RoomUpdate.MemberLeft(ADA, LeaveReason.LEFT),
                new RoomUpdate.RoleChanged(ADA, Role.MODERATOR),
                new RoomUpdate.ParticipantUpdated(ADA, "Ada L.", "en", false, true),
                new RoomUpdate.Ended(EndReason.LAST_PARTICIPANT_LEFT),
                new Participant.Register(ROOM, "Ada", "en", true, false, true, "ab12", ref.unsafeUpcast()),
                new Participant.ChangeDisplayName("Countess", ref.unsafeUpcast()),
                new Participant.ChangeLanguage("fr", ref.unsafeUpcast()),
                new Participant.SetAudioMuted(true, Initiator.participant(ADA), ref.unsafeUpcast()),
                new Participant.SetVideoMuted(false, Initiator.SYSTEM, ref.unsafeUpcast()),
                new Participant.Resume(new ResumeToken("secret"), ref.unsafeUpcast()),
                new Participant.KeepAlive(ref.unsafeUpcast()),
                new Participant.Leave(LeaveReason.LEFT, ref.unsafeUpcast()),
                new Participant.GetState(ref.unsafeUpcast()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void everyMessageBetweenNodesReadsBackTheSame(Object message) throws Exception {
        Serialization serialization = SerializationExtension.get(Adapter.toClassic(testKit.system()));
        var serializer = serialization.findSerializerFor(message);
        assertTrue(serializer instanceof ClusterMessageSerializer || serializer instanceof PollSerializer, serializer.getClass().getName());

        byte[] bytes = serializer.toBinary(message);
        Object back = serialization.deserialize(bytes, serializer.identifier(), Serializers.manifestFor(serializer, message)).get();

        assertEquals(message, back);
    }

    @Test
    void anUnknownManifestIsAClearError() {
        var serializer = new ClusterMessageSerializer(
                (org.apache.pekko.actor.ExtendedActorSystem) Adapter.toClassic(testKit.system()));
        assertThrows(NotSerializableException.class, () -> serializer.fromBinary(new byte[0], "NOPE"));
    }
}
