package org.parley.media.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SrtpSessionTest {

    private static final HexFormat HEX = HexFormat.of();

    @BeforeAll
    static void pinAes() {
        MediaRuntime.warmSrtp();
    }

    @Test
    void aesCounterModeKeystreamMatchesRfc3711AppendixB2() throws Exception {
        byte[] sessionKey = HEX.parseHex("2b7e151628aed2a6abf7158809cf4f3c");
        byte[] ks = ReferenceSrtp.keystream(sessionKey, HEX.parseHex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"), 48);

        assertEquals("ec8cdf7398607cb0f2d21675ea9ea1e4"
                + "362b7c3c6773516318a077d7fc5073ae"
                + "6a2cc3787889374fbeb4c81b17ba6c44", HEX.formatHex(ks));
        assertEquals("e03ead0935c95e80e166b16dd92b4eb4", HEX.formatHex(
                ReferenceSrtp.keystream(sessionKey, HEX.parseHex("f0f1f2f3f4f5f6f7f8f9fafbfcfd0000"), 16)));
    }

    @Test
    void keyDerivationMatchesRfc3711AppendixB3() throws Exception {
        byte[] masterKey = HEX.parseHex("e1f97a0d3e018be0d64fa32c06de4139");
        byte[] masterSalt = HEX.parseHex("0ec675ad498afeebb6960b3aabe6");

        assertEquals("c61e7a93744f39ee10734afe3ff7a087", HEX.formatHex(
                ReferenceSrtp.deriveSessionKey(masterKey, masterSalt, ReferenceSrtp.LABEL_RTP_ENCRYPTION, 16)));
        assertEquals("30cbbc08863d8c85d49db34a9ae1", HEX.formatHex(
                ReferenceSrtp.deriveSessionKey(masterKey, masterSalt, ReferenceSrtp.LABEL_RTP_SALT, 14)));
        assertEquals("cebe321f6ff7716b6fd4ab49af256a156d38baa4", HEX.formatHex(
                ReferenceSrtp.deriveSessionKey(masterKey, masterSalt, ReferenceSrtp.LABEL_RTP_AUTH, 20)));
    }

    @Test
    void ourCounterModeKeystreamMatchesRfc3711AppendixB2() {
        AesCtr ctr = new AesCtr(HEX.parseHex("2b7e151628aed2a6abf7158809cf4f3c"));
        byte[] keystream = new byte[48];

        ctr.generate(HEX.parseHex("f0f1f2f3f4f5f6f7f8f9fafbfcfd0000"), 3);
        ctr.xor(0, keystream, 0, 48);

        assertEquals("e03ead0935c95e80e166b16dd92b4eb4"
                + "d23513162b02d0f72a43a2fe4a5f97ab"
                + "41e95b3bb0a2e8dd477901e4fca894c0", HEX.formatHex(keystream));
    }

    @Test
    void ourKeyDerivationMatchesRfc3711AppendixB3() {
        byte[] masterKey = HEX.parseHex("e1f97a0d3e018be0d64fa32c06de4139");
        byte[] masterSalt = HEX.parseHex("0ec675ad498afeebb6960b3aabe6");

        assertEquals("c61e7a93744f39ee10734afe3ff7a087",
                HEX.formatHex(SrtpKdf.derive(masterKey, masterSalt, SrtpKdf.LABEL_RTP_ENCRYPTION, 16)));
        assertEquals("30cbbc08863d8c85d49db34a9ae1",
                HEX.formatHex(SrtpKdf.derive(masterKey, masterSalt, SrtpKdf.LABEL_RTP_SALT, 14)));
        assertEquals("cebe321f6ff7716b6fd4ab49af256a156d38baa4",
                HEX.formatHex(SrtpKdf.derive(masterKey, masterSalt, SrtpKdf.LABEL_RTP_AUTH, 20)));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void protectedPacketsAreTheRfcEncodingByteForByteAcrossARolloverOfTheSequenceNumber(
            SrtpProfile profile) throws Exception {
        SrtpKeys keys = keys(profile);
        SrtpSession browser = SrtpSession.forClient(keys);
        byte[] clientKey = keys.clientKey();
        byte[] clientSalt = keys.clientSalt();

        int roc = 0;
        for (int seq : new int[] {65534, 65535, 0, 1}) {
            if (seq == 0) {
                roc++;
            }
            byte[] rtp = Packets.rtp(111, seq, 960L * seq, 0xcafebabe, 160);
            byte[] expected = profile == SrtpProfile.AEAD_AES_128_GCM
                    ? ReferenceSrtp.protectAesGcm(clientKey, clientSalt, rtp, roc)
                    : ReferenceSrtp.protectAesCm(clientKey, clientSalt, rtp, roc);

            // The _32 profile's tag is the first 4 bytes of the same HMAC.
            expected = Arrays.copyOf(expected, rtp.length + profile.rtpTagLength());
            assertArrayEquals(expected, Packets.protect(browser, rtp, false), "seq " + seq);
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void serverDecryptsWhatTheBrowserEncryptsAndTheBrowserWhatTheServerEncrypts(SrtpProfile profile) {
        SrtpKeys keys = keys(profile);
        SrtpSession browser = SrtpSession.forClient(keys);
        SrtpSession server = SrtpSession.forServer(keys);
        byte[] rtp = Packets.rtp(96, 42, 90_000, 0x01020304, 1100);
        byte[] rtcp = Packets.receiverReport(0x01020304);

        assertArrayEquals(rtp, Packets.unprotect(server, Packets.protect(browser, rtp, false), false));
        assertArrayEquals(rtcp, Packets.unprotect(server, Packets.protect(browser, rtcp, true), true));
        assertArrayEquals(rtp, Packets.unprotect(browser, Packets.protect(server, rtp, false), false));
        assertArrayEquals(rtcp, Packets.unprotect(browser, Packets.protect(server, rtcp, true), true));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void tamperedReplayedOrForeignPacketsAreRejected(SrtpProfile profile) {
        SrtpKeys keys = keys(profile);
        SrtpSession browser = SrtpSession.forClient(keys);
        SrtpSession server = SrtpSession.forServer(keys);
        byte[] wire = Packets.protect(browser, Packets.rtp(96, 7, 0, 5, 200), false);

        byte[] tampered = wire.clone();
        tampered[40] ^= 1;
        assertNull(Packets.unprotect(server, tampered, false), "tampered payload");
        assertTrue(Packets.unprotect(server, wire, false) != null, "original still fine");
        assertNull(Packets.unprotect(server, wire, false), "replay");
        assertNull(Packets.unprotect(server, Packets.protect(SrtpSession.forClient(keys(profile)),
                Packets.rtp(96, 8, 0, 5, 200), false), false), "other keys");
        assertNull(Packets.unprotect(server, Arrays.copyOf(wire, 14), false), "truncated");
    }

    @Test
    void packetsOfUnknownStreamsThatFailAuthenticationLeaveNoContextBehind() {
        SrtpKeys keys = keys(SrtpProfile.AES128_CM_HMAC_SHA1_80);
        SrtpSession server = SrtpSession.forServer(keys);
        SrtpSession stranger = SrtpSession.forClient(keys(SrtpProfile.AES128_CM_HMAC_SHA1_80));
        byte[] forged = Packets.protect(stranger, Packets.rtp(96, 1, 0, 0, 20), false);

        for (int ssrc = 0; ssrc < SrtpSession.MAX_STREAMS * 2; ssrc++) {
            forged[8] = (byte) (ssrc >> 24);
            forged[9] = (byte) (ssrc >> 16);
            forged[10] = (byte) (ssrc >> 8);
            forged[11] = (byte) ssrc;
            assertNull(Packets.unprotect(server, forged, false));
        }

        // The stream table did not fill up: a real new stream still gets its context.
        assertFalse(Packets.unprotect(server,
                Packets.protect(SrtpSession.forClient(keys), Packets.rtp(96, 1, 0, 77, 20), false),
                false) == null);
    }

    private static SrtpKeys keys(SrtpProfile profile) {
        byte[] material = new byte[profile.keyingMaterialLength()];
        new java.security.SecureRandom().nextBytes(material);
        return SrtpKeys.fromKeyingMaterial(profile, material);
    }
}
