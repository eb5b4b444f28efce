package org.parley.media.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatagramDemuxTest {

    @ParameterizedTest(name = "first byte {0}, second {1}, length {2} -> {3}")
    @CsvSource({
        "0, 1, 20, STUN",
        "1, 1, 100, STUN",
        "3, 0, 20, STUN",
        "0, 1, 19, GARBAGE",
        "4, 0, 100, GARBAGE",
        "19, 0, 100, GARBAGE",
        "20, 254, 13, DTLS",
        "22, 254, 200, DTLS",
        "63, 0, 13, DTLS",
        "22, 254, 12, GARBAGE",
        "64, 0, 100, GARBAGE",
        "127, 0, 100, GARBAGE",
        "128, 111, 12, RTP",
        "144, 96, 1200, RTP",
        "191, 0, 12, RTP",
        "128, 111, 11, GARBAGE",
        "128, 191, 12, RTP",
        "128, 224, 12, RTP",
        "128, 192, 8, RTCP",
        "129, 200, 28, RTCP",
        "143, 223, 8, RTCP",
        "128, 200, 7, GARBAGE",
        "192, 200, 28, GARBAGE",
        "255, 0, 100, GARBAGE",
    })
    void classifiesByFirstByteAsRfc7983Says(int first, int second, int length, DatagramKind kind) {
        byte[] datagram = new byte[Math.max(length, 2) + 4];
        datagram[2] = (byte) first;
        datagram[3] = (byte) second;

        assertEquals(kind, DatagramDemux.classify(datagram, 2, length));
    }

    @ParameterizedTest
    @CsvSource({"0", "-1"})
    void emptyDatagramIsGarbage(int length) {
        assertEquals(DatagramKind.GARBAGE, DatagramDemux.classify(new byte[4], 0, length));
    }
}
