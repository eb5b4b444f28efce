package org.parley.engine.conference;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The moderation state of one room, rebuilt from its log. Pure: no clock, no actors. The roster is
 * kept in join order because order is a rule (the longest present inherits moderation).
 */
public record ConferenceState(
        RoomName room,
        Phase phase,
        long instance,
        Initiator startedBy,
        Optional<Instant> startedAt,
        Optional<Instant> endedAt,
        List<Member> roster) {

    public ConferenceState {
        roster = List.copyOf(roster);
    }

    public static ConferenceState notStarted(RoomName room) {
        return new ConferenceState(room, Phase.NOT_STARTED, 0, Initiator.SYSTEM, Optional.empty(), Optional.empty(), List.of());
    }

    public boolean isInProgress() {
        return phase == Phase.STARTED || phase == Phase.RUNNING;
    }

    public Optional<Member> member(ParticipantId id) {
        return roster.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public boolean isMember(ParticipantId id) {
        return member(id).isPresent();
    }

    public boolean isModerator(ParticipantId id) {
        return member(id).map(m -> m.role() == Role.MODERATOR).orElse(false);
    }

    /** The first person into a conference runs it, until sign-in decides that (access control). */
    public Role roleForNewcomer() {
        return roster.stream().anyMatch(m -> m.role() == Role.MODERATOR) ? Role.PARTICIPANT : Role.MODERATOR;
    }

    /**
     * When the last moderator leaves while others stay, the longest-present person inherits moderation,
     * so a room is never left without someone who can run it.
     */
    public Optional<ParticipantId> moderatorHeirAfterLeaving(ParticipantId leaving) {
        List<Member> remaining = roster.stream().filter(m -> !m.id().equals(leaving)).toList();
        boolean moderatorRemains = remaining.stream().anyMatch(m -> m.role() == Role.MODERATOR);
        if (moderatorRemains || remaining.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(remaining.get(0).id());
    }

    public ConferenceState apply(Conference.Event event) {
        if (event instanceof Conference.ConferenceStarted e) {
            return new ConferenceState(room, Phase.STARTED, e.instance(), e.by(), Optional.of(e.at()), Optional.empty(), List.of());
        }
        if (event instanceof Conference.ParticipantJoined e) {
            List<Member> next = new ArrayList<>(roster);
            next.add(new Member(e.participant(), e.displayName(), e.role(), e.at()));
            return new ConferenceState(room, Phase.RUNNING, instance, startedBy, startedAt, endedAt, next);
        }
        if (event instanceof Conference.ParticipantLeft e) {
            return withRoster(roster.stream().filter(m -> !m.id().equals(e.participant())).toList());
        }
        if (event instanceof Conference.ModeratorGranted e) {
            return withRoster(roster.stream()
                    .map(m -> m.id().equals(e.participant()) ? m.withRole(Role.MODERATOR) : m)
                    .toList());
        }
        if (event instanceof Conference.ConferenceEnded e) {
            return new ConferenceState(room, Phase.ENDED, instance, startedBy, startedAt, Optional.of(e.at()), List.of());
        }
        throw new IllegalArgumentException("unknown conference event " + event.getClass().getName());
    }

    private ConferenceState withRoster(List<Member> next) {
        return new ConferenceState(room, phase, instance, startedBy, startedAt, endedAt, next);
    }
}
