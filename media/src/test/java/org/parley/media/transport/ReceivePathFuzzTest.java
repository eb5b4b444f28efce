package org.parley.media.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Garbage on the wire is counted and dropped; it never stops the loop or disturbs media. */
class ReceivePathFuzzTest {

    private static final DtlsCertificate BROWSER = TestDtlsClient.newCertificate();

    @Test
    void garbageBeforeTheHandshakeIsDroppedAndTheHandshakeStillCompletes() throws Exception {
        Random random = new Random(20261129);
        try (ServerHarness server = new ServerHarness(BROWSER.fingerprint())) {
            for (int i = 0; i < 2000; i++) {
                server.serverEnd.inject(garbage(random, null));
            }
            TestDtlsClient client = new TestDtlsClient(BROWSER, ServerHarness.serverFingerprint(),
                    SrtpProfile.AES128_CM_HMAC_SHA1_80);
            client.connect(server.clientEnd.asDtlsTransport());
            byte[] rtp = Packets.rtp(111, 1, 0, 9, 100);
            byte[] wire = Packets.protect(JitsiSrtp.forClient(client.keys()), rtp, false);
            server.clientEnd.send(wire, 0, wire.length);

            assertArrayEquals(rtp, server.rtp.poll(5, TimeUnit.SECONDS));
            assertTrue(server.counters.snapshot().dropped() > 0, "garbage was counted");
            assertTrue(server.loopAlive());
        }
    }

    @Test
    void garbageAfterTheHandshakeIsCountedAndMediaOfThisAndOtherEndpointsKeepsFlowing()
            throws Exception {
        Random random = new Random(7);
        try (ServerHarness victim = new ServerHarness(BROWSER.fingerprint());
                ServerHarness bystander = new ServerHarness(BROWSER.fingerprint())) {
            JitsiSrtp victimBrowser = connect(victim, SrtpProfile.AEAD_AES_128_GCM);
            JitsiSrtp bystanderBrowser = connect(bystander, SrtpProfile.AES128_CM_HMAC_SHA1_80);

            List<byte[]> sent = new ArrayList<>();
            byte[] lastWire = null;
            int seq = 0;
            for (int round = 0; round < 50; round++) {
                for (int i = 0; i < 100; i++) {
                    victim.serverEnd.inject(garbage(random, lastWire));
                }
                byte[] rtp = Packets.rtp(96, seq++, 3000L * seq, 0x5eed, 20 + random.nextInt(1000));
                lastWire = Packets.protect(victimBrowser, rtp, false);
                victim.serverEnd.inject(lastWire);
                sent.add(rtp);
            }
            byte[] rtcp = Packets.receiverReport(0x5eed);
            victim.serverEnd.inject(Packets.protect(victimBrowser, rtcp, true));
            byte[] other = Packets.rtp(111, 1, 0, 0xb1, 60);
            bystander.serverEnd.inject(Packets.protect(bystanderBrowser, other, false));

            for (byte[] expected : sent) {
                assertArrayEquals(expected, victim.rtp.poll(10, TimeUnit.SECONDS));
            }
            assertArrayEquals(rtcp, victim.rtcp.poll(5, TimeUnit.SECONDS));
            assertArrayEquals(other, bystander.rtp.poll(5, TimeUnit.SECONDS));
            assertNull(victim.failure, "garbage never fails the endpoint");
            assertTrue(victim.loopAlive());

            EndpointStats stats = victim.counters.snapshot();
            assertEquals(sent.size(), stats.rtpPacketsIn());
            assertTrue(stats.decryptFailures() > 0, "SRTP-looking garbage failed authentication");
            assertTrue(stats.dropped() > 0, "other garbage was dropped");
            assertEquals(0, bystander.counters.snapshot().decryptFailures());
        }
    }

    private static JitsiSrtp connect(ServerHarness server, SrtpProfile profile) throws Exception {
        TestDtlsClient client = new TestDtlsClient(BROWSER, ServerHarness.serverFingerprint(), profile);
        client.connect(server.clientEnd.asDtlsTransport());
        assertNotNull(client.keys());
        assertTrue(server.connected.await(5, TimeUnit.SECONDS));
        return JitsiSrtp.forClient(client.keys());
    }

    /** One datagram of a random kind; {@code valid} (if any) is a genuine packet to mangle. */
    private static byte[] garbage(Random random, byte[] valid) {
        int kind = random.nextInt(valid == null ? 6 : 9);
        switch (kind) {
            case 0: // anything at all, including empty
                return bytes(random, random.nextInt(1500));
            case 1: // STUN range, often too short for a header
                return withFirst(bytes(random, random.nextInt(40)), random.nextInt(4));
            case 2: // DTLS range
                return withFirst(bytes(random, random.nextInt(300)), 20 + random.nextInt(44));
            case 3: // RTP range with a random body: fails authentication or is too short
                return withFirst(bytes(random, random.nextInt(1200)), 128 + random.nextInt(64));
            case 4: // RTCP range
                byte[] rtcp = withFirst(bytes(random, random.nextInt(200)), 128 + random.nextInt(64));
                if (rtcp.length > 1) {
                    rtcp[1] = (byte) (192 + random.nextInt(32));
                }
                return rtcp;
            case 5: // bytes no demultiplexer claims
                return withFirst(bytes(random, 1 + random.nextInt(100)), 64 + random.nextInt(64));
            case 6: // a genuine packet cut short
                return Arrays.copyOf(valid, random.nextInt(valid.length));
            case 7: // a genuine packet with one flipped bit
                byte[] flipped = valid.clone();
                flipped[12 + random.nextInt(flipped.length - 12)] ^= (byte) (1 << random.nextInt(8));
                return flipped;
            default: // a replay
                return valid.clone();
        }
    }

    private static byte[] bytes(Random random, int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }

    private static byte[] withFirst(byte[] b, int first) {
        if (b.length > 0) {
            b[0] = (byte) first;
        }
        return b;
    }
}
