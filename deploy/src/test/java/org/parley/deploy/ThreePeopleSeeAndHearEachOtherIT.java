package org.parley.deploy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The media plane end to end: three people in real headless Chromium (fake camera and microphone,
 * small video so three browsers fit on two cores) see and hear each other through Parley's own SFU.
 * Ada, the first, is signed in: only a member starts a conference.
 */
class ThreePeopleSeeAndHearEachOtherIT extends BrowserTest {

    private static final Duration MEDIA_WAIT = Duration.ofSeconds(60);

    @Test
    void everyoneDecodesEveryoneElseThenAScreenShareThenALeaverGoesAndComesBack() {
        String room = "Media" + UUID.randomUUID().toString().substring(0, 6);
        Browser browser = browsers.browser();
        List<BrowserContext> contexts = new ArrayList<>();
        try {
            Page adaPage = newContext(browser, contexts);
            signIn(adaPage, "Ada", "/" + room + "?video=320x240");
            Person ada = Person.join(adaPage, server, room, "Ada");
            Person bob = Person.join(newContext(browser, contexts), server, room, "Bob");
            Person cy = Person.join(newContext(browser, contexts), server, room, "Cy");

            for (Person viewer : List.of(ada, bob, cy)) {
                for (Person other : List.of(ada, bob, cy)) {
                    if (viewer != other) {
                        viewer.awaitDecodingVideoFrom(other, "MEDIA_SOURCE_CAMERA");
                        viewer.awaitHearing(other);
                    }
                }
            }
            for (Person viewer : List.of(ada, bob, cy)) {
                double firstFrameMillis = viewer.timeToFirstFrameMillis();
                System.out.printf("time to first decoded remote frame for %s: %.0f ms%n", viewer.name, firstFrameMillis);
                assertTrue(firstFrameMillis < 20_000, viewer.name + " waited " + firstFrameMillis + " ms");
            }

            // REMB from the SFU lets the browsers' send bitrate climb instead of idling at its start value.
            for (Person sender : List.of(ada, bob, cy)) {
                double kbps = sender.cameraSendKbps(Duration.ofSeconds(4));
                System.out.printf("%s sends its camera at %.0f kbit/s%n", sender.name, kbps);
                assertTrue(kbps > 100, sender.name + " sends only " + kbps + " kbit/s");
            }

            // The room's media supervisor reads the SFU's counters on its tick.
            String mediaStats = Awaitility.await("the SFU's counters show forwarding").atMost(MEDIA_WAIT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> server.get("/api/v1/conferences/" + room + "/media"),
                            json -> json.contains("\"participantId\"") && !json.contains("\"packetsForwarded\":0"));
            System.out.println("media stats: " + mediaStats);

            ada.page.getByTestId("toggle-screen").click();
            bob.awaitDecodingVideoFrom(ada, "MEDIA_SOURCE_SCREEN");
            cy.awaitDecodingVideoFrom(ada, "MEDIA_SOURCE_SCREEN");
            assertThat(bob.page.getByTestId("screen-share")).isVisible();

            String cyId = cy.participantId();
            cy.page.getByTestId("leave-button").click();
            assertThat(ada.page.locator("[data-testid=tile][data-participant-id='" + cyId + "']")).hasCount(0);
            assertThat(bob.page.locator("[data-testid=tile][data-participant-id='" + cyId + "']")).hasCount(0);

            Person cyAgain = Person.join(cy.page, server, room, "Cy");
            ada.awaitDecodingVideoFrom(cyAgain, "MEDIA_SOURCE_CAMERA");
            cyAgain.awaitDecodingVideoFrom(bob, "MEDIA_SOURCE_CAMERA");
            cyAgain.awaitHearing(ada);
        } finally {
            contexts.forEach(BrowserContext::close);
        }
    }

    private static Page newContext(Browser browser, List<BrowserContext> contexts) {
        BrowserContext context = browser.newContext();
        contexts.add(context);
        return context.newPage();
    }

