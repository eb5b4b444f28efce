package org.parley.media.sfu;

/** RTCP feedback packets as a receiving browser sends them (RFC 4585), for router tests. */
final class RtcpFeedback {

    /** The sender SSRC our test browsers use in their feedback. */
    private static final long BROWSER_SSRC = 99;

    private RtcpFeedback() {}

    /** A generic NACK for one lost packet and, in bitmask, the 16 following it. */
    static byte[] nack(long mediaSsrc, int firstLost, int bitmask) {
        byte[] p = new byte[16];
        p[0] = (byte) 0x81;
        p[1] = (byte) 205;
        p[3] = 3;
        RtpBytes.putU32(p, 4, BROWSER_SSRC);
        RtpBytes.putU32(p, 8, mediaSsrc);
        p[12] = (byte) (firstLost >> 8);
        p[13] = (byte) firstLost;
        p[14] = (byte) (bitmask >> 8);
        p[15] = (byte) bitmask;
        return p;
    }

    static byte[] pli(long mediaSsrc) {
        byte[] p = new byte[12];
        p[0] = (byte) 0x81;
        p[1] = (byte) 206;
        p[3] = 2;
        RtpBytes.putU32(p, 4, BROWSER_SSRC);
        RtpBytes.putU32(p, 8, mediaSsrc);
        return p;
    }
}
