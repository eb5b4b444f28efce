package org.parley.media.rtp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RtpDemuxTest {

    private static boolean rtp(String hex) {
        byte[] b = TestPackets.hex(hex);
        return RtpDemux.isRtp(b, 0, b.length);
    }

    private static boolean rtcp(String hex) {
        byte[] b = TestPackets.hex(hex);
        return RtpDemux.isRtcp(b, 0, b.length);
    }

    @Test
    void stunAndDtlsAreNeitherRtpNorRtcp() {
        assertFalse(rtp("0001 0050") || rtcp("0001 0050"));  // STUN binding request
        assertFalse(rtp("16 FEFD") || rtcp("16 FEFD"));      // DTLS handshake
    }

    @Test
    void rtpPayloadTypesAreRtp() {
        assertTrue(rtp("80 6F 0001"));   // Opus 111
        assertTrue(rtp("80 E0 0001"));   // VP8 96 with marker
        assertFalse(rtcp("80 E0 0001"));
    }

    @Test
    void rtcpPacketTypesAreRtcp() {
        for (int type = 192; type <= 223; type++) {
            byte[] packet = {(byte) 0x81, (byte) type, 0, 1};
            assertTrue(RtpDemux.isRtcp(packet, 0, packet.length), "type " + type);
            assertFalse(RtpDemux.isRtp(packet, 0, packet.length), "type " + type);
        }
    }

    @Test
    void tooShortOrOutOfBoundsIsNeither() {
        byte[] one = {(byte) 0x80};
        assertFalse(RtpDemux.isRtpOrRtcp(one, 0, 1));
        assertFalse(RtpDemux.isRtpOrRtcp(new byte[4], 3, 2));
        assertFalse(RtpDemux.isRtpOrRtcp(null, 0, 2));
    }
}
