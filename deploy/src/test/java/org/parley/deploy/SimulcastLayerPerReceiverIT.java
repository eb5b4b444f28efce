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
 * Simulcast end to end in real headless Chromium: Ada's camera goes out as three layers; Bob (no
 * limit) and Cy (at most 180 lines) each get one layer of it from the SFU, and Cy gets a taller one
 * once she lifts her limit.
 */
class SimulcastLayerPerReceiverIT extends BrowserTest {

    private static final Duration MEDIA_WAIT = Duration.ofSeconds(60);
    private static final int LIMIT = 180;

    @Test
    void eachReceiverDecodesTheTallestLayerWithinItsMaximumHeightAndALiftedLimitBringsATallerOne() {
        String room = "Simulcast" + UUID.randomUUID().toString().substring(0, 6);
        Browser browser = browsers.browser();
        List<BrowserContext> contexts = new ArrayList<>();
        try {
            Page adaPage = newContext(browser, contexts);
            signIn(adaPage, "Ada", "/" + room + "?video=640x360"); // the first person in starts the conference
            Page ada = join(adaPage, room, "Ada", "640x360");
            Page bob = join(newContext(browser, contexts), room, "Bob", "320x240");
            Page cy = join(newContext(browser, contexts), room, "Cy", "320x240");
            String adaId = ada.locator("[data-testid=tile][data-self=true]").first().getAttribute("data-participant-id");

            setMaxVideoHeight(cy, String.valueOf(LIMIT));

            awaitDecoding(bob, adaId);
            awaitDecoding(cy, adaId);
            Awaitility.await("Ada sends more than one camera layer").atMost(MEDIA_WAIT).pollInterval(Duration.ofMillis(500))
                    .until(() -> sentLayers(ada), layers -> layers.size() >= 2);
            System.out.println("Ada's camera layers (rid=height): " + sentLayers(ada) + "; outbound: " + ada.evaluate("async () => JSON.stringify((await window.parleyMedia.stats()).outbound)"));

            long bobHeight = Awaitility.await("Bob gets a layer taller than " + LIMIT).atMost(MEDIA_WAIT)
                    .pollInterval(Duration.ofMillis(500)).until(() -> frameHeight(bob, adaId), h -> h > LIMIT);
            long cyHeight = Awaitility.await("Cy gets a layer within " + LIMIT).atMost(MEDIA_WAIT)
                    .pollInterval(Duration.ofMillis(500)).until(() -> frameHeight(cy, adaId), h -> h > 0 && h <= LIMIT);
            awaitDecoding(cy, adaId);
            System.out.printf("Bob decodes Ada at %d lines, Cy (limit %d) at %d lines%n", bobHeight, LIMIT, cyHeight);
            // Cy stays within her limit while she keeps decoding.
            Awaitility.await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
            assertTrue(frameHeight(cy, adaId) <= LIMIT, "Cy still within her limit");

            setMaxVideoHeight(cy, "0");
            long lifted = Awaitility.await("Cy gets a taller layer once her limit is lifted").atMost(MEDIA_WAIT)
                    .pollInterval(Duration.ofMillis(500)).until(() -> frameHeight(cy, adaId), h -> h > LIMIT);
            awaitDecoding(cy, adaId);
            System.out.printf("Cy without a limit decodes Ada at %d lines%n", lifted);
        } finally {
            contexts.forEach(BrowserContext::close);
        }
    }

    private static Page newContext(Browser browser, List<BrowserContext> contexts) {
        BrowserContext context = browser.newContext();
        contexts.add(context);
        return context.newPage();
    }

    private static Page join(Page page, String room, String name, String video) {
        page.navigate(server.url("/" + room + "?video=" + video));
        page.getByTestId("display-name").fill(name);
        page.getByTestId("accept-terms").check();
        page.getByTestId("join-button").click();
        assertThat(page.getByTestId("roster")).isVisible();
        return page;
    }

    private static void setMaxVideoHeight(Page page, String height) {
        page.getByTestId("open-settings").click();
        page.getByTestId("settings-tab-quality").click();
        page.getByTestId("max-video-height").selectOption(height);
        page.getByTestId("settings-close").click();
    }

    private static void awaitDecoding(Page page, String participantId) {
        long first = Awaitility.await("decodes").atMost(MEDIA_WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> inbound(page, participantId, "framesDecoded"), frames -> frames > 0);
        Awaitility.await("keeps decoding").atMost(MEDIA_WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> inbound(page, participantId, "framesDecoded"), frames -> frames > first);
    }

    private static long frameHeight(Page page, String participantId) {
        return inbound(page, participantId, "frameHeight");
    }

    @SuppressWarnings("unchecked")
    private static long inbound(Page page, String participantId, String field) {
        Map<String, Object> stats = (Map<String, Object>) page.evaluate("() => window.parleyMedia.stats()");
        for (Map<String, Object> inbound : (List<Map<String, Object>>) stats.get("inbound")) {
            if ("video".equals(inbound.get("kind")) && participantId.equals(inbound.get("participantId"))
                    && "MEDIA_SOURCE_CAMERA".equals(inbound.get("source")) && inbound.get(field) instanceof Number n) {
                return n.longValue();
            }
        }
        return 0;
    }

    /** rid -> height of each camera layer that has encoded frames. */
    @SuppressWarnings("unchecked")
    private static Map<String, Long> sentLayers(Page page) {
        Map<String, Object> stats = (Map<String, Object>) page.evaluate("() => window.parleyMedia.stats()");
        Map<String, Long> layers = new java.util.TreeMap<>();
        for (Map<String, Object> outbound : (List<Map<String, Object>>) stats.get("outbound")) {
            if ("MEDIA_SOURCE_CAMERA".equals(outbound.get("source")) && outbound.get("framesEncoded") instanceof Number n
                    && n.longValue() > 0 && outbound.get("frameHeight") instanceof Number h) {
                layers.put(String.valueOf(outbound.get("rid")), h.longValue());
            }
        }
        return layers;
    }
}
