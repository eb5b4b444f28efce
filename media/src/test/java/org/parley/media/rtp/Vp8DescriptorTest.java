package org.parley.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Vp8DescriptorTest {

    private final Vp8Descriptor vp8 = new Vp8Descriptor();

    /** X, I (15-bit picture ID 0x1234), L (TL0PICIDX 0x56), T/K byte; then a 320x240 key-frame header. */
    private static final byte[] KEY_FRAME = TestPackets.hex("90 e0 9234 56 20 | 100200 9d012a 4001 f000 aabb");
    private static final byte[] DELTA_FRAME = TestPackets.hex("90 e0 9235 56 20 | 310200 112233");
    /** A later packet of a frame: S = 0. */
    private static final byte[] CONTINUATION = TestPackets.hex("80 e0 9235 56 20 | 4455");

    @Test
    void theFirstPacketOfAKeyFrameTellsThePictureSize() {
        vp8.wrap(KEY_FRAME, 0, KEY_FRAME.length);

        assertTrue(vp8.isKeyFrameStart());
        assertEquals(320, vp8.keyFrameWidth());
        assertEquals(240, vp8.keyFrameHeight());
        assertEquals(0x1234, vp8.pictureId());
        assertEquals(15, vp8.pictureIdBits());
        assertEquals(0x56, vp8.tl0PicIdx());
    }

    @Test
    void deltaFramesAndLaterPacketsAreNoKeyFrameStart() {
        assertFalse(vp8.wrap(DELTA_FRAME, 0, DELTA_FRAME.length).isKeyFrameStart());
        assertTrue(vp8.isStartOfFrame());
        assertEquals(-1, vp8.keyFrameHeight());
        assertFalse(vp8.wrap(CONTINUATION, 0, CONTINUATION.length).isStartOfFrame());
        assertEquals(0x1235, vp8.pictureId());
    }

    @Test
    void pictureIdAndTl0PicIdxAreRewrittenInTheirOwnWidth() {
        byte[] packet = KEY_FRAME.clone();
        vp8.wrap(packet, 0, packet.length);

        vp8.setPictureId(0x8001);
        vp8.setTl0PicIdx(0x1FF);

        assertEquals(1, vp8.pictureId(), "15 bits");
        assertEquals(0xFF, vp8.tl0PicIdx());
        byte[] shortId = TestPackets.hex("90 80 7f 100200");
        vp8.wrap(shortId, 0, shortId.length);
        assertEquals(7, vp8.pictureIdBits());
        vp8.setPictureId(0x80 + 3);
        assertEquals(3, vp8.pictureId());
        assertEquals(-1, vp8.tl0PicIdx());
    }

    @Test
    void aMinimalDescriptorHasNoPictureId() {
        byte[] packet = TestPackets.hex("10 100200 9d012a 4001 f000");
        vp8.wrap(packet, 0, packet.length);

        assertTrue(vp8.isKeyFrameStart());
        assertEquals(-1, vp8.pictureId());
        vp8.setPictureId(5); // nothing to write
        assertEquals(TestPackets.hex("10 100200 9d012a 4001 f000")[0], packet[0]);
    }

    @Test
    void truncatedOrRandomPayloadsNeverThrow() {
        Random random = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            byte[] junk = new byte[random.nextInt(14)];
            random.nextBytes(junk);
            vp8.wrap(junk, 0, junk.length);
            vp8.isKeyFrameStart();
            vp8.keyFrameHeight();
            vp8.pictureId();
            vp8.setPictureId(1);
            vp8.setTl0PicIdx(1);
        }
        for (int cut = 0; cut < 16; cut++) {
            vp8.wrap(KEY_FRAME, 0, cut);
            assertEquals(-1, vp8.keyFrameHeight(), "cut at " + cut);
        }
    }
}
