package org.parley.media.sfu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The simulcast path allocates nothing per packet in steady state: layer choice, VP8 parsing, the
 * rewriting for each receiver and the per-receiver retransmission cache all work on pre-allocated state.
 */
class SimulcastAllocationTest {

    private static final long[] SSRC = {0x1000, 0x2000, 0x3000};
    private static final String[] RID = {"q", "h", "f"};

    @Test
    void forwardingThreeLayersToFourReceiversWithDifferentLimitsAllocatesNothing() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(threads instanceof com.sun.management.ThreadMXBean, "needs HotSpot's allocation counter");
        com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) threads;
        AtomicLong nanos = new AtomicLong(1_000_000_000L);
        Router router = new Router(nanos::get, 2_500_000);
        PacketSink publisher = new CountingSink();
        router.publish("ada", publisher, List.of(new InboundStream(0xABC0, 96, 0xABC1, 97, StreamKind.VIDEO, false, "ada/1",
                new InboundStream.Simulcast(List.of(RID), "1", 4, 10, 11))));
        CountingSink[] receivers = new CountingSink[4];
        int[] limits = {0, 180, 60, 0};
        for (int i = 0; i < receivers.length; i++) {
            receivers[i] = new CountingSink();
            router.subscribe("r" + i, receivers[i]);
            router.constrain("r" + i, false, limits[i]);
        }
        byte[][] packets = new byte[6][];
        for (int layer = 0; layer < 3; layer++) {
            packets[layer] = SimulcastPackets.vp8(SSRC[layer], 1, 0, "1", RID[layer], 1, 1, 60 << layer);
            packets[3 + layer] = packets[layer].clone(); // what arrives; the router rewrites it in place
        }
        long thread = Thread.currentThread().getId();

        int frame = run(router, packets, nanos, 0, 20_000);
        long before = counter.getThreadAllocatedBytes(thread);
        run(router, packets, nanos, frame, 50_000);
        long allocated = counter.getThreadAllocatedBytes(thread) - before;

        System.out.printf("simulcast: %d bytes allocated forwarding %d frames of 3 layers to 4 receivers%n", allocated, 50_000);
        assertEquals(70_002, receivers[0].packets, "one layer per frame, after climbing from q through h to f at the start");
        assertTrue(allocated < 1024, "allocated " + allocated + " bytes");
    }

    /** Frames of every layer; each is a key frame, so the switching rule runs on every packet. */
    private static int run(Router router, byte[][] packets, AtomicLong nanos, int frame, int count) {
        for (int end = frame + count; frame < end; frame++) {
            nanos.addAndGet(33_000_000L);
            for (int layer = 0; layer < 3; layer++) {
                byte[] packet = packets[3 + layer];
                System.arraycopy(packets[layer], 0, packet, 0, packet.length);
                int seq = frame & 0xFFFF;
                packet[2] = (byte) (seq >> 8);
                packet[3] = (byte) seq;
                RtpBytes.putU32(packet, 4, 3000L * frame);
                int payload = packet.length - (packet[packet.length - 1] == 0x66 ? 18 : 12);
                int pictureId = frame & 0x7FFF;
                packet[payload + 2] = (byte) (0x80 | pictureId >> 8);
                packet[payload + 3] = (byte) pictureId;
                packet[payload + 4] = (byte) frame;
                router.onPublisherRtp("ada", packet, 0, packet.length);
            }
        }
        return frame;
    }

    private static final class CountingSink implements PacketSink {
        long packets;

        @Override
        public void sendRtp(byte[] buffer, int offset, int length) {
            packets++;
        }

        @Override
        public void sendRtcp(byte[] buffer, int offset, int length) {
        }
    }
}
