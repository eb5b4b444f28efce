package org.parley.engine.media;

import org.parley.engine.conference.ParticipantId;

/** A track in a subscribe offer: whose it is and what it carries. */
public record ForwardedTrack(String mid, MediaSource source, ParticipantId from) {}
