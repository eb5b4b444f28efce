package org.parley.media.sfu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RouterTest {

    private static final long ADA_AUDIO = 1111;
    private static final long ADA_VIDEO = 2222;
    private static final long ADA_VIDEO_RTX = 2223;
    private static final long ADA_SCREEN = 3333;

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Router router = new Router(nanos::get, 2_000_000);
    private final RecordingSink adaPublish = new RecordingSink();
    private final RecordingSink bobReceive = new RecordingSink();
    private final RecordingSink cyReceive = new RecordingSink();
    private final RecordingSink adaReceive = new RecordingSink();

    private void adaPublishesAudioVideoAndScreen() {
        router.publish("ada", adaPublish, List.of(
                new InboundStream(ADA_AUDIO, 111, 0, 0, StreamKind.AUDIO, false, "a"),
                new InboundStream(ADA_VIDEO, 96, ADA_VIDEO_RTX, 97, StreamKind.VIDEO, false, "v"),
                new InboundStream(ADA_SCREEN, 96, 0, 0, StreamKind.VIDEO, true, "s")));
    }

    @Test
    void everyPacketReachesEveryoneElseUnchangedButNotItsSender() {
        adaPublishesAudioVideoAndScreen();
        router.subscribe("ada", adaReceive);
        router.subscribe("bob", bobReceive);
        router.subscribe("cy", cyReceive);

        byte[] packet = rtp(ADA_VIDEO, 42);
        router.onPublisherRtp(packet, 0, packet.length);

        assertEquals(List.of(hex(packet)), bobReceive.rtp);
        assertEquals(List.of(hex(packet)), cyReceive.rtp);
        assertTrue(adaReceive.rtp.isEmpty());
    }

    @Test
    void aPublishersRetransmissionIsForwardedAsTheOriginalPacket() {
        adaPublishesAudioVideoAndScreen();
        router.subscribe("bob", bobReceive);
        byte[] rtx = rtp(ADA_VIDEO_RTX, 7, 97, new byte[] {0, 42, 1, 2, 3});

        router.onPublisherRtp(rtx, 0, rtx.length);

        assertEquals(List.of(hex(rtp(ADA_VIDEO, 42, 96, new byte[] {1, 2, 3}))), bobReceive.rtp);
    }

    @Test
    void aLostPacketIsSentAgainAsRtxOnTheReceiversOwnSequence() {
        adaPublishesAudioVideoAndScreen();
        Subscription bob = router.subscribe("bob", bobReceive);
        router.subscribe("cy", cyReceive);
        send(ADA_VIDEO, 100);
        send(ADA_VIDEO, 101);
        bobReceive.rtp.clear();
        cyReceive.rtp.clear();

        byte[] nack = RtcpFeedback.nack(ADA_VIDEO, 100, 0b1);
        bob.onRtcp(nack, 0, nack.length);

        assertEquals(2, bobReceive.rtp.size(), "100 and, from the bitmask, 101");
        byte[] first = java.util.HexFormat.of().parseHex(bobReceive.rtp.get(0));
        assertEquals(ADA_VIDEO_RTX, RtpBytes.ssrc(first, 0));
        assertEquals(97, first[1] & 0x7F);
        assertEquals(1, RtpBytes.sequence(first, 0), "the receiver's own RTX sequence starts at 1");
        assertEquals(100, ((first[12] & 0xFF) << 8) | (first[13] & 0xFF), "the original sequence number leads the payload");
        assertTrue(cyReceive.rtp.isEmpty(), "only the one who asked gets it");
    }

    @Test
    void aRequestForAPacketNeverSentOrLongGoneIsIgnored() {
        adaPublishesAudioVideoAndScreen();
        Subscription bob = router.subscribe("bob", bobReceive);

        byte[] nack = RtcpFeedback.nack(ADA_VIDEO, 5000, 0);
        bob.onRtcp(nack, 0, nack.length);

        assertTrue(bobReceive.rtp.isEmpty());
    }

    @Test
    void mutedTracksAreNotForwardedAndFlowAgainWhenUnmuted() {
        adaPublishesAudioVideoAndScreen();
        router.subscribe("bob", bobReceive);

        router.pause("ada", true, true);
        send(ADA_AUDIO, 1);
        send(ADA_VIDEO, 1);
        send(ADA_SCREEN, 1);
        assertEquals(1, bobReceive.rtp.size(), "a screen share is not the camera: it keeps flowing");

        router.pause("ada", false, false);
        send(ADA_AUDIO, 2);
        assertEquals(2, bobReceive.rtp.size());
    }

    @Test
    void lowBandwidthReceiversGetOnlyAudioAndScreenShares() {
        adaPublishesAudioVideoAndScreen();
        router.subscribe("bob", bobReceive);
        router.constrain("bob", true);

        send(ADA_AUDIO, 1);
        send(ADA_VIDEO, 1);
        send(ADA_SCREEN, 1);

        assertEquals(2, bobReceive.rtp.size());
    }

    @Test
    void aNewReceiverOfVideoMakesThePublisherSendAKeyFrame() {
        adaPublishesAudioVideoAndScreen();
        adaPublish.rtcp.clear();

        router.subscribe("bob", bobReceive);

        assertTrue(adaPublish.rtcp.stream().anyMatch(p -> isPliFor(p, ADA_VIDEO)), adaPublish.rtcp.toString());
        assertTrue(adaPublish.rtcp.stream().anyMatch(p -> isPliFor(p, ADA_SCREEN)));
    }

    @Test
    void keyFrameRequestsFromReceiversReachThePublisherAtAMeasuredPace() {
        adaPublishesAudioVideoAndScreen();
        Subscription bob = router.subscribe("bob", bobReceive);
        nanos.addAndGet(1_000_000_000L);
        adaPublish.rtcp.clear();
        byte[] pli = RtcpFeedback.pli(ADA_VIDEO);

        bob.onRtcp(pli, 0, pli.length);
        bob.onRtcp(pli, 0, pli.length);
        nanos.addAndGet(400_000_000L);
        bob.onRtcp(pli, 0, pli.length);

        assertEquals(2, adaPublish.rtcp.size());
    }

    @Test
    void publishersAreToldTheirBitrateBudget() {
        adaPublishesAudioVideoAndScreen();
        adaPublish.rtcp.clear();

        router.tick();

        assertEquals(1, adaPublish.rtcp.size());
        String remb = adaPublish.rtcp.get(0);
        assertTrue(remb.startsWith("8fce"), remb);
        assertTrue(remb.contains("52454d42"), "REMB marker: " + remb);
    }

    @Test
    void senderReportsGoToThoseReceivingTheStream() {
        adaPublishesAudioVideoAndScreen();
        router.subscribe("bob", bobReceive);
        byte[] senderReport = new byte[28];
        senderReport[0] = (byte) 0x80;
        senderReport[1] = (byte) 200;
        senderReport[3] = 6;
        RtpBytes.putU32(senderReport, 4, ADA_AUDIO);

        router.onPublisherRtcp(senderReport, 0, senderReport.length);

        assertEquals(1, bobReceive.rtcp.size());
    }

    @Test
    void aParticipantWhoLeavesIsNoLongerForwardedToOrFrom() {
        adaPublishesAudioVideoAndScreen();
        router.subscribe("bob", bobReceive);

        router.remove("bob");
        send(ADA_AUDIO, 1);

        assertTrue(bobReceive.rtp.isEmpty());
        router.remove("ada");
        assertTrue(router.streams().isEmpty());
    }

    @Test
    void garbageIsDroppedQuietly() {
        adaPublishesAudioVideoAndScreen();
        Subscription bob = router.subscribe("bob", bobReceive);
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            byte[] junk = new byte[random.nextInt(40)];
            random.nextBytes(junk);
            router.onPublisherRtp(junk, 0, junk.length);
            router.onPublisherRtcp(junk, 0, junk.length);
            bob.onRtcp(junk, 0, junk.length);
        }
    }

    private void send(long ssrc, int sequence) {
        byte[] packet = rtp(ssrc, sequence);
        router.onPublisherRtp(packet, 0, packet.length);
    }

    private static byte[] rtp(long ssrc, int sequence) {
        return rtp(ssrc, sequence, 96, new byte[8]);
    }

    private static byte[] rtp(long ssrc, int sequence, int payloadType, byte[] payload) {
        byte[] p = new byte[12 + payload.length];
        p[0] = (byte) 0x80;
        p[1] = (byte) payloadType;
        p[2] = (byte) (sequence >> 8);
        p[3] = (byte) sequence;
        RtpBytes.putU32(p, 8, ssrc);
        System.arraycopy(payload, 0, p, 12, payload.length);
        return p;
    }

    private static boolean isPliFor(String hex, long ssrc) {
        return hex.startsWith("81ce0002") && hex.endsWith(String.format("%08x", ssrc));
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02x", b));
        }
        return out.toString();
    }

    private static final class RecordingSink implements PacketSink {
        final List<String> rtp = new ArrayList<>();
        final List<String> rtcp = new ArrayList<>();

        @Override
        public void sendRtp(byte[] buffer, int offset, int length) {
            rtp.add(hex(java.util.Arrays.copyOfRange(buffer, offset, offset + length)));
        }

        @Override
        public void sendRtcp(byte[] buffer, int offset, int length) {
            rtcp.add(hex(java.util.Arrays.copyOfRange(buffer, offset, offset + length)));
        }
    }
}
