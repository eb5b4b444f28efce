package org.parley.media.rtp;

/**
 * Tells RTP from RTCP on a connection that carries both (rtcp-mux, RFC 5761) alongside STUN and DTLS
 * (RFC 7983). The first byte of an RTP or RTCP packet is 128..191 (version 2); RTCP's second byte is
 * its packet type, 192..223, a range RTP cannot produce as long as payload types 64..95 stay unused,
 * which is why the SDP side refuses them.
 */
public final class RtpDemux {

    private RtpDemux() {
    }

    /** First byte 128..191: RTP or RTCP, not STUN (0..3) or DTLS (20..63). */
    public static boolean isRtpOrRtcp(byte[] buffer, int offset, int length) {
        if (buffer == null || offset < 0 || length < 2 || offset > buffer.length - length) {
            return false;
        }
        int first = buffer[offset] & 0xFF;
        return first >= 128 && first <= 191;
    }

    public static boolean isRtcp(byte[] buffer, int offset, int length) {
        if (!isRtpOrRtcp(buffer, offset, length)) {
            return false;
        }
        int second = buffer[offset + 1] & 0xFF;
        return second >= 192 && second <= 223;
    }

    public static boolean isRtp(byte[] buffer, int offset, int length) {
        return isRtpOrRtcp(buffer, offset, length) && !isRtcp(buffer, offset, length);
    }
}
