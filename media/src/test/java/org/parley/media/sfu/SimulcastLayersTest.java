package org.parley.media.sfu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SimulcastLayersTest {

    private static final long NOW = 10_000_000_000L;

    private final SimulcastLayers layers = new SimulcastLayers(new InboundStream(500, 96, 501, 97, StreamKind.VIDEO,
            false, "camera", new InboundStream.Simulcast(List.of("q", "h", "f"), "1", 4, 10, 11)));

    private void allLayersSeenWithHeights(int q, int h, int f) {
        layers.seen(0, true, q, NOW);
        layers.seen(1, true, h, NOW);
        layers.seen(2, true, f, NOW);
    }

    @Test
    void theTallestLayerWithinTheLimitIsChosen() {
        allLayersSeenWithHeights(60, 120, 240);

        assertEquals(2, layers.target(0, NOW), "no limit");
        assertEquals(2, layers.target(240, NOW));
        assertEquals(1, layers.target(239, NOW));
        assertEquals(1, layers.target(180, NOW));
        assertEquals(0, layers.target(60, NOW));
    }

    @Test
    void aLimitBelowEveryLayerGetsTheSmallest() {
        allLayersSeenWithHeights(60, 120, 240);

        assertEquals(0, layers.target(30, NOW));
    }

    @Test
    void heightsComeFromKeyFramesNotFromTheOrderOfTheRids() {
        allLayersSeenWithHeights(240, 60, 120);

        assertEquals(1, layers.target(100, NOW));
        assertEquals(0, layers.target(0, NOW));
    }

    @Test
    void aLayerTheBrowserStoppedSendingIsNotChosen() {
        allLayersSeenWithHeights(60, 120, 240);
        long later = NOW + SimulcastLayers.ACTIVE_NANOS + 1;
        layers.seen(0, false, -1, later);
        layers.seen(1, false, -1, later);

        assertEquals(1, layers.target(0, later));
    }

    @Test
    void beforeAnyKeyFrameTheFirstActiveLayerIsChosenAndNoneWithoutPackets() {
        assertEquals(LayerForwarder.NO_LAYER, layers.target(0, NOW));

        layers.seen(1, false, -1, NOW);
        layers.seen(2, false, -1, NOW);

        assertEquals(1, layers.target(0, NOW));
    }
}
