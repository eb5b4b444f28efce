package org.parley.engine.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.NotSerializableException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.pekko.serialization.SerializerWithStringManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.engine.conference.Conference;
import org.parley.engine.conference.ConferenceState;
import org.parley.engine.conference.EndReason;
import java.util.Set;
import org.parley.engine.conference.Access;
import org.parley.engine.conference.MediaPolicy;
import org.parley.engine.conference.MediaRules;
import org.parley.engine.conference.MuteKind;
import org.parley.engine.conference.UnmuteGate;
import org.parley.engine.conference.ChatMessage;
import org.parley.engine.conference.ChatMessageId;
import org.parley.engine.conference.Initiator;
import org.parley.engine.conference.Knock;
import org.parley.engine.conference.KnockId;
import org.parley.engine.conference.KnockOutcome;
import org.parley.engine.conference.PasswordHash;
import org.parley.engine.conference.LeaveReason;
import org.parley.engine.conference.Member;
import org.parley.engine.conference.ParticipantId;
import org.parley.engine.conference.Phase;
import org.parley.engine.conference.Role;
import org.parley.engine.conference.RoomName;
import org.parley.engine.participant.Participant;
import org.parley.engine.poll.Poll;
import org.parley.engine.poll.PollId;
import org.parley.engine.poll.PollQuestion;
import org.parley.engine.poll.PollState;
import org.parley.engine.participant.ParticipantState;

/**
 * Bytes written by version 1 must stay readable forever. The fixtures under golden/v1 were written
 * once (run with -Dparley.golden.write=true to add a NEW record's fixture; never rewrite one).
 */
class GoldenBytesTest {

    private static final Path FIXTURES = Paths.get("src/test/resources/golden/v1");
    private static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");
    private static final RoomName ROOM = new RoomName("physics-101");
    private static final ParticipantId ALICE = new ParticipantId("alice-1");
    private static final ParticipantId BOB = new ParticipantId("bob-2");
    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static final PasswordHash PASSWORD = new PasswordHash(120_000, "c2FsdHNhbHRzYWx0c2FsdA", "ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGk");
    private static final Knock KNOCK = new Knock(new KnockId("k-1"), "guest:g-7", "Gaston", false, AT);
    private static final ChatMessage CHAT = new ChatMessage(new ChatMessageId("m-1"), BOB, "Bob Été", Optional.of(ALICE),
            "Une question : où sont les diapos ?", AT);

    private static final PollQuestion QUESTION = new PollQuestion("Quel créneau ?", List.of("Lundi", "Mardi", "Jeudi"), false);
    private static final PollSerializer POLL = new PollSerializer(null);
    private static final ConferenceSerializer CONFERENCE = new ConferenceSerializer(null);
    private static final ParticipantSerializer PARTICIPANT = new ParticipantSerializer(null);

