package org.parley.engine.conference;

/** One person's microphone or camera, as asked about or allowed under "ask to unmute". */
public record UnmuteGate(ParticipantId participant, MuteKind kind) {}
