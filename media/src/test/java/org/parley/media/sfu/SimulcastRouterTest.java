package org.parley.media.sfu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.media.rtp.RtpPacket;
import org.parley.media.rtp.Vp8Descriptor;

/** One camera published as three simulcast layers (60, 120, 240 lines), received by Bob and Cy. */
class SimulcastRouterTest {

    private static final long OUT = 0xABC0;
    private static final long OUT_RTX = 0xABC1;
    private static final long[] SSRC = {0x1000, 0x2000, 0x3000};
    private static final long[] RTX_SSRC = {0x1001, 0x2001, 0x3001};
    private static final String[] RID = {"q", "h", "f"};
    private static final int[] HEIGHT = {60, 120, 240};
    /** Each layer numbers its packets and pictures its own way. */
    private static final int[] FIRST_SEQUENCE = {100, 20_000, 65_530};
    private static final int[] FIRST_PICTURE_ID = {10, 3000, 32_760};
    private static final int[] FIRST_TL0 = {0, 100, 250};
    private static final long FRAME_NANOS = 33_000_000L;

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Router router = new Router(nanos::get, 2_000_000);
    private final Sink adaPublish = new Sink();
    private final Sink bob = new Sink();
    private final Sink cy = new Sink();
    private final boolean[] announced = new boolean[3];
    private int frame;

    @BeforeEach
    void adaPublishesHerCameraInThreeLayers() {
        router.publish("ada", adaPublish, List.of(new InboundStream(OUT, SimulcastPackets.VP8, OUT_RTX, SimulcastPackets.RTX,
                StreamKind.VIDEO, false, "ada/1", new InboundStream.Simulcast(List.of(RID), "1",
                        SimulcastPackets.MID_EXTENSION, SimulcastPackets.RID_EXTENSION, SimulcastPackets.REPAIRED_RID_EXTENSION))));
    }

    @Test
    void eachReceiverGetsTheTallestLayerWithinItsLimitOnTheSfusOwnSsrc() {
        router.subscribe("bob", bob);
        router.subscribe("cy", cy);
        router.constrain("cy", false, 180);

        keyFrames();
        frames(5);

        assertEquals(List.of(OUT), bob.ssrcs());
        assertEquals(List.of(OUT), cy.ssrcs());
        assertEquals(240, bob.lastKeyFrameHeight());
        assertEquals(120, cy.lastKeyFrameHeight());
        assertEquals(Map.of("bob", 2, "cy", 1), router.selectedLayers(OUT));
        assertEquals(5, bob.rtp.size() - bob.indexOfLastKeyFrame() - 1, "every delta frame of the tallest layer");
        bob.assertOneContinuousStream();
        cy.assertOneContinuousStream();
    }

    @Test
    void aNewLimitSwitchesOnlyAtAKeyFrameOfTheNewLayerAndAsksForOne() {
        router.subscribe("bob", bob);
        keyFrames();
        frames(3);
        adaPublish.rtcp.clear();

        router.constrain("bob", false, 60);
        frames(3);

        assertEquals(2, router.selectedLayers(OUT).get("bob"), "still the tall layer: no key frame of the small one yet");
        assertTrue(adaPublish.rtcp.stream().anyMatch(p -> isPliFor(p, SSRC[0])), adaPublish.rtcp.toString());
        int before = bob.rtp.size();

        keyFrames();
        frames(3);

        assertEquals(0, router.selectedLayers(OUT).get("bob"));
        assertEquals(60, bob.lastKeyFrameHeight());
        assertEquals(4, bob.rtp.size() - before, "the small layer's key frame and deltas; nothing of the others");
        bob.assertOneContinuousStream();

        router.constrain("bob", false, 0);
        frames(2);
        keyFrames();
        frames(2);
        assertEquals(240, bob.lastKeyFrameHeight());
        bob.assertOneContinuousStream();
    }

    @Test
    void aReceiversLostPacketIsResentInItsOwnNumberingOnTheSfusRtxSsrc() {
        Subscription bobsRtcp = router.subscribe("bob", bob);
        keyFrames();
        frames(2);
        byte[] wanted = bob.packet(bob.rtp.size() - 1);
        int wantedSequence = RtpBytes.sequence(wanted, 0);
        bob.rtp.clear();

        byte[] nack = RtcpFeedback.nack(OUT, wantedSequence, 0);
        bobsRtcp.onRtcp(nack, 0, nack.length);

        assertEquals(1, bob.rtp.size());
        byte[] rtx = bob.packet(0);
        assertEquals(OUT_RTX, RtpBytes.ssrc(rtx, 0));
        assertEquals(SimulcastPackets.RTX, rtx[1] & 0x7F);
        assertEquals(wantedSequence, originalSequenceOf(rtx), "the RTX payload starts with the receiver's sequence number");
    }

    @Test
    void aPublishersRetransmissionOfALayerIsRestoredAndForwardedAsThatLayer() {
        router.subscribe("bob", bob);
        router.constrain("bob", false, 60);
        keyFrames();
        int before = bob.rtp.size();
        byte[] payload = SimulcastPackets.deltaPayload(FIRST_PICTURE_ID[0] + 1, FIRST_TL0[0] + 1);

        byte[] rtx = SimulcastPackets.rtx(RTX_SSRC[0], 1, 3000L, "1", "q", FIRST_SEQUENCE[0] + 1, payload);
        router.onPublisherRtp("ada", rtx, 0, rtx.length);

        assertEquals(before + 1, bob.rtp.size());
        byte[] forwarded = bob.packet(before);
        assertEquals(OUT, RtpBytes.ssrc(forwarded, 0));
        assertEquals(SimulcastPackets.VP8, forwarded[1] & 0x7F);
        bob.assertOneContinuousStream();
    }

