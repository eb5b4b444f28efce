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
        List<Member> roster,
        Access access,
        List<ParticipantId> raisedHands,
        List<ChatMessage> chat,
        MediaRules media,
        List<String> polls) {

    /** How much chat a conference keeps for late joiners and reloads (the log keeps everything). */
    public static final int CHAT_KEPT = 500;

    public ConferenceState {
        roster = List.copyOf(roster);
        raisedHands = List.copyOf(raisedHands);
        chat = List.copyOf(chat);
        polls = List.copyOf(polls);
    }

    /** Whether this participant may turn this device back on now (moderators always may). */
    public boolean mayUnmute(ParticipantId participant, MuteKind kind) {
        return !media.policy().askToUnmute(kind) || isModerator(participant)
                || media.allowed().contains(new UnmuteGate(participant, kind));
    }

    /** Who a "mute everyone" reaches: all who do not moderate. */
    public List<ParticipantId> mutedByEveryone() {
        return roster.stream().filter(m -> m.role() != Role.MODERATOR).map(Member::id).toList();
    }

    /** The chat as one participant may read it, oldest first. */
    public List<ChatMessage> chatFor(ParticipantId reader) {
        return chat.stream().filter(message -> message.visibleTo(reader)).toList();
    }

    public static ConferenceState notStarted(RoomName room) {
        return new ConferenceState(room, Phase.NOT_STARTED, 0, Initiator.SYSTEM, Optional.empty(), Optional.empty(),
                List.of(), Access.OPEN, List.of(), List.of(), MediaRules.OPEN, List.of());
    }

    public boolean hasRaisedHand(ParticipantId id) {
        return raisedHands.contains(id);
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

    public Optional<Member> memberWithSubject(String subject) {
        return roster.stream().filter(m -> m.subject().equals(subject)).findFirst();
    }

    public boolean isModerator(ParticipantId id) {
        return member(id).map(m -> m.role() == Role.MODERATOR).orElse(false);
    }

    /** Community members moderate every room; others only where a moderator made them one. */
    public boolean moderates(Caller caller) {
        return caller.member() || access.moderatorSubjects().contains(caller.subject());
    }

    public boolean mayModerate(Authority authority) {
        if (authority instanceof Authority.InRoom inRoom) {
            return isModerator(inRoom.participant());
        }
        if (authority instanceof Authority.Person person) {
            return moderates(person.caller());
        }
        return authority instanceof Authority.Service;
    }

    /** Moderators, and people a moderator let in through the lobby, need neither password nor lobby. */
    public boolean mayPassTheDoor(Caller caller) {
        return moderates(caller) || access.admittedSubjects().contains(caller.subject());
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
            // A room prepared in advance keeps its lobby and password into the conference.
            return new ConferenceState(room, Phase.STARTED, e.instance(), e.by(), Optional.of(e.at()), Optional.empty(),
                    List.of(), access, List.of(), List.of(), media, List.of());
        }
        if (event instanceof Conference.ParticipantJoined e) {
            List<Member> next = new ArrayList<>(roster);
            next.add(new Member(e.participant(), e.displayName(), e.role(), e.at(), e.subject(), e.signedIn()));
            Access granted = e.role() == Role.MODERATOR ? access.withModerator(e.subject()) : access;
            return new ConferenceState(room, Phase.RUNNING, instance, startedBy, startedAt, endedAt, next, granted, raisedHands,
                    chat, media, polls);
        }
        if (event instanceof Conference.ParticipantLeft e) {
            return withRoster(roster.stream().filter(m -> !m.id().equals(e.participant())).toList())
                    .withHands(without(e.participant()));
        }
        if (event instanceof Conference.ModeratorGranted e) {
            Access granted = member(e.participant()).map(m -> access.withModerator(m.subject())).orElse(access);
            return withRoster(roster.stream()
                    .map(m -> m.id().equals(e.participant()) ? m.withRole(Role.MODERATOR) : m)
                    .toList()).withAccess(granted);
        }
        if (event instanceof Conference.ConferenceEnded e) {
            return new ConferenceState(room, Phase.ENDED, instance, startedBy, startedAt, Optional.of(e.at()), List.of(),
                    Access.OPEN, List.of(), List.of(), MediaRules.OPEN, List.of());
        }
        if (event instanceof Conference.LobbyChanged e) {
            return withAccess(access.withLobby(e.enabled()));
        }
        if (event instanceof Conference.PasswordChanged e) {
            return withAccess(access.withPassword(e.hash()));
        }
        if (event instanceof Conference.Knocked e) {
            return withAccess(access.withKnock(e.knock()));
        }
        if (event instanceof Conference.KnockAnswered e) {
            return withAccess(access.withoutKnock(e.knock(), e.outcome() == KnockOutcome.ADMITTED));
        }
        if (event instanceof Conference.LobbyMessageSent) {
            return this;
        }
        if (event instanceof Conference.ParticipantKicked e) {
            Access after = e.banned()
                    ? member(e.participant()).map(m -> access.withBanned(m.subject())).orElse(access)
                    : access;
            return withRoster(roster.stream().filter(m -> !m.id().equals(e.participant())).toList()).withAccess(after)
                    .withHands(without(e.participant()));
        }
        if (event instanceof Conference.HandRaised e) {
            List<ParticipantId> next = new ArrayList<>(raisedHands);
            next.add(e.participant());
            return withHands(next);
        }
        if (event instanceof Conference.HandLowered e) {
            return withHands(without(e.participant()));
        }
        if (event instanceof Conference.AllHandsLowered) {
            return withHands(List.of());
        }
        if (event instanceof Conference.ChatMessagePosted e) {
            List<ChatMessage> next = new ArrayList<>(chat);
            next.add(e.message());
            return withChat(next.size() > CHAT_KEPT ? next.subList(next.size() - CHAT_KEPT, next.size()) : next);
        }
        if (event instanceof Conference.PollListed e) {
            List<String> next = new ArrayList<>(polls);
            next.add(e.pollId());
            return new ConferenceState(room, phase, instance, startedBy, startedAt, endedAt, roster, access, raisedHands,
                    chat, media, next);
        }
        if (event instanceof Conference.MediaPolicyChanged e) {
            return withMedia(media.withPolicy(e.policy()));
        }
        if (event instanceof Conference.UnmuteAsked e) {
            return withMedia(media.asked(new UnmuteGate(e.participant(), e.kind())));
        }
        if (event instanceof Conference.UnmuteAllowed e) {
            return withMedia(media.allowed(new UnmuteGate(e.participant(), e.kind())));
        }
        if (event instanceof Conference.ModeratorMuted e) {
            return withMedia(media.revoked(e.participants(), e.kind()));
        }
        if (event instanceof Conference.ChatMessageDeleted e) {
            return withChat(chat.stream().filter(message -> !message.id().equals(e.message())).toList());
        }
        throw new IllegalArgumentException("unknown conference event " + event.getClass().getName());
    }

    private List<ParticipantId> without(ParticipantId participant) {
        return raisedHands.stream().filter(id -> !id.equals(participant)).toList();
    }

    private ConferenceState withRoster(List<Member> next) {
        return new ConferenceState(room, phase, instance, startedBy, startedAt, endedAt,
                next, access, raisedHands, chat, media, polls);
    }

    private ConferenceState withAccess(Access next) {
        return new ConferenceState(room, phase, instance, startedBy, startedAt, endedAt,
                roster, next, raisedHands, chat, media, polls);
    }

    private ConferenceState withHands(List<ParticipantId> next) {
        return new ConferenceState(room, phase, instance, startedBy, startedAt, endedAt,
                roster, access, next, chat, media, polls);
    }

    private ConferenceState withChat(List<ChatMessage> next) {
        return new ConferenceState(room, phase, instance, startedBy, startedAt, endedAt,
                roster, access, raisedHands, next, media, polls);
    }

    private ConferenceState withMedia(MediaRules next) {
        return new ConferenceState(room, phase, instance, startedBy, startedAt, endedAt,
                roster, access, raisedHands, chat, next, polls);
    }
}
