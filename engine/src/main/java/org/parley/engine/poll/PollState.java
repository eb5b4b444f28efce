package org.parley.engine.poll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parley.engine.conference.Initiator;
import org.parley.engine.conference.ParticipantId;
import org.parley.engine.conference.RoomName;

/**
 * A poll as its log makes it: who asked what in which room, one vote per person (the latest
 * counts), open or closed. Pure.
 */
public record PollState(
        PollId id,
        Optional<RoomName> room,
        Optional<ParticipantId> creator,
        String creatorName,
        Optional<PollQuestion> question,
        List<Vote> votes,
        Optional<Instant> createdAt,
        Optional<Initiator> closedBy) {

    public record Vote(ParticipantId voter, int choice) {}

    public PollState {
        votes = List.copyOf(votes);
    }

    public static PollState none(PollId id) {
        return new PollState(id, Optional.empty(), Optional.empty(), "", Optional.empty(), List.of(), Optional.empty(),
                Optional.empty());
    }

    public boolean exists() {
        return question.isPresent();
    }

    public boolean isClosed() {
        return closedBy.isPresent();
    }

    public Optional<Integer> choiceOf(ParticipantId voter) {
        return votes.stream().filter(v -> v.voter().equals(voter)).map(Vote::choice).findFirst();
    }

    /** How many chose each choice, in the choices' order. */
    public List<Integer> counts() {
        int size = question.map(q -> q.choices().size()).orElse(0);
        List<Integer> counts = new ArrayList<>(java.util.Collections.nCopies(size, 0));
        votes.forEach(v -> counts.set(v.choice(), counts.get(v.choice()) + 1));
        return counts;
    }

    PollState apply(Poll.Event event) {
        if (event instanceof Poll.PollCreated e) {
            return new PollState(id, Optional.of(e.room()), Optional.of(e.creator()), e.creatorName(), Optional.of(e.question()),
                    List.of(), Optional.of(e.at()), Optional.empty());
        }
        if (event instanceof Poll.VoteCast e) {
            List<Vote> next = new ArrayList<>(votes.stream().filter(v -> !v.voter().equals(e.voter())).toList());
            next.add(new Vote(e.voter(), e.choice()));
            return new PollState(id, room, creator, creatorName, question, next, createdAt, closedBy);
        }
        Poll.PollClosed e = (Poll.PollClosed) event;
        return new PollState(id, room, creator, creatorName, question, votes, createdAt, Optional.of(e.by()));
    }
}
