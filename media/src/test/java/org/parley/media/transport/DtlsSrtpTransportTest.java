package org.parley.media.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DtlsSrtpTransportTest {

    private static final DtlsCertificate BROWSER = TestDtlsClient.newCertificate();

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void clientWithTheSignalledCertificateConnectsAndBothSidesDeriveTheSameKeys(SrtpProfile profile)
            throws Exception {
        try (ServerHarness server = new ServerHarness(BROWSER.fingerprint())) {
            TestDtlsClient client = new TestDtlsClient(BROWSER, ServerHarness.serverFingerprint(), profile);
            client.connect(server.clientEnd.asDtlsTransport());

            assertTrue(server.connected.await(5, TimeUnit.SECONDS), "server connected");
            assertNotNull(client.keys());
            assertEquals(profile, server.transport.srtpKeys().profile());
            assertTrue(client.keys().sameAs(server.transport.srtpKeys()), "same keying material");
        }
    }

    @Test
    void serverPrefersCounterModeWithAnEightyBitTagWhateverTheClientsOrder() throws Exception {
        try (ServerHarness server = new ServerHarness(BROWSER.fingerprint())) {
            // Chrome's order: GCM first.
            TestDtlsClient client = new TestDtlsClient(BROWSER, ServerHarness.serverFingerprint(),
                    SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES128_CM_HMAC_SHA1_80,
                    SrtpProfile.AES128_CM_HMAC_SHA1_32);
            client.connect(server.clientEnd.asDtlsTransport());

            assertEquals(SrtpProfile.AES128_CM_HMAC_SHA1_80, client.keys().profile());
        }
    }

    @Test
    void clientWhoseCertificateDoesNotMatchTheSignalledFingerprintIsRefused() throws Exception {
        DtlsCertificate impostor = TestDtlsClient.newCertificate();
        try (ServerHarness server = new ServerHarness(BROWSER.fingerprint())) {
            TestDtlsClient client = new TestDtlsClient(impostor, ServerHarness.serverFingerprint(),
                    SrtpProfile.AEAD_AES_128_GCM);

            TlsFatalAlertReceived refused = assertThrows(TlsFatalAlertReceived.class,
                    () -> client.connect(server.clientEnd.asDtlsTransport()));

            assertEquals(AlertDescription.bad_certificate, refused.getAlertDescription());
            assertTrue(server.failed.await(5, TimeUnit.SECONDS), "server reported the failure");
            assertTrue(server.failure.contains("does not match the signalled a=fingerprint"),
                    server.failure);
            assertFalse(server.transport.isSrtpReady());
            assertEquals(1, server.connected.getCount(), "never connected");
        }
    }

    @Test
    void clientThatOffersNoSrtpProfileIsRefused() throws Exception {
        try (ServerHarness server = new ServerHarness(BROWSER.fingerprint())) {
            TestDtlsClient client = new TestDtlsClient(BROWSER, ServerHarness.serverFingerprint());

            assertThrows(TlsFatalAlertReceived.class,
                    () -> client.connect(server.clientEnd.asDtlsTransport()));
            assertTrue(server.failed.await(5, TimeUnit.SECONDS));
            assertTrue(server.failure.contains("use_srtp"), server.failure);
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void srtpAndSrtcpFlowBothWaysFromTheFirstPacket(SrtpProfile profile) throws Exception {
        try (ServerHarness server = new ServerHarness(BROWSER.fingerprint())) {
            TestDtlsClient client = new TestDtlsClient(BROWSER, ServerHarness.serverFingerprint(), profile);
            client.connect(server.clientEnd.asDtlsTransport());
            JitsiSrtp browser = JitsiSrtp.forClient(client.keys());

            // Sent the moment the client's handshake returns, like Chrome: must not be lost.
            byte[] first = Packets.rtp(111, 1000, 48_000, 0x11111111, 80);
            byte[] firstWire = Packets.protect(browser, first, false);
            server.clientEnd.send(firstWire, 0, firstWire.length);
            byte[] second = Packets.rtp(111, 1001, 48_960, 0x11111111, 80);
            byte[] secondWire = Packets.protect(browser, second, false);
            server.clientEnd.send(secondWire, 0, secondWire.length);
            byte[] rr = Packets.receiverReport(0x11111111);
            byte[] rrWire = Packets.protect(browser, rr, true);
            server.clientEnd.send(rrWire, 0, rrWire.length);

            assertArrayEquals(first, server.rtp.poll(5, TimeUnit.SECONDS), "first packet decrypted");
            assertArrayEquals(second, server.rtp.poll(5, TimeUnit.SECONDS));
            assertArrayEquals(rr, server.rtcp.poll(5, TimeUnit.SECONDS));

            byte[] vp8 = Packets.rtp(96, 7, 90_000, 0x22222222, 1000);
            assertTrue(server.transport.sendRtp(vp8, 0, vp8.length));
            byte[] sr = Packets.receiverReport(0x22222222);
            assertTrue(server.transport.sendRtcp(sr, 0, sr.length));

            byte[] buf = new byte[1500];
            int n = server.clientEnd.receive(buf, 0, buf.length, 5000);
            assertArrayEquals(vp8, Packets.unprotect(browser, java.util.Arrays.copyOf(buf, n), false));
            n = server.clientEnd.receive(buf, 0, buf.length, 5000);
            assertArrayEquals(sr, Packets.unprotect(browser, java.util.Arrays.copyOf(buf, n), true));

            EndpointStats stats = server.counters.snapshot();
            assertEquals(2, stats.rtpPacketsIn());
            assertEquals(1, stats.rtcpPacketsIn());
            assertEquals(1, stats.rtpPacketsOut());
            assertEquals(1, stats.rtcpPacketsOut());
            assertEquals(0, stats.decryptFailures());
        }
    }

    @Test
    void peerClosingDtlsFailsTheTransport() throws Exception {
        try (ServerHarness server = new ServerHarness(BROWSER.fingerprint())) {
            TestDtlsClient client = new TestDtlsClient(BROWSER, ServerHarness.serverFingerprint(),
                    SrtpProfile.AEAD_AES_128_GCM);
            DTLSTransport dtls = client.connect(server.clientEnd.asDtlsTransport());
            assertTrue(server.connected.await(5, TimeUnit.SECONDS));

            dtls.close();

            assertTrue(server.failed.await(5, TimeUnit.SECONDS));
            assertTrue(server.failure.contains("closed DTLS"), server.failure);
        }
    }

    @Test
    void nothingIsSentBeforeTheKeysExist() throws Exception {
        try (ServerHarness server = new ServerHarness(BROWSER.fingerprint())) {
            byte[] rtp = Packets.rtp(96, 1, 0, 1, 100);

            assertFalse(server.transport.sendRtp(rtp, 0, rtp.length));
            assertEquals(1, server.counters.snapshot().sendFailures());
        }
    }
}
