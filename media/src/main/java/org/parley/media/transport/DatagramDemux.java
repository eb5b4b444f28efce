package org.parley.media.transport;

/**
 * Demultiplexes the one bundled, rtcp-muxed socket by first byte (RFC 7983 section 7): STUN
 * 0-3, DTLS 20-63, RTP/RTCP 128-191, the latter split by the second byte (RFC 5761: 192-223 is an
 * RTCP packet type). Datagrams too short to hold the header their first byte announces are
 * garbage, so later stages never read past the end.
 */
final class DatagramDemux {

    static final int STUN_HEADER = 20;
    static final int DTLS_RECORD_HEADER = 13;
    static final int RTP_HEADER = 12;
    static final int RTCP_HEADER = 8;

    private DatagramDemux() {
    }

    static DatagramKind classify(byte[] buf, int off, int len) {
        if (len <= 0) {
            return DatagramKind.GARBAGE;
        }
        int first = buf[off] & 0xFF;
        if (first <= 3) {
            return len >= STUN_HEADER ? DatagramKind.STUN : DatagramKind.GARBAGE;
        }
        if (first >= 20 && first <= 63) {
            return len >= DTLS_RECORD_HEADER ? DatagramKind.DTLS : DatagramKind.GARBAGE;
        }
        if (first >= 128 && first <= 191) {
            if (len < RTCP_HEADER) {
                return DatagramKind.GARBAGE;
            }
            int second = buf[off + 1] & 0xFF;
            if (second >= 192 && second <= 223) {
                return DatagramKind.RTCP;
            }
            return len >= RTP_HEADER ? DatagramKind.RTP : DatagramKind.GARBAGE;
        }
        return DatagramKind.GARBAGE;
    }
}
