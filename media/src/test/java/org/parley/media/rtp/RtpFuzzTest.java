package org.parley.media.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever arrives from the network goes through every parser without an exception, and no parser
 * reads or writes outside the window it was given: each input is placed at a random offset in a
 * buffer twice, with different random bytes around it, and both runs must read the same values,
 * leave the same window and leave the surroundings untouched.
 */
class RtpFuzzTest {

    private static final long SEED = 20240612L;

    private static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>(TestPackets.captured().values());
        for (String hex : List.of(RtcpIteratorTest.SENDER_REPORT + RtcpIteratorTest.SDES, RtcpIteratorTest.RECEIVER_REPORT,
                RtcpIteratorTest.BYE, RtcpIteratorTest.NACK, RtcpIteratorTest.PLI + RtcpIteratorTest.FIR,
                RtcpIteratorTest.REMB + RtcpIteratorTest.TRANSPORT_CC,
                "90 6F 0001 00000000 00000001 BEDE 0002 22AABBCC 10310000 99",
                "90 6F 0001 00000000 00000001 1000 0002 0700C803 61626300 99",
                "A2 E0 1234 0001E240 DEADBEEF 00000001 00000002 616263 000003")) {
            seeds.add(TestPackets.hex(hex));
        }
        return seeds;
    }

    @Test
    void randomBytesNeverCrashOrStrayOutsideTheirWindow() {
        Random random = new Random(SEED);
        for (int i = 0; i < 2500; i++) {
            byte[] input = new byte[random.nextInt(i % 10 == 0 ? 1600 : 80)];
            random.nextBytes(input);
            if (input.length > 0 && random.nextBoolean()) {
                input[0] = (byte) (0x80 | (input[0] & 0x3F));  // version 2, so parsing gets past the first check
            }
            checkWindow(input, random, "random input " + i);
        }
    }

    @Test
    void bitFlippedAndTruncatedPacketsNeverCrashOrStrayOutsideTheirWindow() {
        Random random = new Random(SEED + 1);
        List<byte[]> seeds = seeds();
        for (int i = 0; i < 4000; i++) {
            byte[] input = seeds.get(random.nextInt(seeds.size())).clone();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips && input.length > 0; f++) {
                int bit = random.nextInt(input.length * 8);
                input[bit / 8] ^= (byte) (1 << (bit % 8));
            }
            if (random.nextInt(4) == 0) {
                input = Arrays.copyOf(input, random.nextInt(input.length + 1));
            }
            checkWindow(input, random, "mutated input " + i);
        }
    }

    private static void checkWindow(byte[] input, Random random, String what) {
        int offset = random.nextInt(40);
        int slack = random.nextInt(40);
        byte[] first = surround(input, offset, slack, random);
        byte[] second = surround(input, offset, slack, random);
        byte[] firstAround = outside(first, offset, input.length);
        byte[] secondAround = outside(second, offset, input.length);

        long firstDigest;
        long secondDigest;
        try {
            firstDigest = exercise(first, offset, input.length);
            secondDigest = exercise(second, offset, input.length);
        } catch (RuntimeException e) {
            throw new AssertionError(what + " crashed: " + TestPacketsHex.of(input), e);
        }

        assertEquals(firstDigest, secondDigest, what + " read bytes outside its window: " + TestPacketsHex.of(input));
        assertArrayEquals(Arrays.copyOfRange(first, offset, offset + input.length),
                Arrays.copyOfRange(second, offset, offset + input.length), what + " wrote differently");
        assertArrayEquals(firstAround, outside(first, offset, input.length), what + " wrote outside its window");
        assertArrayEquals(secondAround, outside(second, offset, input.length), what + " wrote outside its window");
    }

    /** Runs every parser and writer over the window and folds everything read into one number. */
    private static long exercise(byte[] buffer, int offset, int length) {
        long digest = 17;
        digest = mix(digest, RtpDemux.isRtp(buffer, offset, length) ? 1 : 0);
        digest = mix(digest, RtpDemux.isRtcp(buffer, offset, length) ? 1 : 0);

        RtpPacket rtp = new RtpPacket().wrap(buffer, offset, length);
        digest = mix(digest, rtp.isValid() ? 1 : 0);
        digest = mix(digest, rtp.version() + rtp.csrcCount() + rtp.payloadType() + rtp.sequenceNumber());
        digest = mix(digest, rtp.timestamp() ^ rtp.ssrc() ^ rtp.csrc(0) ^ rtp.csrc(15));
        digest = mix(digest, rtp.headerLength() + 31L * rtp.payloadOffset() + 961L * rtp.payloadLength());
        digest = mix(digest, rtp.paddingLength() + rtp.extensionProfile() + (rtp.marker() ? 7 : 0));
        for (int id = -1; id <= 256; id++) {
            digest = mix(digest, rtp.extensionOffset(id) * 257L + rtp.extensionLength(id));
        }

        byte[] copy = new byte[1700];
        int copyOffset = 3;
        Arrays.fill(copy, (byte) 0x5A);
        int wrapped = new RtxWrapper(0x01020304L, 97, 1).wrap(buffer, offset, length, copy, copyOffset);
        digest = mix(digest, wrapped);
        checkUntouchedBeyond(copy, copyOffset, wrapped);
        Arrays.fill(copy, (byte) 0x5A);
        int unwrapped = RtxWrapper.unwrap(new RtpPacket().wrap(buffer, offset, length), 5, 96, copy, copyOffset);
        digest = mix(digest, unwrapped);
        checkUntouchedBeyond(copy, copyOffset, unwrapped);

        NackCache cache = new NackCache(4, 1500);
        if (cache.put(buffer, offset, length)) {
            int got = cache.get(rtp.sequenceNumber(), copy, 0);
            assertArrayEquals(Arrays.copyOfRange(buffer, offset, offset + length), Arrays.copyOf(copy, got));
        }

        RtcpIterator iterator = new RtcpIterator().reset(buffer, offset, length);
        while (iterator.next()) {
            digest = mix(digest, readRtcp(iterator.packet()));
        }
        digest = mix(digest, iterator.isMalformed() ? 1 : 0);

        // writers last: they change the window, identically in both runs
        rtp.setSsrc(0xA1B2C3D4L);
        rtp.setSequenceNumber(4242);
        rtp.setTimestamp(0x7FFFFFFFL);
        rtp.setPayloadType(99);
        rtp.setMarker(true);
        new SequenceRewriter(16, 9).rewrite(rtp);
        for (iterator.reset(buffer, offset, length); iterator.next(); ) {
            RtcpPacket packet = iterator.packet();
            digest = mix(digest, packet.replaceMediaSsrc(packet.mediaSsrc(), 0x11223344L));
            packet.setSenderSsrc(0x55667788L);
            packet.setByeSsrc(0, 1);
            packet.setSdesSsrc(0, 2);
            packet.setFirSsrc(1, 3);
            packet.setRembSsrc(0, 4);
            packet.setReportBlockSsrc(1, 5);
        }
        return digest;
    }

    private static long readRtcp(RtcpPacket p) {
        long digest = mix(p.packetType(), p.count());
        digest = mix(digest, p.length() + p.offset() + (p.hasPadding() ? 1 : 0));
        digest = mix(digest, p.senderSsrc() ^ p.mediaSsrc() ^ p.ntpTimestamp() ^ p.rtpTimestamp());
        digest = mix(digest, p.senderPacketCount() ^ p.senderOctetCount());
        digest = mix(digest, (p.isSenderReport() ? 1 : 0) + (p.isReceiverReport() ? 2 : 0) + (p.isNack() ? 4 : 0)
                + (p.isTransportCc() ? 8 : 0) + (p.isPli() ? 16 : 0) + (p.isFir() ? 32 : 0) + (p.isRemb() ? 64 : 0));
        for (int i = -1; i <= p.reportBlockCount(); i++) {
            digest = mix(digest, p.reportBlockSsrc(i) ^ p.fractionLost(i) ^ p.cumulativeLost(i) ^ p.extendedHighestSequence(i)
                    ^ p.jitter(i) ^ p.lastSenderReport(i) ^ p.delaySinceLastSenderReport(i));
        }
        for (int i = -1; i <= p.byeSsrcCount(); i++) {
            digest = mix(digest, p.byeSsrc(i));
        }
        for (int i = -1; i <= p.sdesChunkCount(); i++) {
            digest = mix(digest, p.sdesSsrc(i) ^ p.sdesItemOffset(i, RtcpPacket.SDES_CNAME) ^ p.sdesItemLength(i, 1)
                    ^ p.sdesItemOffset(i, 0));
        }
        for (int i = -1; i <= p.nackCount(); i++) {
            digest = mix(digest, p.nackPacketId(i) ^ p.nackBitmask(i));
        }
        for (int i = -1; i <= p.firCount(); i++) {
            digest = mix(digest, p.firSsrc(i) ^ p.firSequence(i));
        }
        digest = mix(digest, p.rembBitrate());
        for (int i = -1; i <= p.rembSsrcCount(); i++) {
            digest = mix(digest, p.rembSsrc(i));
        }
        return digest;
    }

    private static void checkUntouchedBeyond(byte[] destination, int offset, int written) {
        int from = written < 0 ? 0 : offset + written;
        for (int i = 0; i < destination.length; i++) {
            boolean inside = written >= 0 && i >= offset && i < from;
            if (!inside && destination[i] != (byte) 0x5A) {
                throw new AssertionError("wrote byte " + i + " outside [" + offset + ", " + from + ")");
            }
        }
    }

    private static long mix(long digest, long value) {
        return digest * 1_000_003L ^ value;
    }

    private static byte[] surround(byte[] input, int offset, int slack, Random random) {
        byte[] buffer = new byte[offset + input.length + slack];
        random.nextBytes(buffer);
        System.arraycopy(input, 0, buffer, offset, input.length);
        return buffer;
    }

    private static byte[] outside(byte[] buffer, int offset, int length) {
        byte[] around = new byte[buffer.length - length];
        System.arraycopy(buffer, 0, around, 0, offset);
        System.arraycopy(buffer, offset + length, around, offset, buffer.length - offset - length);
        return around;
    }

    /** Hex for failure messages. */
    private static final class TestPacketsHex {
        static String of(byte[] bytes) {
            return java.util.HexFormat.of().formatHex(bytes);
        }
    }
}
