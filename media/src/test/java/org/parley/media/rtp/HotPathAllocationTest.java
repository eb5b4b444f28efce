package org.parley.media.rtp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The per-packet work of forwarding (parse, find extensions, rewrite numbers and SSRC, cache, answer a
 * NACK with RTX, walk feedback and re-address it, write a PLI) allocates nothing: garbage per packet
 * at tens of thousands of packets a second is what makes a Java media server stutter.
 */
class HotPathAllocationTest {

    @Test
    void forwardingAPacketAllocatesNothing() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(threads instanceof com.sun.management.ThreadMXBean, "needs HotSpot's allocation counter");
        com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) threads;
        long thread = Thread.currentThread().getId();

        byte[] incoming = TestPackets.captured().get("audio-opus").clone();
        byte[] feedback = TestPackets.hex(RtcpIteratorTest.PLI + RtcpIteratorTest.NACK + RtcpIteratorTest.REMB);
        byte[] scratch = new byte[1500];
        RtpPacket packet = new RtpPacket();
        RtcpIterator iterator = new RtcpIterator();
        SequenceRewriter rewriter = new SequenceRewriter(1024, 1);
        NackCache cache = new NackCache(512, 1500);
        RtxWrapper rtx = new RtxWrapper(99, 97, 0);

        forward(incoming, feedback, scratch, packet, iterator, rewriter, cache, rtx, 20_000);  // warm up
        long before = counter.getThreadAllocatedBytes(thread);
        forward(incoming, feedback, scratch, packet, iterator, rewriter, cache, rtx, 100_000);
        long allocated = counter.getThreadAllocatedBytes(thread) - before;

        assertTrue(allocated < 1024, "100,000 packets allocated " + allocated + " bytes");
    }

    private static long forward(byte[] incoming, byte[] feedback, byte[] scratch, RtpPacket packet, RtcpIterator iterator,
            SequenceRewriter rewriter, NackCache cache, RtxWrapper rtx, int packets) {
        long sink = 0;
        for (int i = 0; i < packets; i++) {
            Bytes.putUint16(incoming, 2, i);
            packet.wrap(incoming, 0, incoming.length);
            sink += packet.extensionOffset(3) + packet.extensionLength(4);
            rewriter.rewrite(packet);
            packet.setSsrc(0x12345678L);
            cache.put(incoming, 0, incoming.length);
            int length = cache.get(packet.sequenceNumber(), scratch, 0);
            sink += rtx.wrap(scratch, 0, length, scratch, 0);
            sink += rewriter.originalSequence(packet.sequenceNumber());
            for (iterator.reset(feedback, 0, feedback.length); iterator.next(); ) {
                sink += iterator.packet().replaceMediaSsrc(0x22222222L, 0x22222222L) + iterator.packet().nackCount();
            }
            sink += RtcpWriter.writePli(scratch, 0, 1, 2);
        }
        return sink;
    }
}
