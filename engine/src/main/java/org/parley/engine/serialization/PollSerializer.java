package org.parley.engine.serialization;

import static org.parley.engine.serialization.ProtoValues.actor;
import static org.parley.engine.serialization.ProtoValues.initiator;
import static org.parley.engine.serialization.ProtoValues.instant;
import static org.parley.engine.serialization.ProtoValues.millis;
import static org.parley.engine.serialization.ProtoValues.optionalInstant;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.NotSerializableException;
import java.util.Optional;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.SerializerWithStringManifest;
import org.parley.engine.conference.ParticipantId;
import org.parley.engine.conference.RoomName;
import org.parley.engine.poll.Poll;
import org.parley.engine.poll.PollId;
import org.parley.engine.poll.PollQuestion;
import org.parley.engine.poll.PollState;
import org.parley.engine.serialization.proto.v1.CastVote;
import org.parley.engine.serialization.proto.v1.ClosePoll;
import org.parley.engine.serialization.proto.v1.CreatePoll;
import org.parley.engine.serialization.proto.v1.GetPoll;
import org.parley.persistence.proto.v1.PollSnapshot;

/** The Poll entity's events and state (stored) and its commands (between nodes), at one seam. */
public final class PollSerializer extends SerializerWithStringManifest {

    public static final int IDENTIFIER = 4104;

    private static final String CREATED = "PC";
    private static final String VOTED = "PV";
    private static final String CLOSED = "PX";
    private static final String SNAPSHOT = "PollSnap";
    private static final String CREATE = "C_CREATE";
    private static final String VOTE = "C_VOTE";
    private static final String CLOSE = "C_CLOSE";
    private static final String GET = "C_GET";

    private final ActorRefResolver refs;

    public PollSerializer(ExtendedActorSystem system) {
        this.refs = system == null ? null : ActorRefResolver.get(Adapter.toTyped(system));
    }

    @Override
    public int identifier() {
        return IDENTIFIER;
    }

    @Override
    public String manifest(Object o) {
        if (o instanceof Poll.PollCreated) return CREATED;
        if (o instanceof Poll.VoteCast) return VOTED;
        if (o instanceof Poll.PollClosed) return CLOSED;
        if (o instanceof PollState) return SNAPSHOT;
        if (o instanceof Poll.Create) return CREATE;
        if (o instanceof Poll.Vote) return VOTE;
        if (o instanceof Poll.Close) return CLOSE;
        if (o instanceof Poll.GetState) return GET;
        throw new IllegalArgumentException("PollSerializer cannot serialize " + o.getClass().getName());
    }

    @Override
    public byte[] toBinary(Object o) {
        if (o instanceof Poll.PollCreated e) {
            return org.parley.persistence.proto.v1.PollCreated.newBuilder().setRoom(e.room().value())
                    .setCreatorParticipantId(e.creator().value()).setCreatorName(e.creatorName())
                    .setQuestion(question(e.question())).setAtEpochMillis(millis(e.at())).build().toByteArray();
        }
        if (o instanceof Poll.VoteCast e) {
            return org.parley.persistence.proto.v1.VoteCast.newBuilder().setVoterParticipantId(e.voter().value())
                    .setChoice(e.choice()).setAtEpochMillis(millis(e.at())).build().toByteArray();
        }
        if (o instanceof Poll.PollClosed e) {
            return org.parley.persistence.proto.v1.PollClosed.newBuilder().setBy(actor(e.by()))
                    .setAtEpochMillis(millis(e.at())).build().toByteArray();
        }
        if (o instanceof PollState s) {
            PollSnapshot.Builder b = PollSnapshot.newBuilder().setPollId(s.id().value())
                    .setRoom(s.room().map(RoomName::value).orElse(""))
                    .setCreatorParticipantId(s.creator().map(ParticipantId::value).orElse(""))
                    .setCreatorName(s.creatorName())
                    .setCreatedAtEpochMillis(s.createdAt().map(ProtoValues::millis).orElse(0L))
                    .setClosed(s.isClosed());
            s.question().ifPresent(q -> b.setQuestion(question(q)));
            s.votes().forEach(v -> b.addVotes(PollSnapshot.Vote.newBuilder()
                    .setVoterParticipantId(v.voter().value()).setChoice(v.choice())));
            s.closedBy().ifPresent(by -> b.setClosedBy(actor(by)));
            return b.build().toByteArray();
        }
        if (o instanceof Poll.Create c) {
            return CreatePoll.newBuilder().setRoom(c.room().value()).setCreatorParticipantId(c.creator().value())
                    .setCreatorName(c.creatorName()).setQuestion(question(c.question()))
                    .setReplyTo(refs.toSerializationFormat(c.replyTo())).build().toByteArray();
        }
        if (o instanceof Poll.Vote c) {
            return CastVote.newBuilder().setVoterParticipantId(c.voter().value()).setChoice(c.choice())
                    .setReplyTo(refs.toSerializationFormat(c.replyTo())).build().toByteArray();
        }
        if (o instanceof Poll.Close c) {
            return ClosePoll.newBuilder().setBy(actor(c.by())).setReplyTo(refs.toSerializationFormat(c.replyTo()))
                    .build().toByteArray();
        }
        if (o instanceof Poll.GetState c) {
            return GetPoll.newBuilder().setReplyTo(refs.toSerializationFormat(c.replyTo())).build().toByteArray();
        }
        throw new IllegalArgumentException("PollSerializer cannot serialize " + o.getClass().getName());
    }

