package org.parley.media.transport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Real headless Chromium (Debian's /usr/bin/chromium, never a downloaded one) with a fake camera and
 * microphone publishes to one endpoint: ICE, DTLS and SRTP must complete and the endpoint must
 * decrypt Opus and VP8. Three joins in one JVM: the first pays for cold DTLS code, the others show
 * the steady join time.
 */
class ChromiumWebRtcIT {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

    private static TransportServer transport;
    private static HttpServer http;
    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void startServerAndBrowser() throws IOException {
        transport = TransportServer.start(MediaSettings.defaults().withUdpPort(0));
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", exchange -> {
            byte[] page;
            try (InputStream in = ChromiumWebRtcIT.class.getResourceAsStream("/transport/publisher.html")) {
                page = in.readAllBytes();
            }
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        http.start();
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--use-fake-device-for-media-stream",
                        "--use-fake-ui-for-media-stream", "--allow-loopback-in-peer-connection",
                        "--disable-features=WebRtcHideLocalIpsWithMdns")));
    }

    @AfterAll
    static void stopAll() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (http != null) {
            http.stop(0);
        }
        if (transport != null) {
            transport.close();
        }
    }

    @RepeatedTest(value = 3, name = "join {currentRepetition} of {totalRepetitions}")
    void chromiumPublisherConnectsAndItsOpusAndVp8AreDecrypted() {
        Set<Integer> payloadTypes = ConcurrentHashMap.newKeySet();
        AtomicLong firstPacketNanos = new AtomicLong();
        AtomicLong connectedNanos = new AtomicLong();
        AtomicInteger videoSsrc = new AtomicInteger();
        String[] failure = new String[1];
        Endpoint endpoint = transport.createEndpoint("chromium-" + UUID.randomUUID(),
                new EndpointListener() {
                    @Override
                    public void onConnected() {
                        connectedNanos.compareAndSet(0, System.nanoTime());
                    }

                    @Override
                    public void onFailed(String reason) {
                        failure[0] = reason;
                    }
                });
        try (Page page = browser.newPage()) {
            page.navigate("http://127.0.0.1:" + http.getAddress().getPort() + "/");
            String offer = (String) page.evaluate("() => window.makeOffer()");
            AnswerTemplate sdp = new AnswerTemplate(offer);
            int opus = sdp.payloadType("audio");
            int vp8 = sdp.payloadType("video");
            endpoint.setPacketHandler(new PacketHandler() {
                @Override
                public void onRtp(byte[] buf, int off, int len) {
                    firstPacketNanos.compareAndSet(0, System.nanoTime());
                    int pt = buf[off + 1] & 0x7F;
                    payloadTypes.add(pt);
                    if (pt == vp8) {
                        videoSsrc.set(ByteBuffer.wrap(buf, off + 8, 4).getInt());
                    }
                }

                @Override
                public void onRtcp(byte[] buf, int off, int len) {
                }
            });

            endpoint.start(sdp.ufrag, sdp.pwd, sdp.fingerprintAlgorithm, sdp.fingerprint);
            int loopbackCandidates = 0;
            for (String candidate : sdp.candidates) {
                // Only loopback: this machine may reach nothing else.
                if (candidate.contains(" 127.0.0.1 ") && endpoint.addRemoteCandidate(candidate)) {
                    loopbackCandidates++;
                }
            }
            long answeredAt = System.nanoTime();
            page.evaluate("sdp => window.applyAnswer(sdp)", sdp.answer(endpoint));

            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                    .failFast("endpoint failed", () -> failure[0] != null)
                    .until(() -> payloadTypes.contains(opus) && payloadTypes.contains(vp8));

            System.out.printf("Chromium -> endpoint: %d offer candidates (%d loopback accepted), "
                            + "SRTP ready %d ms and first decrypted RTP %d ms after the answer was applied;"
                            + " payload types %s; %s%n",
                    sdp.candidates.size(), loopbackCandidates,
                    (connectedNanos.get() - answeredAt) / 1_000_000,
                    (firstPacketNanos.get() - answeredAt) / 1_000_000, payloadTypes,
                    page.evaluate("() => window.transportState()"));
            assertEquals(111, opus, "Chromium's Opus payload type");
            assertEquals(96, vp8, "Chromium's VP8 payload type");

            // The send path, checked by the browser itself: a PLI we encrypt shows in its stats.
            byte[] pli = ByteBuffer.allocate(12).put((byte) 0x81).put((byte) 206).putShort((short) 2)
                    .putInt(1).putInt(videoSsrc.get()).array();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> endpoint.sendRtcp(pli, 0, pli.length)
                            && ((Number) page.evaluate("() => window.videoPliCount()")).intValue() > 0);

            EndpointStats stats = endpoint.stats();
            System.out.println("Endpoint stats: " + stats);
            assertTrue(stats.rtpPacketsIn() > 0);
            assertTrue(stats.rtcpPacketsOut() > 0);
            assertEquals(0, stats.decryptFailures());
            assertNull(failure[0]);
        } finally {
            endpoint.close();
        }
    }
}