    static Stream<Arguments> records() {
        return Stream.of(
                Arguments.of(CONFERENCE, "", new Conference.ConferenceStarted(ROOM, 3, Initiator.participant(ALICE), AT)),
                Arguments.of(CONFERENCE, "", new Conference.ParticipantJoined(BOB, "Bob Été", Role.PARTICIPANT, "", false, AT)),
                Arguments.of(CONFERENCE, "", new Conference.ParticipantLeft(BOB, LeaveReason.CONNECTION_LOST, AT)),
                Arguments.of(CONFERENCE, "", new Conference.ModeratorGranted(BOB, Initiator.SYSTEM, AT)),
                Arguments.of(CONFERENCE, "", new Conference.ConferenceEnded(EndReason.LAST_PARTICIPANT_LEFT, Initiator.SYSTEM, AT)),
                Arguments.of(CONFERENCE, "", new ConferenceState(ROOM, Phase.RUNNING, 3, Initiator.participant(ALICE),
                        Optional.of(AT), Optional.empty(), List.of(
                                new Member(ALICE, "Alice", Role.MODERATOR, AT, "", false),
                                new Member(BOB, "Bob Été", Role.PARTICIPANT, AT.plusSeconds(5), "", false)), Access.OPEN, List.of(), List.of(), MediaRules.OPEN, List.of())),
                // Access control (added later): identities, lobby, password, knocks, kicks.
                Arguments.of(CONFERENCE, "-identity", new Conference.ConferenceStarted(ROOM, 4, Initiator.participant(ALICE, "oidc:alice"), AT)),
                Arguments.of(CONFERENCE, "-identity", new Conference.ParticipantJoined(ALICE, "Alice", Role.MODERATOR, "oidc:alice", true, AT)),
                Arguments.of(CONFERENCE, "", new Conference.LobbyChanged(true, Initiator.subject("service:planner"), AT)),
                Arguments.of(CONFERENCE, "", new Conference.PasswordChanged(Optional.of(PASSWORD), Initiator.participant(ALICE), AT)),
                Arguments.of(CONFERENCE, "", new Conference.Knocked(KNOCK)),
                Arguments.of(CONFERENCE, "", new Conference.KnockAnswered(KNOCK.id(), KnockOutcome.REJECTED,
                        Initiator.participant(ALICE), "Not today", AT)),
                Arguments.of(CONFERENCE, "", new Conference.LobbyMessageSent(KNOCK.id(), Initiator.subject("guest:g-7"), false,
                        "May I come in?", AT)),
                Arguments.of(CONFERENCE, "", new Conference.ParticipantKicked(BOB, Initiator.participant(ALICE), true, "Spam", AT)),
                Arguments.of(CONFERENCE, "-access", new ConferenceState(ROOM, Phase.RUNNING, 4, Initiator.participant(ALICE, "oidc:alice"),
                        Optional.of(AT), Optional.empty(), List.of(new Member(ALICE, "Alice", Role.MODERATOR, AT, "oidc:alice", true)),
                        new Access(true, Optional.of(PASSWORD), Set.of("oidc:alice"), Set.of("guest:g-1"), Set.of("guest:g-2"),
                                List.of(KNOCK)), List.of(), List.of(), MediaRules.OPEN, List.of())),
                Arguments.of(CONFERENCE, "", new Conference.HandRaised(BOB, AT)),
                Arguments.of(CONFERENCE, "", new Conference.HandLowered(BOB, Initiator.participant(ALICE), AT)),
                Arguments.of(CONFERENCE, "", new Conference.AllHandsLowered(Initiator.subject("service:planner"), AT)),
                Arguments.of(CONFERENCE, "-hands", new ConferenceState(ROOM, Phase.RUNNING, 5, Initiator.participant(ALICE, "oidc:alice"),
                        Optional.of(AT), Optional.empty(), List.of(new Member(ALICE, "Alice", Role.MODERATOR, AT, "oidc:alice", true),
                                new Member(BOB, "Bob", Role.PARTICIPANT, AT, "guest:b", false)),
                        Access.OPEN, List.of(BOB, ALICE), List.of(), MediaRules.OPEN, List.of())),
                Arguments.of(CONFERENCE, "", new Conference.ChatMessagePosted(CHAT)),
                Arguments.of(CONFERENCE, "", new Conference.ChatMessageDeleted(CHAT.id(), Initiator.participant(ALICE), AT)),
                Arguments.of(CONFERENCE, "-chat", new ConferenceState(ROOM, Phase.RUNNING, 6, Initiator.participant(ALICE, "oidc:alice"),
                        Optional.of(AT), Optional.empty(), List.of(new Member(ALICE, "Alice", Role.MODERATOR, AT, "oidc:alice", true)),
                        Access.OPEN, List.of(), List.of(CHAT, new ChatMessage(new ChatMessageId("m-2"), ALICE, "Alice",
                                Optional.empty(), "Welcome all", AT)), MediaRules.OPEN, List.of())),
                Arguments.of(CONFERENCE, "", new Conference.MediaPolicyChanged(new MediaPolicy(true, false, true, false),
                        Initiator.participant(ALICE), AT)),
                Arguments.of(CONFERENCE, "", new Conference.UnmuteAsked(BOB, MuteKind.AUDIO, AT)),
                Arguments.of(CONFERENCE, "", new Conference.UnmuteAllowed(BOB, MuteKind.AUDIO, Initiator.participant(ALICE), AT)),
                Arguments.of(CONFERENCE, "", new Conference.ModeratorMuted(List.of(BOB), MuteKind.VIDEO, Initiator.participant(ALICE), AT)),
                Arguments.of(CONFERENCE, "-media", new ConferenceState(ROOM, Phase.RUNNING, 7, Initiator.participant(ALICE, "oidc:alice"),
                        Optional.of(AT), Optional.empty(), List.of(new Member(ALICE, "Alice", Role.MODERATOR, AT, "oidc:alice", true)),
                        Access.OPEN, List.of(), List.of(), new MediaRules(new MediaPolicy(true, true, true, false),
                                List.of(new UnmuteGate(BOB, MuteKind.AUDIO)), List.of(new UnmuteGate(ALICE, MuteKind.VIDEO))), List.of())),
                Arguments.of(CONFERENCE, "-polls", new ConferenceState(ROOM, Phase.RUNNING, 8, Initiator.participant(ALICE, "oidc:alice"),
                        Optional.of(AT), Optional.empty(), List.of(new Member(ALICE, "Alice", Role.MODERATOR, AT, "oidc:alice", true)),
                        Access.OPEN, List.of(), List.of(), MediaRules.OPEN, List.of("poll-1", "poll-2"))),
                Arguments.of(CONFERENCE, "", new Conference.PollListed("poll-1", AT)),
                Arguments.of(POLL, "", new Poll.PollCreated(ROOM, ALICE, "Alice", QUESTION, AT)),
                Arguments.of(POLL, "", new Poll.VoteCast(BOB, 1, AT)),
                Arguments.of(POLL, "", new Poll.PollClosed(Initiator.participant(ALICE), AT)),
                Arguments.of(POLL, "", new PollState(new PollId("poll-1"), Optional.of(ROOM), Optional.of(ALICE), "Alice",
                        Optional.of(QUESTION), List.of(new PollState.Vote(BOB, 1), new PollState.Vote(ALICE, 0)), Optional.of(AT),
                        Optional.of(Initiator.participant(ALICE)))),
                // Written before acceptedTerms existed: it must still read, as false.
                Arguments.of(PARTICIPANT, "", new Participant.Registered(ROOM, "Bob Été", "fr", true, false, false, HASH, AT)),
                Arguments.of(PARTICIPANT, "", new Participant.DisplayNameChanged("Robert", AT)),
                Arguments.of(PARTICIPANT, "", new Participant.LanguageChanged("en-GB", AT)),
                Arguments.of(PARTICIPANT, "", new Participant.AudioMuteChanged(true, Initiator.participant(ALICE), AT)),
                Arguments.of(PARTICIPANT, "", new Participant.VideoMuteChanged(false, Initiator.participant(BOB), AT)),
                Arguments.of(PARTICIPANT, "", new Participant.Departed(LeaveReason.LEFT, AT)),
                Arguments.of(PARTICIPANT, "", new ParticipantState(Optional.of(ROOM), BOB, "Robert", "fr", true, false,
                        HASH, Optional.of(LeaveReason.CONNECTION_LOST))));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("records")
    void recordsWrittenByVersionOneStillReadTheSame(SerializerWithStringManifest serializer, String variant, Object record)
            throws NotSerializableException {
        String manifest = serializer.manifest(record);
        Path fixture = FIXTURES.resolve(record.getClass().getSimpleName() + variant + "." + manifest + ".hex");
        byte[] current = serializer.toBinary(record);
        if (Boolean.getBoolean("parley.golden.write") && !Files.exists(fixture)) {
            write(fixture, current);
        }
        byte[] golden = read(fixture);

        assertEquals(record, serializer.fromBinary(golden, manifest), "old bytes no longer read the same");
        assertEquals(HexFormat.of().formatHex(golden), HexFormat.of().formatHex(current),
                "the wire form changed: add fields, never renumber or retype them");
    }

    @Test
    void anUnknownManifestIsAClearErrorNotACrash() {
        assertThrows(NotSerializableException.class, () -> CONFERENCE.fromBinary(new byte[] {1, 2}, "??"));
        assertThrows(NotSerializableException.class, () -> PARTICIPANT.fromBinary(new byte[] {(byte) 0xff}, "PR"));
    }

    private static byte[] read(Path fixture) {
        try {
            return HexFormat.of().parseHex(Files.readString(fixture, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("missing golden fixture " + fixture, e);
        }
    }

    private static void write(Path fixture, byte[] bytes) {
        try {
            Files.writeString(fixture, HexFormat.of().formatHex(bytes) + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
