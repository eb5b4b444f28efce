package org.parley.engine.rooms;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.parley.engine.conference.ChatMessage;
import org.parley.engine.conference.Knock;
import org.parley.engine.conference.MediaPolicy;
import org.parley.engine.conference.ParticipantId;
import org.parley.engine.conference.Phase;
import org.parley.engine.conference.RoomName;
import org.parley.engine.poll.PollState;

/**
 * A room as people see it: roster with live profiles, and its entry rules (never the password). The
 * knocks are for moderators' eyes; the edge shows them to moderators only.
 */
public record ConferenceView(
        RoomName room, Phase phase, long instance, Optional<Instant> startedAt, Optional<Instant> endedAt,
        List<RosterEntry> roster, boolean lobbyEnabled, boolean passwordSet, List<Knock> knocks,
        List<ParticipantId> raisedHands, List<ChatMessage> chat, MediaPolicy mediaPolicy, List<PollState> polls) {}
