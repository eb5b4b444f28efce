package org.parley.media.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RtpPacketTest {

    /** RFC 3550 5.1: V=2 P=0 X=0 CC=0 | M=1 PT=96 | seq 0x1234 | ts 123456 | SSRC 0xDEADBEEF | payload. */
    private static final byte[] MARKED_VP8 = TestPackets.hex("80 E0 1234 | 0001E240 | DEADBEEF | 010203");

    private final RtpPacket packet = new RtpPacket();

    @Test
    void readsTheFixedHeader() {
        packet.wrap(MARKED_VP8, 0, MARKED_VP8.length);

        assertTrue(packet.isValid());
        assertEquals(2, packet.version());
        assertFalse(packet.hasPadding());
        assertFalse(packet.hasExtension());
        assertEquals(0, packet.csrcCount());
        assertTrue(packet.marker());
        assertEquals(96, packet.payloadType());
        assertEquals(0x1234, packet.sequenceNumber());
        assertEquals(123456, packet.timestamp());
        assertEquals(0xDEADBEEFL, packet.ssrc());
        assertEquals(12, packet.headerLength());
        assertEquals(12, packet.payloadOffset());
        assertEquals(3, packet.payloadLength());
        assertEquals(-1, packet.extensionProfile());
    }

    @Test
    void readsContributingSources() {
        byte[] bytes = TestPackets.hex("82 6F 0001 | 00000000 | 00000001 | 0000000A | FFFFFFFF | AB");

        packet.wrap(bytes, 0, bytes.length);

        assertEquals(2, packet.csrcCount());
        assertEquals(10, packet.csrc(0));
        assertEquals(0xFFFFFFFFL, packet.csrc(1));
        assertEquals(0, packet.csrc(2));
        assertEquals(20, packet.payloadOffset());
        assertEquals(1, packet.payloadLength());
    }

    @Test
    void findsOneByteHeaderExtensionsById() {
        // RFC 8285 4.2: BEDE, 2 words: id 2 L=2 (3 bytes), id 1 L=0 (1 byte), two padding bytes.
        byte[] bytes = TestPackets.hex("90 6F 0001 | 00000000 | 00000001 | BEDE 0002 | 22 AABBCC 10 31 00 00 | 99");

        packet.wrap(bytes, 0, bytes.length);

        assertTrue(packet.isValid());
        assertEquals(RtpPacket.ONE_BYTE_PROFILE, packet.extensionProfile());
        assertEquals(17, packet.extensionOffset(2));
        assertEquals(3, packet.extensionLength(2));
        assertEquals(21, packet.extensionOffset(1));
        assertEquals(1, packet.extensionLength(1));
        assertEquals('1', bytes[packet.extensionOffset(1)]);
        assertEquals(-1, packet.extensionOffset(3));
        assertEquals(24, packet.headerLength());
        assertEquals(1, packet.payloadLength());
    }

    @Test
    void findsTwoByteHeaderExtensionsById() {
        // RFC 8285 4.3: 0x1000, 2 words: id 7 length 0, id 200 length 3 "abc", one padding byte.
        byte[] bytes = TestPackets.hex("90 6F 0001 | 00000000 | 00000001 | 1000 0002 | 07 00 C8 03 616263 00 | 99");

        packet.wrap(bytes, 0, bytes.length);

        assertEquals(0x1000, packet.extensionProfile());
        assertEquals(18, packet.extensionOffset(7));
        assertEquals(0, packet.extensionLength(7));
        assertEquals(20, packet.extensionOffset(200));
        assertEquals(3, packet.extensionLength(200));
        assertEquals(-1, packet.extensionOffset(1));
    }

    @Test
    void oneByteIdFifteenEndsTheExtensionBlock() {
        byte[] bytes = TestPackets.hex("90 6F 0001 | 00000000 | 00000001 | BEDE 0001 | F0 11 AB 00");

        packet.wrap(bytes, 0, bytes.length);

        assertTrue(packet.isValid());
        assertEquals(-1, packet.extensionOffset(1));
    }

    @Test
    void anElementRunningPastItsBlockIsNotFound() {
        byte[] bytes = TestPackets.hex("90 6F 0001 | 00000000 | 00000001 | BEDE 0001 | 10 AB 2F 00 | 99 99 99 99");

        packet.wrap(bytes, 0, bytes.length);

        assertEquals(13 + 4, packet.extensionOffset(1));
        assertEquals(-1, packet.extensionOffset(2));
    }

    @Test
    void paddingIsNotPayload() {
        byte[] bytes = TestPackets.hex("A0 6F 0001 | 00000000 | 00000001 | 616263 | 000003");

        packet.wrap(bytes, 0, bytes.length);

        assertTrue(packet.hasPadding());
        assertEquals(3, packet.paddingLength());
        assertEquals(3, packet.payloadLength());
    }

    @Test
    void readsAPacketInTheMiddleOfABuffer() {
        byte[] buffer = new byte[40];
        System.arraycopy(MARKED_VP8, 0, buffer, 7, MARKED_VP8.length);

        packet.wrap(buffer, 7, MARKED_VP8.length);

        assertEquals(0xDEADBEEFL, packet.ssrc());
        assertEquals(19, packet.payloadOffset());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "80 E0 1234 0001E240 DEADBE",                      // 11 bytes
        "40 E0 1234 0001E240 DEADBEEF",                    // version 1
        "C0 E0 1234 0001E240 DEADBEEF",                    // version 3
        "81 E0 1234 0001E240 DEADBEEF",                    // one CSRC announced, none there
        "90 E0 1234 0001E240 DEADBEEF BEDE",               // extension header cut off
        "90 E0 1234 0001E240 DEADBEEF BEDE 0002 22AABBCC", // extension longer than the packet
        "A0 E0 1234 0001E240 DEADBEEF 61 00",              // padding count 0
        "A0 E0 1234 0001E240 DEADBEEF 61 05",              // more padding than payload
    })
    void garbageIsInvalidAndReadsAsZero(String hex) {
        byte[] bytes = TestPackets.hex(hex);

        packet.wrap(bytes, 0, bytes.length);

        assertFalse(packet.isValid());
        assertEquals(0, packet.version());
        assertEquals(0, packet.sequenceNumber());
        assertEquals(0, packet.ssrc());
        assertEquals(-1, packet.payloadOffset());
        assertEquals(0, packet.payloadLength());
        assertEquals(-1, packet.extensionOffset(1));
    }

    @Test
    void boundsOutsideTheBufferAreInvalidNotAnException() {
        assertFalse(packet.wrap(MARKED_VP8, 1, MARKED_VP8.length).isValid());
        assertFalse(packet.wrap(MARKED_VP8, -1, 12).isValid());
        assertFalse(packet.wrap(MARKED_VP8, 0, -5).isValid());
        assertFalse(packet.wrap(MARKED_VP8, Integer.MAX_VALUE, 12).isValid());
        assertFalse(packet.wrap(null, 0, 12).isValid());
    }

    @Test
    void settersRewriteTheHeaderInPlace() {
        byte[] bytes = MARKED_VP8.clone();
        packet.wrap(bytes, 0, bytes.length);

        packet.setSsrc(0xCAFEBABEL);
        packet.setSequenceNumber(65535);
        packet.setTimestamp(0xFFFFFFFFL);
        packet.setPayloadType(100);

        assertArrayEquals(TestPackets.hex("80 E4 FFFF | FFFFFFFF | CAFEBABE | 010203"), bytes);
        assertTrue(packet.marker());
        packet.setMarker(false);
        assertEquals(100, packet.payloadType());
        assertEquals(0x64, bytes[1]);
    }

    @Test
    void settersOnAnInvalidPacketWriteNothing() {
        byte[] bytes = TestPackets.hex("40 E0 1234 0001E240 DEADBEEF");
        byte[] before = bytes.clone();
        packet.wrap(bytes, 0, bytes.length);

        packet.setSsrc(1);
        packet.setSequenceNumber(2);
        packet.setTimestamp(3);
        packet.setPayloadType(4);
        packet.setMarker(true);

        assertArrayEquals(before, bytes);
    }

    @Test
    void readsTheClearHeaderOfACapturedChromeOpusPacket() {
        byte[] bytes = TestPackets.captured().get("audio-opus");

        packet.wrap(bytes, 0, bytes.length);

        assertTrue(packet.isValid());
        assertEquals(111, packet.payloadType());
        assertEquals(3152023547L, packet.ssrc());  // a=ssrc in chrome-loopback-sender.sdp
        assertEquals(0x79FF, packet.sequenceNumber());
        assertEquals(RtpPacket.ONE_BYTE_PROFILE, packet.extensionProfile());
        assertEquals(3, packet.extensionLength(2));  // abs-send-time
        assertEquals(2, packet.extensionLength(3));  // transport-wide sequence number
        assertEquals(0x0018, Bytes.uint16(bytes, packet.extensionOffset(3)));
        assertEquals(1, packet.extensionLength(4));  // mid
        assertEquals('0', bytes[packet.extensionOffset(4)]);
        assertEquals(0xFF, bytes[packet.extensionOffset(1)] & 0xFF);  // voice activity, level 127
    }

    @Test
    void readsTheClearHeadersOfCapturedChromeVideoAndRetransmissions() {
        Map<String, byte[]> captured = TestPackets.captured();
        byte[] video = captured.get("video-red-marker");
        byte[] rtx = captured.get("rtx-of-red");

        packet.wrap(video, 0, video.length);
        assertTrue(packet.marker());
        assertEquals(118, packet.payloadType());
        assertEquals(4069303862L, packet.ssrc());
        assertEquals('1', video[packet.extensionOffset(4)]);
        packet.wrap(rtx, 0, rtx.length);
        assertEquals(119, packet.payloadType());
        assertEquals(3192735263L, packet.ssrc());  // the FID partner of 4069303862
    }
}
