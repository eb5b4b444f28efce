package org.parley.engine.rooms;

import org.parley.engine.conference.ParticipantId;
import org.parley.engine.conference.Role;
import org.parley.engine.conference.RoomName;
import org.parley.engine.participant.ResumeToken;

/** A person inside a room: who they are there, the secret to come back, and the room as it is. */
public record JoinedSession(
        RoomName room, ParticipantId participant, ResumeToken resumeToken, Role role, ConferenceView conference) {}