    @Test
    void aReceiversKeyFrameRequestReachesTheLayerItReceives() {
        Subscription bobsRtcp = router.subscribe("bob", bob);
        router.constrain("bob", false, 120);
        keyFrames();
        nanos.addAndGet(1_000_000_000L);
        adaPublish.rtcp.clear();

        byte[] pli = RtcpFeedback.pli(OUT);
        bobsRtcp.onRtcp(pli, 0, pli.length);

        assertEquals(1, adaPublish.rtcp.size());
        assertTrue(isPliFor(adaPublish.rtcp.get(0), SSRC[1]), adaPublish.rtcp.toString());
    }

    @Test
    void lowBandwidthAndMutedCamerasReceiveNoLayer() {
        router.subscribe("bob", bob);
        router.subscribe("cy", cy);
        router.constrain("cy", true, 0);
        router.pause("ada", false, true);

        keyFrames();
        frames(2);

        assertTrue(bob.rtp.isEmpty());
        assertTrue(cy.rtp.isEmpty());
    }

    @Test
    void packetsOfAnotherMidOrWithoutARidAreNotTakenForALayer() {
        router.subscribe("bob", bob);

        byte[] otherMid = SimulcastPackets.vp8(0x7777, 1, 0, "0", "q", 1, 1, 60);
        byte[] noRid = SimulcastPackets.vp8(0x8888, 1, 0, "1", null, 1, 1, 60);
        router.onPublisherRtp("ada", otherMid, 0, otherMid.length);
        router.onPublisherRtp("ada", noRid, 0, noRid.length);
        router.onPublisherRtp("nobody", otherMid, 0, otherMid.length);

        assertTrue(bob.rtp.isEmpty());
        assertEquals(Map.of(OUT, new long[3].length), Map.of(OUT, router.counters().get(OUT).length));
    }

    /** One key frame on every layer, smallest first (the rid is sent until the SSRC is known). */
    private void keyFrames() {
        sendFrame(true);
    }

    private void frames(int count) {
        for (int i = 0; i < count; i++) {
            sendFrame(false);
        }
    }

    private void sendFrame(boolean key) {
        nanos.addAndGet(FRAME_NANOS);
        for (int layer = 0; layer < 3; layer++) {
            byte[] packet = SimulcastPackets.vp8(SSRC[layer], (FIRST_SEQUENCE[layer] + frame) & 0xFFFF, 3000L * frame + 77 * layer,
                    "1", announced[layer] ? null : RID[layer], (FIRST_PICTURE_ID[layer] + frame) & 0x7FFF,
                    (FIRST_TL0[layer] + frame) & 0xFF, key ? HEIGHT[layer] : 0);
            announced[layer] = true;
            router.onPublisherRtp("ada", packet, 0, packet.length);
        }
        frame++;
    }

    private static int originalSequenceOf(byte[] rtx) {
        RtpPacket view = new RtpPacket().wrap(rtx, 0, rtx.length);
        int at = view.payloadOffset();
        return (rtx[at] & 0xFF) << 8 | rtx[at + 1] & 0xFF;
    }

    private static boolean isPliFor(byte[] p, long ssrc) {
        return p.length == 12 && (p[1] & 0xFF) == 206 && (p[0] & 0x1F) == 1 && RtpBytes.u32(p, 8) == ssrc;
    }

    private static final class Sink implements PacketSink {
        final List<byte[]> rtp = new ArrayList<>();
        final List<byte[]> rtcp = new ArrayList<>();

        @Override
        public void sendRtp(byte[] buffer, int offset, int length) {
            rtp.add(Arrays.copyOfRange(buffer, offset, offset + length));
        }

        @Override
        public void sendRtcp(byte[] buffer, int offset, int length) {
            rtcp.add(Arrays.copyOfRange(buffer, offset, offset + length));
        }

        byte[] packet(int index) {
            return rtp.get(index);
        }

        List<Long> ssrcs() {
            return rtp.stream().map(p -> RtpBytes.ssrc(p, 0)).distinct().toList();
        }

        int indexOfLastKeyFrame() {
            for (int i = rtp.size() - 1; i >= 0; i--) {
                if (vp8(rtp.get(i)).isKeyFrameStart()) {
                    return i;
                }
            }
            return -1;
        }

        int lastKeyFrameHeight() {
            return vp8(rtp.get(indexOfLastKeyFrame())).keyFrameHeight();
        }

        /** Sequence numbers, picture IDs and TL0PICIDX go up by one per packet (one packet per frame here); timestamps advance. */
        void assertOneContinuousStream() {
            for (int i = 1; i < rtp.size(); i++) {
                byte[] previous = rtp.get(i - 1);
                byte[] packet = rtp.get(i);
                RtpPacket before = new RtpPacket().wrap(previous, 0, previous.length);
                RtpPacket now = new RtpPacket().wrap(packet, 0, packet.length);
                assertEquals((before.sequenceNumber() + 1) & 0xFFFF, now.sequenceNumber(), "sequence at " + i);
                long advance = (now.timestamp() - before.timestamp()) & 0xFFFF_FFFFL;
                assertTrue(advance > 0 && advance < 90_000, "timestamp advance " + advance + " at " + i);
                assertEquals((vp8(previous).pictureId() + 1) & 0x7FFF, vp8(packet).pictureId(), "picture id at " + i);
                assertEquals((vp8(previous).tl0PicIdx() + 1) & 0xFF, vp8(packet).tl0PicIdx(), "TL0PICIDX at " + i);
            }
        }

        private static Vp8Descriptor vp8(byte[] packet) {
            RtpPacket view = new RtpPacket().wrap(packet, 0, packet.length);
            return new Vp8Descriptor().wrap(packet, view.payloadOffset(), view.payloadLength());
        }
    }
}