    @Override
    public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
        try {
            return switch (manifest) {
                case CREATED -> {
                    var p = org.parley.persistence.proto.v1.PollCreated.parseFrom(bytes);
                    yield new Poll.PollCreated(new RoomName(p.getRoom()), new ParticipantId(p.getCreatorParticipantId()),
                            p.getCreatorName(), question(p.getQuestion()), instant(p.getAtEpochMillis()));
                }
                case VOTED -> {
                    var p = org.parley.persistence.proto.v1.VoteCast.parseFrom(bytes);
                    yield new Poll.VoteCast(new ParticipantId(p.getVoterParticipantId()), p.getChoice(),
                            instant(p.getAtEpochMillis()));
                }
                case CLOSED -> {
                    var p = org.parley.persistence.proto.v1.PollClosed.parseFrom(bytes);
                    yield new Poll.PollClosed(initiator(p.getBy()), instant(p.getAtEpochMillis()));
                }
                case SNAPSHOT -> {
                    var p = PollSnapshot.parseFrom(bytes);
                    yield new PollState(new PollId(p.getPollId()),
                            p.getRoom().isEmpty() ? Optional.empty() : Optional.of(new RoomName(p.getRoom())),
                            p.getCreatorParticipantId().isEmpty() ? Optional.empty()
                                    : Optional.of(new ParticipantId(p.getCreatorParticipantId())),
                            p.getCreatorName(),
                            p.hasQuestion() ? Optional.of(question(p.getQuestion())) : Optional.empty(),
                            p.getVotesList().stream()
                                    .map(v -> new PollState.Vote(new ParticipantId(v.getVoterParticipantId()), v.getChoice()))
                                    .toList(),
                            optionalInstant(p.getCreatedAtEpochMillis()),
                            p.getClosed() ? Optional.of(initiator(p.getClosedBy())) : Optional.empty());
                }
                case CREATE -> {
                    var p = CreatePoll.parseFrom(bytes);
                    yield new Poll.Create(new RoomName(p.getRoom()), new ParticipantId(p.getCreatorParticipantId()),
                            p.getCreatorName(), question(p.getQuestion()), refs.resolveActorRef(p.getReplyTo()));
                }
                case VOTE -> {
                    var p = CastVote.parseFrom(bytes);
                    yield new Poll.Vote(new ParticipantId(p.getVoterParticipantId()), p.getChoice(),
                            refs.resolveActorRef(p.getReplyTo()));
                }
                case CLOSE -> {
                    var p = ClosePoll.parseFrom(bytes);
                    yield new Poll.Close(initiator(p.getBy()), refs.resolveActorRef(p.getReplyTo()));
                }
                case GET -> new Poll.GetState(refs.resolveActorRef(GetPoll.parseFrom(bytes).getReplyTo()));
                default -> throw new NotSerializableException("unknown poll manifest " + manifest);
            };
        } catch (InvalidProtocolBufferException e) {
            throw new NotSerializableException("unreadable poll record " + manifest + ": " + e.getMessage());
        }
    }

    private static org.parley.persistence.proto.v1.PollQuestion question(PollQuestion q) {
        return org.parley.persistence.proto.v1.PollQuestion.newBuilder().setQuestion(q.question())
                .addAllChoices(q.choices()).setAnonymous(q.anonymous()).build();
    }

    private static PollQuestion question(org.parley.persistence.proto.v1.PollQuestion p) {
        return new PollQuestion(p.getQuestion(), p.getChoicesList(), p.getAnonymous());
    }
}
