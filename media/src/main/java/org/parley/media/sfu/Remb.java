package org.parley.media.sfu;

import java.util.List;

/** Receiver Estimated Maximum Bitrate (draft-alvestrand-rmcat-remb): "you may send this much". */
final class Remb {

    private Remb() {}

    static byte[] packet(long bitsPerSecond, List<Long> ssrcs) {
        int exponent = 0;
        long mantissa = bitsPerSecond;
        while (mantissa > 0x3FFFF) {
            mantissa >>= 1;
            exponent++;
        }
        byte[] p = new byte[20 + 4 * ssrcs.size()];
        p[0] = (byte) 0x8F; // V=2, FMT=15 (application layer feedback)
        p[1] = (byte) RtpBytes.RTCP_PSFB;
        int words = p.length / 4 - 1;
        p[2] = (byte) (words >>> 8);
        p[3] = (byte) words;
        RtpBytes.putU32(p, 4, 1); // our sender SSRC
        RtpBytes.putU32(p, 8, 0); // media SSRC: unused for REMB
        p[12] = 'R';
        p[13] = 'E';
        p[14] = 'M';
        p[15] = 'B';
        p[16] = (byte) ssrcs.size();
        p[17] = (byte) ((exponent << 2) | (int) (mantissa >>> 16));
        p[18] = (byte) (mantissa >>> 8);
        p[19] = (byte) mantissa;
        for (int i = 0; i < ssrcs.size(); i++) {
            RtpBytes.putU32(p, 20 + 4 * i, ssrcs.get(i));
        }
        return p;
    }
}
