package org.parley.media.rtp;

/**
 * A reusable view of the VP8 payload descriptor (RFC 7741 section 4.2) at the start of an RTP payload,
 * and of the key-frame header that follows it at the start of a key frame (RFC 6386 section 9.1): what
 * an SFU needs to switch simulcast layers (is this the first packet of a key frame, how tall is the
 * picture) and to keep the picture ID and TL0PICIDX continuous across a switch. No allocation; reads of
 * a payload that is too short for what it claims give "absent" ({@code -1} or false), never an exception.
 */
public final class Vp8Descriptor {

    private byte[] buffer;
    private boolean valid;
    private boolean startOfPartition;
    private int partitionIndex;
    private int pictureIdOffset;
    private int pictureIdLength;
    private int tl0PicIdxOffset;
    private int payloadHeaderOffset;
    private int end;

    /** Points this view at an RTP payload (from {@link RtpPacket#payloadOffset()}); returns this view. */
    public Vp8Descriptor wrap(byte[] buffer, int offset, int length) {
        this.buffer = buffer;
        this.valid = false;
        this.pictureIdOffset = -1;
        this.pictureIdLength = 0;
        this.tl0PicIdxOffset = -1;
        this.payloadHeaderOffset = -1;
        if (buffer == null || offset < 0 || length < 1 || offset > buffer.length - length) {
            return this;
        }
        this.end = offset + length;
        int first = buffer[offset] & 0xFF;
        startOfPartition = (first & 0x10) != 0;
        partitionIndex = first & 0x07;
        int position = offset + 1;
        if ((first & 0x80) != 0) {
            if (position >= end) {
                return this;
            }
            int extension = buffer[position++] & 0xFF;
            if ((extension & 0x80) != 0) {
                if (position >= end) {
                    return this;
                }
                pictureIdOffset = position;
                pictureIdLength = (buffer[position] & 0x80) != 0 ? 2 : 1;
                position += pictureIdLength;
            }
            if ((extension & 0x40) != 0) {
                tl0PicIdxOffset = position;
                position++;
            }
            if ((extension & 0x30) != 0) {
                position++;
            }
            if (position > end) {
                pictureIdOffset = -1;
                pictureIdLength = 0;
                tl0PicIdxOffset = -1;
                return this;
            }
        }
        payloadHeaderOffset = position;
        valid = true;
        return this;
    }

    public boolean isValid() {
        return valid;
    }

    /** The first packet of a frame: start of partition 0. */
    public boolean isStartOfFrame() {
        return valid && startOfPartition && partitionIndex == 0;
    }

    /** The first packet of a key frame: start of a frame whose frame tag has P = 0 and the key-frame start code. */
    public boolean isKeyFrameStart() {
        if (!isStartOfFrame() || payloadHeaderOffset + 10 > end) {
            return false;
        }
        int p = payloadHeaderOffset;
        return (buffer[p] & 0x01) == 0 && (buffer[p + 3] & 0xFF) == 0x9D && (buffer[p + 4] & 0xFF) == 0x01
                && (buffer[p + 5] & 0xFF) == 0x2A;
    }

    /** The picture height a key frame declares (14 bits, before scaling), or -1 if this is no key-frame start. */
    public int keyFrameHeight() {
        return isKeyFrameStart() ? Bytes.uint16le(buffer, payloadHeaderOffset + 8) & 0x3FFF : -1;
    }

    /** The picture width a key frame declares, or -1. */
    public int keyFrameWidth() {
        return isKeyFrameStart() ? Bytes.uint16le(buffer, payloadHeaderOffset + 6) & 0x3FFF : -1;
    }

    /** 7 or 15 when a picture ID is present, else 0. */
    public int pictureIdBits() {
        return pictureIdLength == 2 ? 15 : pictureIdLength == 1 ? 7 : 0;
    }

    /** The picture ID, or -1 when absent. */
    public int pictureId() {
        if (pictureIdLength == 2) {
            return ((buffer[pictureIdOffset] & 0x7F) << 8) | (buffer[pictureIdOffset + 1] & 0xFF);
        }
        return pictureIdLength == 1 ? buffer[pictureIdOffset] & 0x7F : -1;
    }

    /** Writes a picture ID in the field's own width (the value is taken modulo 2^7 or 2^15). */
    public void setPictureId(int pictureId) {
        if (pictureIdLength == 2) {
            buffer[pictureIdOffset] = (byte) (0x80 | ((pictureId >>> 8) & 0x7F));
            buffer[pictureIdOffset + 1] = (byte) pictureId;
        } else if (pictureIdLength == 1) {
            buffer[pictureIdOffset] = (byte) (pictureId & 0x7F);
        }
    }

    /** TL0PICIDX, or -1 when absent. */
    public int tl0PicIdx() {
        return tl0PicIdxOffset < 0 ? -1 : buffer[tl0PicIdxOffset] & 0xFF;
    }

    public void setTl0PicIdx(int value) {
        if (tl0PicIdxOffset >= 0) {
            buffer[tl0PicIdxOffset] = (byte) value;
        }
    }
}
