package org.parley.engine.rooms;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.parley.engine.conference.Phase;
import org.parley.engine.conference.RoomName;

public record ConferenceView(
        RoomName room, Phase phase, long instance, Optional<Instant> startedAt, Optional<Instant> endedAt,
        List<RosterEntry> roster) {}
