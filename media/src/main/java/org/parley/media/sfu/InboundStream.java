package org.parley.media.sfu;

/**
 * One stream a publisher sends: its SSRC (and the SSRC of its retransmissions, 0 when none), what
 * it carries, and whether it is a screen share (kept in low-bandwidth mode).
 */
public record InboundStream(long ssrc, long rtxSsrc, StreamKind kind, boolean screen, String trackId) {}
