package org.parley.media.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Parley's SRTP against an independent implementation (jitsi-srtp, test scope): what one encrypts
 * the other decrypts, both ways, RTP and RTCP, every profile, across a rollover of the sequence
 * number; and what SRTP must refuse, it refuses.
 */
class SrtpInteropTest {

    private static final int SSRC = 0x0BADCAFE;
    private static final int[] ACROSS_A_ROLLOVER = {65_530, 65_531, 65_533, 65_532, 65_534, 65_535, 0, 1, 3, 2, 4};

    @BeforeAll
    static void warm() {
        MediaRuntime.warmSrtp();
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void jitsiSrtpDecryptsWhatWeEncryptAcrossARollover(SrtpProfile profile) {
        SrtpKeys keys = keys(profile);
        SrtpSession server = SrtpSession.forServer(keys);
        JitsiSrtp browser = JitsiSrtp.forClient(keys);

        for (int seq : ACROSS_A_ROLLOVER) {
            byte[] rtp = Packets.rtp(96, seq, 3000L * seq, SSRC, 900 + seq % 300);
            assertArrayEquals(rtp, browser.unprotect(Packets.protect(server, rtp, false), false), "seq " + seq);
            byte[] rtcp = senderReport(seq);
            assertArrayEquals(rtcp, browser.unprotect(Packets.protect(server, rtcp, true), true), "rtcp " + seq);
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void weDecryptWhatJitsiSrtpEncryptsAcrossARollover(SrtpProfile profile) {
        SrtpKeys keys = keys(profile);
        SrtpSession server = SrtpSession.forServer(keys);
        JitsiSrtp browser = JitsiSrtp.forClient(keys);

        for (int seq : ACROSS_A_ROLLOVER) {
            byte[] rtp = Packets.rtp(111, seq, 960L * seq, SSRC, 40 + seq % 200);
            assertArrayEquals(rtp, Packets.unprotect(server, browser.protect(rtp, false), false), "seq " + seq);
            byte[] rtcp = senderReport(seq);
            assertArrayEquals(rtcp, Packets.unprotect(server, browser.protect(rtcp, true), true), "rtcp " + seq);
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void headersWithCsrcsAndExtensionsStayInTheClearAndAuthenticated(SrtpProfile profile) {
        SrtpKeys keys = keys(profile);
        SrtpSession server = SrtpSession.forServer(keys);
        JitsiSrtp browser = JitsiSrtp.forClient(keys);
        byte[] rtp = Packets.rtp(96, 5, 0, SSRC, 200);
        // Two CSRCs and a one-byte-header extension of two words, carved out of the payload.
        rtp[0] = (byte) 0x92;
        rtp[20] = (byte) 0xBE;
        rtp[21] = (byte) 0xDE;
        rtp[22] = 0;
        rtp[23] = 2;

        byte[] wire = Packets.protect(server, rtp, false);
        assertArrayEquals(Arrays.copyOf(rtp, 32), Arrays.copyOf(wire, 32), "header in the clear");
        assertArrayEquals(rtp, browser.unprotect(wire, false));
        assertArrayEquals(rtp, Packets.unprotect(server, browser.protect(rtp, false), false));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void replayedPacketsAreRefusedAndLatePacketsInsideTheWindowAccepted(SrtpProfile profile) {
        SrtpKeys keys = keys(profile);
        SrtpSession server = SrtpSession.forServer(keys);
        JitsiSrtp browser = JitsiSrtp.forClient(keys);
        byte[] first = browser.protect(Packets.rtp(96, 150, 0, SSRC, 100), false);
        byte[] late = browser.protect(Packets.rtp(96, 110, 0, SSRC, 100), false);
        byte[] tooLate = browser.protect(Packets.rtp(96, 101, 0, SSRC, 100), false);
        byte[] newest = browser.protect(Packets.rtp(96, 166, 0, SSRC, 100), false);

        assertNotNull(Packets.unprotect(server, first, false));
        assertNull(Packets.unprotect(server, first, false), "replay");
        assertNotNull(Packets.unprotect(server, newest, false));
        assertNotNull(Packets.unprotect(server, late, false), "56 behind the highest: inside the window");
        assertNull(Packets.unprotect(server, late, false), "replay of a late packet");
        assertNull(Packets.unprotect(server, tooLate, false), "65 behind the highest: too old to tell");

        byte[] rtcp = browser.protect(senderReport(1), true);
        assertNotNull(Packets.unprotect(server, rtcp, true));
        assertNull(Packets.unprotect(server, rtcp, true), "SRTCP replay");
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void aTamperedTagOrIndexIsRefusedAndTheStreamGoesOn(SrtpProfile profile) {
        SrtpKeys keys = keys(profile);
        SrtpSession server = SrtpSession.forServer(keys);
        JitsiSrtp browser = JitsiSrtp.forClient(keys);
        byte[] wire = browser.protect(Packets.rtp(96, 9, 0, SSRC, 300), false);
        byte[] rtcp = browser.protect(senderReport(9), true);

        for (int i = 1; i <= profile.rtpTagLength(); i++) {
            byte[] tampered = wire.clone();
            tampered[tampered.length - i] ^= 0x40;
            assertNull(Packets.unprotect(server, tampered, false), "tag byte " + i + " from the end");
        }
        byte[] wrongSequence = wire.clone();
        wrongSequence[3] ^= 1;
        assertNull(Packets.unprotect(server, wrongSequence, false), "sequence number");
        byte[] wrongIndex = rtcp.clone();
        wrongIndex[profile.isAead() ? rtcp.length - 1 : rtcp.length - profile.rtcpTagLength() - 1] ^= 1;
        assertNull(Packets.unprotect(server, wrongIndex, true), "SRTCP index");
        byte[] wrongRtcpTag = rtcp.clone();
        wrongRtcpTag[profile.isAead() ? rtcp.length - 5 : rtcp.length - 1] ^= 1;
        assertNull(Packets.unprotect(server, wrongRtcpTag, true), "SRTCP tag");

        assertNotNull(Packets.unprotect(server, wire, false), "the genuine packet after the forgeries");
        assertNotNull(Packets.unprotect(server, rtcp, true));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void aLatePacketFromBeforeTheRolloverIsSentWithTheOldRolloverCounter(SrtpProfile profile) throws Exception {
        SrtpKeys keys = keys(profile);
        SrtpSession server = SrtpSession.forServer(keys);
        JitsiSrtp browser = JitsiSrtp.forClient(keys);

        for (int seq : new int[] {65_534, 0, 1, 65_535, 2}) {
            byte[] rtp = Packets.rtp(96, seq, 0, SSRC, 100);
            byte[] expected = profile.isAead()
                    ? ReferenceSrtp.protectAesGcm(keys.serverKey(), keys.serverSalt(), rtp, seq >= 65_534 ? 0 : 1)
                    : ReferenceSrtp.protectAesCm(keys.serverKey(), keys.serverSalt(), rtp, seq >= 65_534 ? 0 : 1);
            byte[] wire = Packets.protect(server, rtp, false);
            assertArrayEquals(Arrays.copyOf(expected, wire.length), wire, "seq " + seq);
            assertArrayEquals(rtp, browser.unprotect(wire, false), "seq " + seq);
        }
    }

    /** A sender report with no report blocks, its NTP timestamp varied by {@code n}. */
    private static byte[] senderReport(int n) {
        byte[] sr = new byte[28];
        sr[0] = (byte) 0x80;
        sr[1] = (byte) 200;
        sr[3] = 6;
        sr[4] = (byte) (SSRC >>> 24);
        sr[5] = (byte) (SSRC >>> 16);
        sr[6] = (byte) (SSRC >>> 8);
        sr[7] = (byte) SSRC;
        for (int i = 8; i < sr.length; i++) {
            sr[i] = (byte) (n * 31 + i);
        }
        return sr;
    }

    private static SrtpKeys keys(SrtpProfile profile) {
        byte[] material = new byte[profile.keyingMaterialLength()];
        new SecureRandom().nextBytes(material);
        return SrtpKeys.fromKeyingMaterial(profile, material);
    }
}
