package org.parley.media.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class NackCacheTest {

    private final NackCache cache = new NackCache(16, 1500);
    private final byte[] out = new byte[1500];

    private static byte[] packet(int seq, int payloadLength) {
        byte[] payload = new byte[payloadLength];
        Arrays.fill(payload, (byte) seq);
        return TestPackets.rtp(96, seq, seq * 3000L, 42, payload);
    }

    private void put(byte[] packet) {
        assertTrue(cache.put(packet, 0, packet.length));
    }

    @Test
    void aSentPacketIsCopiedBackByItsSequenceNumber() {
        byte[] sent = packet(7, 100);
        put(sent);

        int length = cache.get(7, out, 0);

        assertEquals(sent.length, length);
        assertArrayEquals(sent, Arrays.copyOf(out, length));
        assertTrue(cache.contains(7));
    }

    @Test
    void aPacketNeverStoredIsNotFound() {
        put(packet(7, 10));

        assertEquals(-1, cache.get(8, out, 0));
        assertFalse(cache.contains(8));
    }

    @Test
    void theOldestPacketMakesRoomForTheNewest() {
        put(packet(7, 10));
        put(packet(7 + 16, 10));

        assertEquals(-1, cache.get(7, out, 0));
        assertEquals(22, cache.get(7 + 16, out, 0));
    }

    @Test
    void sequenceNumbersWrapAround() {
        for (int seq = 65530; seq < 65530 + 12; seq++) {
            put(packet(seq & 0xFFFF, 4));
        }

        assertEquals(16, cache.get(65535, out, 0));
        assertEquals(16, cache.get(0, out, 0));
        assertEquals(16, cache.get(5, out, 0));
        assertEquals(5, new RtpPacket().wrap(out, 0, 16).sequenceNumber());
        assertEquals(16, cache.get(65530 + 65536, out, 0));  // only the low 16 bits count
    }

    @Test
    void copiesIntoTheCallersBufferAtAnOffset() {
        byte[] sent = packet(9, 20);
        put(sent);
        byte[] destination = new byte[100];

        assertEquals(32, cache.get(9, destination, 50));
        assertArrayEquals(sent, Arrays.copyOfRange(destination, 50, 82));
        assertEquals(-1, cache.get(9, destination, 80));
        assertEquals(-1, cache.get(9, destination, -1));
    }

    @Test
    void packetsTooLongOrNotRtpAreNotStored() {
        NackCache small = new NackCache(4, 100);

        assertFalse(small.put(packet(1, 200), 0, 212));
        assertFalse(small.put(new byte[20], 0, 20));
        assertFalse(small.put(packet(1, 10), 5, 22));
    }

    @Test
    void theCapacityMustBeAPowerOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> new NackCache(100, 1500));
        assertThrows(IllegalArgumentException.class, () -> new NackCache(16, 4));
    }

    @Test
    void aReaderOnAnotherThreadNeverGetsAHalfWrittenPacket() throws Exception {
        // Every packet's payload repeats the low byte of its own sequence number, so a copy that
        // mixes two packets shows up as a payload byte that disagrees with the header.
        NackCache shared = new NackCache(8, 1500);
        byte[][] packets = new byte[256][];
        for (int i = 0; i < packets.length; i++) {
            packets[i] = packet(i, 1000);
        }
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> torn = new AtomicReference<>();
        AtomicLong hits = new AtomicLong();
        Thread reader = new Thread(() -> {
            byte[] copy = new byte[1500];
            RtpPacket view = new RtpPacket();
            for (int seq = 0; !done.get() && torn.get() == null; seq = (seq + 1) & 0xFF) {
                int length = shared.get(seq, copy, 0);
                if (length < 0) {
                    continue;
                }
                hits.incrementAndGet();
                view.wrap(copy, 0, length);
                for (int i = view.payloadOffset(); i < length; i++) {
                    if (copy[i] != (byte) view.sequenceNumber() || view.sequenceNumber() != seq) {
                        torn.set("packet " + seq + " came back mixed at byte " + i);
                        break;
                    }
                }
            }
        });
        reader.start();
        for (int round = 0; round < 2000; round++) {
            for (byte[] p : packets) {
                shared.put(p, 0, p.length);
            }
        }
        done.set(true);
        reader.join(10_000);

        assertEquals(null, torn.get());
        assertTrue(hits.get() > 0, "the reader found packets");
    }
}