    /** One person's tab, and what its media statistics say. */
    private static final class Person {
        final Page page;
        final String name;

        private Person(Page page, String name) {
            this.page = page;
            this.name = name;
        }

        static Person join(Page page, RunningServer server, String room, String name) {
            page.navigate(server.url("/" + room + "?video=320x240"));
            page.getByTestId("display-name").fill(name);
            page.getByTestId("accept-terms").check();
            page.getByTestId("join-button").click();
            assertThat(page.getByTestId("roster")).isVisible();
            return new Person(page, name);
        }

        String participantId() {
            return ownTileId();
        }

        private String ownTileId() {
            return page.locator("[data-testid=tile][data-self=true]").first().getAttribute("data-participant-id");
        }

        void awaitDecodingVideoFrom(Person other, String source) {
            String otherId = other.ownTileId();
            long first = Awaitility.await(name + " decodes " + source + " of " + other.name)
                    .atMost(MEDIA_WAIT).pollInterval(Duration.ofMillis(500))
                    .until(() -> counter(otherId, "video", source, "framesDecoded"), frames -> frames > 0);
            Awaitility.await(name + " keeps decoding " + source + " of " + other.name)
                    .atMost(MEDIA_WAIT).pollInterval(Duration.ofMillis(500))
                    .until(() -> counter(otherId, "video", source, "framesDecoded"), frames -> frames > first);
        }

        void awaitHearing(Person other) {
            String otherId = other.ownTileId();
            long first = Awaitility.await(name + " hears " + other.name)
                    .atMost(MEDIA_WAIT).pollInterval(Duration.ofMillis(500))
                    .until(() -> counter(otherId, "audio", "MEDIA_SOURCE_MICROPHONE", "packetsReceived"), n -> n > 0);
            Awaitility.await(name + " keeps hearing " + other.name)
                    .atMost(MEDIA_WAIT).pollInterval(Duration.ofMillis(500))
                    .until(() -> counter(otherId, "audio", "MEDIA_SOURCE_MICROPHONE", "packetsReceived"), n -> n > first);
        }

        /** The camera's send rate over a window (time has to pass to measure a rate). */
        double cameraSendKbps(Duration window) {
            long before = outboundCameraBytes();
            long start = System.nanoTime();
            Awaitility.await().pollDelay(window).atMost(window.plusSeconds(5)).until(() -> true);
            long after = outboundCameraBytes();
            double seconds = (System.nanoTime() - start) / 1e9;
            return (after - before) * 8 / 1000.0 / seconds;
        }

        @SuppressWarnings("unchecked")
        private long outboundCameraBytes() {
            Map<String, Object> stats = (Map<String, Object>) page.evaluate("() => window.parleyMedia.stats()");
            long bytes = 0;
            for (Map<String, Object> outbound : (List<Map<String, Object>>) stats.get("outbound")) {
                if ("MEDIA_SOURCE_CAMERA".equals(outbound.get("source")) && outbound.get("bytesSent") instanceof Number n) {
                    bytes += n.longValue();
                }
            }
            return bytes;
        }

        double timeToFirstFrameMillis() {
            Object millis = page.evaluate("() => window.parleyMedia.firstFrameAt - window.parleyMedia.joinedAt");
            return ((Number) millis).doubleValue();
        }

        @SuppressWarnings("unchecked")
        private long counter(String participantId, String kind, String source, String field) {
            Map<String, Object> stats = (Map<String, Object>) page.evaluate("() => window.parleyMedia.stats()");
            long best = 0;
            for (Map<String, Object> inbound : (List<Map<String, Object>>) stats.get("inbound")) {
                if (kind.equals(inbound.get("kind")) && participantId.equals(inbound.get("participantId"))
                        && source.equals(inbound.get("source")) && inbound.get(field) instanceof Number n) {
                    best = Math.max(best, n.longValue());
                }
            }
            return best;
        }
    }
}
