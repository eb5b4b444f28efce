package org.parley.media.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RtcpWriterTest {

    private final byte[] buffer = new byte[256];

    private byte[] written(int length) {
        assertTrue(length > 0, "written");
        return Arrays.copyOf(buffer, length);
    }

    @Test
    void writesAPli() {
        int length = RtcpWriter.writePli(buffer, 0, 1, 0x22222222L);

        assertArrayEquals(TestPackets.hex(RtcpIteratorTest.PLI), written(length));
    }

    @Test
    void writesAFirWithItsSequenceNumber() {
        int length = RtcpWriter.writeFir(buffer, 0, 1, 0x22222222L, 7);

        assertArrayEquals(TestPackets.hex(RtcpIteratorTest.FIR), written(length));
    }

    @Test
    void writesARemb() {
        int length = RtcpWriter.writeRemb(buffer, 0, 1, 1_500_000, new long[] {0x22222222L}, 1);

        assertArrayEquals(TestPackets.hex(RtcpIteratorTest.REMB), written(length));
    }

    @Test
    void aRembBitrateIsRoundedDownToAn18BitMantissa() {
        byte[] packet = written(RtcpWriter.writeRemb(buffer, 0, 1, 123_456_789, new long[0], 0));

        RtcpIterator iterator = new RtcpIterator().reset(packet, 0, packet.length);
        assertTrue(iterator.next());
        long read = iterator.packet().rembBitrate();
        assertTrue(read <= 123_456_789 && read > 123_456_789 - (1 << 9), "read " + read);
    }

    @Test
    void writesANackCoveringABurstInOneEntry() {
        int length = RtcpWriter.writeNack(buffer, 0, 1, 0x22222222L, new int[] {100, 101, 105}, 3);

        assertArrayEquals(TestPackets.hex(RtcpIteratorTest.NACK), written(length));
    }

    @Test
    void aNackEntrySpansTheSequenceNumberWrapAround() {
        int length = RtcpWriter.writeNack(buffer, 0, 1, 2, new int[] {65534, 65535, 0, 3}, 4);

        assertArrayEquals(TestPackets.hex("81 CD 0003 | 00000001 | 00000002 | FFFE 0013"), written(length));
    }

    @Test
    void lossesMoreThanSixteenApartStartANewEntry() {
        int length = RtcpWriter.writeNack(buffer, 0, 1, 2, new int[] {1, 17, 18}, 3);

        assertArrayEquals(TestPackets.hex("81 CD 0004 | 00000001 | 00000002 | 0001 8000 | 0012 0000"), written(length));
    }

    @Test
    void writersRefuseABufferTooSmallAndWriteNothing() {
        byte[] small = new byte[15];

        assertEquals(-1, RtcpWriter.writePli(small, 4, 1, 2));
        assertEquals(-1, RtcpWriter.writeFir(small, 0, 1, 2, 0));
        assertEquals(-1, RtcpWriter.writeRemb(small, 0, 1, 1000, new long[] {3}, 1));
        assertEquals(-1, RtcpWriter.writeNack(small, 0, 1, 2, new int[] {1, 100}, 2));
        assertEquals(-1, RtcpWriter.writePli(small, -1, 1, 2));
        assertArrayEquals(new byte[15], small);
    }

    @Test
    void writtenPacketsReadBackThroughTheIterator() {
        int at = RtcpWriter.writePli(buffer, 0, 9, 10);
        at += RtcpWriter.writeFir(buffer, at, 9, 11, 200);
        at += RtcpWriter.writeRemb(buffer, at, 9, 300_000, new long[] {10, 11}, 2);
        at += RtcpWriter.writeNack(buffer, at, 9, 10, new int[] {5}, 1);
        RtcpIterator iterator = new RtcpIterator().reset(buffer, 0, at);

        assertTrue(iterator.next() && iterator.packet().isPli() && iterator.packet().mediaSsrc() == 10);
        assertTrue(iterator.next() && iterator.packet().isFir() && iterator.packet().firSequence(0) == 200);
        assertTrue(iterator.next() && iterator.packet().isRemb() && iterator.packet().rembSsrc(1) == 11);
        assertTrue(iterator.next() && iterator.packet().isNack() && iterator.packet().nackPacketId(0) == 5);
        assertTrue(!iterator.next() && !iterator.isMalformed());
    }
}
