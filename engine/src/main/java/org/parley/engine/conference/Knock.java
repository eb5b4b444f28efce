package org.parley.engine.conference;

import java.time.Instant;

/** Someone waiting in the lobby: who (their subject, so an admission follows them), under what name, since when. */
public record Knock(KnockId id, String subject, String displayName, boolean signedIn, Instant at) {}
