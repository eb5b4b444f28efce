package org.parley.media.rtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Byte vectors for the RTP tests: hex written by hand from the RFC layouts, and the captured packets. */
final class TestPackets {

    private TestPackets() {
    }

    /** Hex with any spaces, pipes or line breaks for readability. */
    static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replaceAll("[\\s|]", ""));
    }

    /** A minimal RTP packet: version 2, no CSRC, no extension, no padding. */
    static byte[] rtp(int payloadType, int sequenceNumber, long timestamp, long ssrc, byte[] payload) {
        byte[] packet = new byte[12 + payload.length];
        packet[0] = (byte) 0x80;
        packet[1] = (byte) payloadType;
        Bytes.putUint16(packet, 2, sequenceNumber);
        Bytes.putUint32(packet, 4, timestamp);
        Bytes.putUint32(packet, 8, ssrc);
        System.arraycopy(payload, 0, packet, 12, payload.length);
        return packet;
    }

    /** The datagrams of {@code chrome-srtp-packets.txt}, by name, in file order. */
    static Map<String, byte[]> captured() {
        Map<String, byte[]> packets = new LinkedHashMap<>();
        for (String line : resource("/rtp/chrome-srtp-packets.txt").split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.strip().split(" ");
                packets.put(parts[0], hex(parts[1]));
            }
        }
        return packets;
    }

    static String resource(String path) {
        try (InputStream in = TestPackets.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
