package org.parley.media.rtp;

/**
 * A reusable view of one RTP packet (RFC 3550) inside a byte array: no copy, no allocation, so the
 * media thread wraps each datagram in the same instance. {@link #wrap} checks the structure once
 * (version, CSRC count, header extension and padding lengths against the packet length); after that,
 * reads of an invalid packet return 0 (or -1 for offsets) and writes do nothing, so garbage from the
 * network can never make the view throw or touch bytes outside {@code [offset, offset + length)}.
 *
 * <p>Header extensions are found by id in both RFC 8285 forms: one-byte ({@code 0xBEDE}, ids 1..14)
 * and two-byte ({@code 0x100x}, ids 1..255). Which id means what comes from the SDP extmap.
 */
public final class RtpPacket {

    public static final int FIXED_HEADER_LENGTH = 12;
    public static final int ONE_BYTE_PROFILE = 0xBEDE;
    /** The two-byte profile is {@code 0x100} followed by 4 application bits. */
    public static final int TWO_BYTE_PROFILE_MASK = 0xFFF0;
    public static final int TWO_BYTE_PROFILE = 0x1000;

    private byte[] buffer;
    private int offset;
    private int length;
    private boolean valid;
    private int headerLength;
    private int extensionDataOffset;
    private int extensionDataLength;
    private int paddingLength;

    /** Points this view at a packet and checks its structure; returns this view for chaining. */
    public RtpPacket wrap(byte[] buffer, int offset, int length) {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        this.valid = false;
        this.headerLength = 0;
        this.extensionDataOffset = -1;
        this.extensionDataLength = 0;
        this.paddingLength = 0;
        if (buffer == null || offset < 0 || length < FIXED_HEADER_LENGTH || offset > buffer.length - length) {
            return this;
        }
        int first = buffer[offset] & 0xFF;
        if (first >> 6 != 2) {
            return this;
        }
        int header = FIXED_HEADER_LENGTH + 4 * (first & 0x0F);
        if (header > length) {
            return this;
        }
        if ((first & 0x10) != 0) {
            if (header + 4 > length) {
                return this;
            }
            int words = Bytes.uint16(buffer, offset + header + 2);
            int dataOffset = offset + header + 4;
            header += 4 + 4 * words;
            if (header > length) {
                return this;
            }
            extensionDataOffset = dataOffset;
            extensionDataLength = 4 * words;
        }
        int padding = 0;
        if ((first & 0x20) != 0) {
            padding = buffer[offset + length - 1] & 0xFF;
            if (padding == 0 || header + padding > length) {
                extensionDataOffset = -1;
                extensionDataLength = 0;
                return this;
            }
        }
        this.headerLength = header;
        this.paddingLength = padding;
        this.valid = true;
        return this;
    }

    /** False for anything that is not a structurally sound RTP packet. */
    public boolean isValid() {
        return valid;
    }

    public byte[] buffer() {
        return buffer;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    public int version() {
        return valid ? (buffer[offset] & 0xFF) >> 6 : 0;
    }

    public boolean hasPadding() {
        return valid && (buffer[offset] & 0x20) != 0;
    }

    public boolean hasExtension() {
        return valid && (buffer[offset] & 0x10) != 0;
    }

    public int csrcCount() {
        return valid ? buffer[offset] & 0x0F : 0;
    }

    public boolean marker() {
        return valid && (buffer[offset + 1] & 0x80) != 0;
    }

    public int payloadType() {
        return valid ? buffer[offset + 1] & 0x7F : 0;
    }

    public int sequenceNumber() {
        return valid ? Bytes.uint16(buffer, offset + 2) : 0;
    }

    public long timestamp() {
        return valid ? Bytes.uint32(buffer, offset + 4) : 0;
    }

    public long ssrc() {
        return valid ? Bytes.uint32(buffer, offset + 8) : 0;
    }

    /** The {@code index}th contributing source, 0 if out of range. */
    public long csrc(int index) {
        return valid && index >= 0 && index < csrcCount() ? Bytes.uint32(buffer, offset + 12 + 4 * index) : 0;
    }

    /** Fixed header, CSRCs and header extension, in bytes. */
    public int headerLength() {
        return headerLength;
    }

    /** Absolute offset of the payload in {@link #buffer}; -1 if invalid. */
    public int payloadOffset() {
        return valid ? offset + headerLength : -1;
    }

    /** Payload bytes, excluding padding. */
    public int payloadLength() {
        return valid ? length - headerLength - paddingLength : 0;
    }

    public int paddingLength() {
        return paddingLength;
    }

    /** The extension profile ({@code 0xBEDE}, {@code 0x100x} or another), -1 without extension. */
    public int extensionProfile() {
        return extensionDataOffset < 0 ? -1 : Bytes.uint16(buffer, extensionDataOffset - 4);
    }

    /** Absolute offset of the data of the RFC 8285 element with this id, or -1 if absent. */
    public int extensionOffset(int id) {
        long found = findExtension(id);
        return found < 0 ? -1 : (int) (found >>> 16);
    }

    /** Data length of the RFC 8285 element with this id, or -1 if absent. */
    public int extensionLength(int id) {
        long found = findExtension(id);
        return found < 0 ? -1 : (int) (found & 0xFFFF);
    }

    /** Packs (offset, length) as {@code offset << 16 | length}, or returns -1. */
    private long findExtension(int id) {
        if (extensionDataOffset < 0 || id <= 0 || id > 255) {
            return -1;
        }
        int profile = extensionProfile();
        int position = extensionDataOffset;
        int end = extensionDataOffset + extensionDataLength;
        if (profile == ONE_BYTE_PROFILE) {
            while (position < end) {
                int elementId = (buffer[position] & 0xFF) >> 4;
                int elementLength = (buffer[position] & 0x0F) + 1;
                if (elementId == 0) {
                    position++;
                    continue;
                }
                if (elementId == 15 || position + 1 + elementLength > end) {
                    return -1;
                }
                if (elementId == id) {
                    return ((long) (position + 1) << 16) | elementLength;
                }
                position += 1 + elementLength;
            }
        } else if ((profile & TWO_BYTE_PROFILE_MASK) == TWO_BYTE_PROFILE) {
            while (position < end) {
                int elementId = buffer[position] & 0xFF;
                if (elementId == 0) {
                    position++;
                    continue;
                }
                if (position + 2 > end) {
                    return -1;
                }
                int elementLength = buffer[position + 1] & 0xFF;
                if (position + 2 + elementLength > end) {
                    return -1;
                }
                if (elementId == id) {
                    return ((long) (position + 2) << 16) | elementLength;
                }
                position += 2 + elementLength;
            }
        }
        return -1;
    }

    public void setMarker(boolean marker) {
        if (valid) {
            buffer[offset + 1] = (byte) ((buffer[offset + 1] & 0x7F) | (marker ? 0x80 : 0));
        }
    }

    public void setPayloadType(int payloadType) {
        if (valid) {
            buffer[offset + 1] = (byte) ((buffer[offset + 1] & 0x80) | (payloadType & 0x7F));
        }
    }

    public void setSequenceNumber(int sequenceNumber) {
        if (valid) {
            Bytes.putUint16(buffer, offset + 2, sequenceNumber);
        }
    }

    public void setTimestamp(long timestamp) {
        if (valid) {
            Bytes.putUint32(buffer, offset + 4, timestamp);
        }
    }

    public void setSsrc(long ssrc) {
        if (valid) {
            Bytes.putUint32(buffer, offset + 8, ssrc);
        }
    }
}
