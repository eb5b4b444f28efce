package org.parley.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SequenceRewriterTest {

    private final SequenceRewriter rewriter = new SequenceRewriter(1024, 5000);

    private int seq(int in) {
        return seq(in, 0);
    }

    private int seq(int in, long ts) {
        long forwarded = rewriter.forward(in, ts);
        return forwarded == SequenceRewriter.DROP ? -1 : SequenceRewriter.outSequence(forwarded);
    }

    private long ts(int in, long ts) {
        return SequenceRewriter.outTimestamp(rewriter.forward(in, ts));
    }

    @Test
    void theFirstPacketTakesTheInitialSequenceNumberAndKeepsItsTimestamp() {
        long forwarded = rewriter.forward(100, 90_000);

        assertEquals(5000, SequenceRewriter.outSequence(forwarded));
        assertEquals(90_000, SequenceRewriter.outTimestamp(forwarded));
    }

    @Test
    void consecutivePacketsStayConsecutive() {
        assertEquals(5000, seq(100));
        assertEquals(5001, seq(101));
        assertEquals(5002, seq(102));
    }

    @Test
    void packetsLeftOutOnPurposeLeaveNoGap() {
        seq(100);
        rewriter.skip(101);
        rewriter.skip(102);

        assertEquals(5001, seq(103));
        assertEquals(5002, seq(104));
    }

    @Test
    void timestampsAreNotShiftedByPacketsLeftOut() {
        ts(100, 1000);
        rewriter.skip(101);

        assertEquals(4000, ts(102, 4000));
    }

    @Test
    void aMissingPacketKeepsItsNumberForWhenItArrivesLate() {
        seq(100);
        assertEquals(5003, seq(103));
        rewriter.skip(104);

        assertEquals(5001, seq(101));
        assertEquals(5002, seq(102));
        assertEquals(5004, seq(105));
    }

    @Test
    void aDuplicateGetsTheSameNumberAgain() {
        seq(100);
        seq(101);

        assertEquals(5001, seq(101));
    }

    @Test
    void aLateCopyOfASkippedPacketIsDropped() {
        seq(100);
        rewriter.skip(101);
        seq(102);

        assertEquals(-1, seq(101));
    }

    @Test
    void sequenceNumbersWrapAroundOnBothSides() {
        SequenceRewriter wrapping = new SequenceRewriter(64, 65534);

        assertEquals(65534, SequenceRewriter.outSequence(wrapping.forward(65535, 0)));
        assertEquals(65535, SequenceRewriter.outSequence(wrapping.forward(0, 0)));
        wrapping.skip(1);
        assertEquals(0, SequenceRewriter.outSequence(wrapping.forward(2, 0)));
        assertEquals(1, SequenceRewriter.outSequence(wrapping.forward(3, 0)));
        assertEquals(0, wrapping.originalSequence(65535));
        assertEquals(3, wrapping.originalSequence(1));
    }

    @Test
    void timestampsWrapAround() {
        SequenceRewriter wrapping = new SequenceRewriter(64, 0);
        wrapping.forward(1, 0xFFFF_FF00L);
        wrapping.switchSource(0x200);

        assertEquals(0x100, SequenceRewriter.outTimestamp(wrapping.forward(900, 77)));
        assertEquals(0x100 + 3000, SequenceRewriter.outTimestamp(wrapping.forward(901, 77 + 3000)));
    }

    @Test
    void aSwitchedSourceContinuesRightAfterTheLastPacketSent() {
        seq(100, 1000);
        seq(101, 4000);
        rewriter.switchSource(3000);

        long forwarded = rewriter.forward(30_000, 777_777);

        assertEquals(5002, SequenceRewriter.outSequence(forwarded));
        assertEquals(7000, SequenceRewriter.outTimestamp(forwarded));
        assertEquals(5003, seq(30_001, 780_777));
        assertEquals(10_000, ts(30_002, 780_777));
    }

    @Test
    void packetsSkippedBeforeTheFirstAfterASwitchDoNotShiftIt() {
        seq(100);
        rewriter.switchSource(1);
        rewriter.skip(30_000);

        assertEquals(5001, seq(30_001));
    }

    @Test
    void switchesMustAdvanceTime() {
        assertThrows(IllegalArgumentException.class, () -> rewriter.switchSource(0));
    }

    @Test
    void nacksMapBackToThePublishersSequenceNumbers() {
        seq(100);
        rewriter.skip(101);
        seq(102);
        seq(105);

        assertEquals(100, rewriter.originalSequence(5000));
        assertEquals(102, rewriter.originalSequence(5001));
        assertEquals(103, rewriter.originalSequence(5002));  // lost upstream: ask the publisher for 103
        assertEquals(105, rewriter.originalSequence(5004));
        assertEquals(-1, rewriter.originalSequence(5005));
        assertEquals(-1, rewriter.originalSequence(4999));
    }

    @Test
    void nacksForPacketsBeforeASwitchDoNotMapToTheNewSource() {
        seq(100);
        rewriter.switchSource(1);
        seq(30_000);

        assertEquals(-1, rewriter.originalSequence(5000));
        assertEquals(30_000, rewriter.originalSequence(5001));
    }

    @Test
    void aLatePacketSkippedOnPurposeNoLongerMapsBack() {
        seq(100);
        seq(102);
        rewriter.skip(101);

        assertEquals(-1, rewriter.originalSequence(5001));
        assertEquals(-1, seq(101));
    }

    @Test
    void packetsOlderThanTheHistoryAreDropped() {
        seq(100);
        seq(1100);
        assertEquals(5001, seq(101));
        seq(1200);

        assertEquals(-1, seq(102));          // 1098 behind the newest: beyond the 1024 remembered
        assertEquals(5100, seq(200));        // 1000 behind: still has its reserved number
    }

    @Test
    void aPacketFromBeforeTheFirstForwardedIsDropped() {
        seq(100);

        assertEquals(-1, seq(99));
    }

    @Test
    void aPublisherThatRestartsItsNumberingBackwardsIsFollowedAfterARun() {
        seq(40_000);
        for (int i = 0; i < SequenceRewriter.RESYNC_AFTER - 1; i++) {
            assertEquals(-1, seq(30_000 + i));
        }

        assertEquals(5001, seq(30_000 + SequenceRewriter.RESYNC_AFTER - 1));
        assertEquals(5002, seq(30_000 + SequenceRewriter.RESYNC_AFTER));
    }

    @Test
    void aJumpForwardBeyondTheHistoryContinuesWithoutAGap() {
        seq(100);

        assertEquals(5001, seq(100 + 5000));
        assertEquals(5002, seq(100 + 5001));
    }

    @Test
    void rewritesAPacketInPlace() {
        byte[] bytes = TestPackets.rtp(96, 100, 90_000, 1234, new byte[] {1});
        RtpPacket packet = new RtpPacket().wrap(bytes, 0, bytes.length);

        assertTrue(rewriter.rewrite(packet));

        assertEquals(5000, packet.sequenceNumber());
        assertEquals(90_000, packet.timestamp());
        assertFalse(rewriter.rewrite(new RtpPacket().wrap(new byte[3], 0, 3)));
    }

    @Test
    void theHistoryMustBeAPowerOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> new SequenceRewriter(1000, 0));
        assertThrows(IllegalArgumentException.class, () -> new SequenceRewriter(8, 0));
    }
}
