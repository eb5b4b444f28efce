package org.parley.media.transport;

/** What a datagram on the bundled ICE socket carries, by RFC 7983. */
enum DatagramKind {
    STUN,
    DTLS,
    RTP,
    RTCP,
    /** Unknown first byte, or too short to be what the first byte says. */
    GARBAGE
}
