package org.parley.media.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RtxWrapperTest {

    /** Marker, PT 96, seq 0x1234, ts 0x00010000, SSRC 0x0A0B0C0D, one-byte extension id 4 "1", payload ABCDEF. */
    private static final byte[] ORIGINAL = TestPackets.hex(
            "90 E0 1234 | 00010000 | 0A0B0C0D | BEDE 0001 | 40 31 00 00 | ABCDEF");
    /** RFC 4588 4: same header but RTX PT 97, RTX seq 0x0100, RTX SSRC 0x0E0E0E0E; payload = OSN + original payload. */
    private static final byte[] RTX = TestPackets.hex(
            "90 E1 0100 | 00010000 | 0E0E0E0E | BEDE 0001 | 40 31 00 00 | 1234 ABCDEF");

    private final RtxWrapper wrapper = new RtxWrapper(0x0E0E0E0EL, 97, 0x0100);
    private final byte[] out = new byte[100];

    @Test
    void wrapsAPacketPerRfc4588() {
        int length = wrapper.wrap(ORIGINAL, 0, ORIGINAL.length, out, 0);

        assertArrayEquals(RTX, Arrays.copyOf(out, length));
    }

    @Test
    void eachRetransmissionTakesTheNextRtxSequenceNumber() {
        wrapper.wrap(ORIGINAL, 0, ORIGINAL.length, out, 0);
        wrapper.wrap(ORIGINAL, 0, ORIGINAL.length, out, 0);

        assertEquals(0x0101, new RtpPacket().wrap(out, 0, RTX.length).sequenceNumber());
    }

    @Test
    void theRtxSequenceNumberWrapsAround() {
        RtxWrapper wrapping = new RtxWrapper(1, 97, 65535);
        wrapping.wrap(ORIGINAL, 0, ORIGINAL.length, out, 0);

        wrapping.wrap(ORIGINAL, 0, ORIGINAL.length, out, 0);

        assertEquals(0, new RtpPacket().wrap(out, 0, RTX.length).sequenceNumber());
    }

    @Test
    void paddingIsNotRetransmitted() {
        byte[] padded = TestPackets.hex("A0 60 0007 | 00000001 | 00000002 | AB | 000003");

        int length = wrapper.wrap(padded, 0, padded.length, out, 0);

        assertArrayEquals(TestPackets.hex("80 61 0100 | 00000001 | 0E0E0E0E | 0007 AB"), Arrays.copyOf(out, length));
    }

    @Test
    void unwrappingRestoresTheOriginal() {
        RtpPacket rtx = new RtpPacket().wrap(RTX.clone(), 0, RTX.length);

        int length = RtxWrapper.unwrap(rtx, 0x0A0B0C0DL, 96, out, 0);

        assertArrayEquals(ORIGINAL, Arrays.copyOf(out, length));
        assertEquals(0x1234, rtx.sequenceNumber());
    }

    @Test
    void wrapsAndUnwrapsInPlace() {
        byte[] buffer = Arrays.copyOf(ORIGINAL, ORIGINAL.length + 2);

        int wrapped = wrapper.wrap(buffer, 0, ORIGINAL.length, buffer, 0);
        assertArrayEquals(RTX, Arrays.copyOf(buffer, wrapped));

        int unwrapped = RtxWrapper.unwrap(new RtpPacket().wrap(buffer, 0, wrapped), 0x0A0B0C0DL, 96, buffer, 0);
        assertArrayEquals(ORIGINAL, Arrays.copyOf(buffer, unwrapped));
    }

    @Test
    void aPaddingOnlyProbeHasNothingToUnwrap() {
        byte[] probe = TestPackets.hex("A0 61 0001 | 00000001 | 0E0E0E0E | 00000000 00000008");

        assertEquals(-1, RtxWrapper.unwrap(new RtpPacket().wrap(probe, 0, probe.length), 1, 96, out, 0));
    }

    @Test
    void aDestinationTooSmallGetsNothingAndUsesNoSequenceNumber() {
        byte[] small = new byte[RTX.length - 1];

        assertEquals(-1, wrapper.wrap(ORIGINAL, 0, ORIGINAL.length, small, 0));
        assertArrayEquals(new byte[small.length], small);
        wrapper.wrap(ORIGINAL, 0, ORIGINAL.length, out, 0);
        assertEquals(0x0100, new RtpPacket().wrap(out, 0, RTX.length).sequenceNumber());
    }

    @Test
    void garbageIsNotWrapped() {
        assertEquals(-1, wrapper.wrap(new byte[5], 0, 5, out, 0));
        assertFalse(new RtpPacket().wrap(new byte[5], 0, 5).isValid());
    }
}
