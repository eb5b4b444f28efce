package org.parley.media.transport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.ice4j.ice.harvest.MappingCandidateHarvesters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server with real ice4j on a loopback port, without a peer. */
class TransportServerTest {

    private static TransportServer server;

    @BeforeAll
    static void start() {
        server = TransportServer.start(MediaSettings.defaults().withUdpPort(0)
                .withTimeouts(Duration.ofSeconds(30), Duration.ofMillis(700)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void endpointsShareOnePortAndOneCertificateButNotIceCredentials() {
        try (Endpoint a = server.createEndpoint(id(), new RecordingListener());
                Endpoint b = server.createEndpoint(id(), new RecordingListener())) {
            assertTrue(server.port() > 0);
            assertEquals(List.of("candidate:1 1 udp 2130706431 127.0.0.1 " + server.port()
                    + " typ host generation 0"), a.localCandidates());
            assertEquals(a.localCandidates(), b.localCandidates());
            assertNotEquals(a.localUfrag(), b.localUfrag());
            assertNotEquals(a.localPassword(), b.localPassword());
            assertTrue(a.localPassword().length() >= 22, "RFC 8839: at least 128 bits");
            assertEquals("sha-256", a.fingerprintAlgorithm());
            assertEquals(server.fingerprint(), a.fingerprint());
            assertTrue(a.fingerprint().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"));
            assertEquals("passive", a.setupRole());
        }
    }

    @Test
    void cloudMappingHarvestersAreOff() {
        assertEquals(0, MappingCandidateHarvesters.getHarvesters().length);
        assertEquals("false", System.getProperty("ice4j.harvest.mapping.aws.enabled"));
    }

    @Test
    void idsAreUniqueAmongOpenEndpoints() {
        String id = id();
        Endpoint first = server.createEndpoint(id, new RecordingListener());

        assertThrows(IllegalArgumentException.class, () -> server.createEndpoint(id, new RecordingListener()));
        first.close();
        server.createEndpoint(id, new RecordingListener()).close();
    }

    @Test
    void endpointNobodyConnectsToFailsAfterTheConnectTimeoutAndIsGone() throws Exception {
        RecordingListener listener = new RecordingListener();
        Endpoint endpoint = server.createEndpoint(id(), listener);
        int before = server.endpointCount();

        endpoint.start("remoteufrag", "remotepasswordremotepassword", "sha-256",
                Fingerprint.of("sha-256", new byte[] {1}).hex());

        String reason = listener.failed.get(10, TimeUnit.SECONDS);
        assertTrue(reason.contains("ICE did not connect"), reason);
        assertTrue(endpoint.isClosed());
        assertFalse(listener.connected.isDone());
        // The listener hears of the failure first; the endpoint is released right after.
        await().atMost(Duration.ofSeconds(5)).until(() -> server.endpointCount() == before - 1);
    }

    @Test
    void startChecksItsArgumentsAndHappensOnce() {
        try (Endpoint endpoint = server.createEndpoint(id(), new RecordingListener())) {
            String fingerprint = Fingerprint.of("sha-256", new byte[] {1}).hex();
            assertThrows(IllegalArgumentException.class,
                    () -> endpoint.start("u", "p", "sha-256", "AB:CD"));
            assertThrows(IllegalArgumentException.class,
                    () -> endpoint.start("", "p", "sha-256", fingerprint));

            endpoint.start("remoteufrag", "remotepasswordremotepassword", "sha-256", fingerprint);
            assertThrows(IllegalStateException.class,
                    () -> endpoint.start("remoteufrag", "remotepasswordremotepassword", "sha-256", fingerprint));
        }
    }

    @Test
    void sendingBeforeTheKeysExistIsRefusedAndCounted() {
        try (Endpoint endpoint = server.createEndpoint(id(), new RecordingListener())) {
            byte[] rtp = Packets.rtp(96, 1, 0, 1, 100);

            assertFalse(endpoint.sendRtp(rtp, 0, rtp.length));
            assertFalse(endpoint.sendRtcp(rtp, 0, 8));
            assertEquals(2, endpoint.stats().sendFailures());
            assertFalse(endpoint.isConnected());
        }
    }

    @Test
    void signalledCandidatesAreFilteredMdnsAndTcpIgnored() {
        try (Endpoint endpoint = server.createEndpoint(id(), new RecordingListener())) {
            assertTrue(endpoint.addRemoteCandidate("candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host"));
            assertFalse(endpoint.addRemoteCandidate(
                    "a=candidate:2 1 udp 2122260223 6c8f2d1e-7a3b-4c5d-9e0f-1a2b3c4d5e6f.local 50001 typ host"));
            assertFalse(endpoint.addRemoteCandidate("candidate:3 1 tcp 1518280447 127.0.0.1 9 typ host tcptype active"));
            assertEquals(1, endpoint.remoteCandidateCount());
            assertThrows(IllegalArgumentException.class, () -> endpoint.addRemoteCandidate("nonsense"));
        }
    }

    @Test
    void closingTheServerClosesItsEndpoints() {
        TransportServer other = TransportServer.start(MediaSettings.defaults().withUdpPort(0));
        Endpoint endpoint = other.createEndpoint(id(), new RecordingListener());

        other.close();

        assertTrue(endpoint.isClosed());
        assertEquals(0, other.endpointCount());
        assertThrows(IllegalStateException.class, () -> other.createEndpoint(id(), new RecordingListener()));
    }

    private static String id() {
        return "ep-" + UUID.randomUUID();
    }

    static final class RecordingListener implements EndpointListener {
        final CompletableFuture<Void> connected = new CompletableFuture<>();
        final CompletableFuture<String> failed = new CompletableFuture<>();

        @Override
        public void onConnected() {
            connected.complete(null);
        }

        @Override
        public void onFailed(String reason) {
            failed.complete(reason);
        }
    }
}
