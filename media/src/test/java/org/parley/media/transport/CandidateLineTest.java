package org.parley.media.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CandidateLineTest {

    @Test
    void parsesChromeHostCandidateWithOrWithoutAttributePrefix() {
        String line = "candidate:3527218393 1 udp 2122260223 192.0.2.2 51234 typ host generation 0"
                + " ufrag Ab12 network-id 1 network-cost 10";

        CandidateLine c = CandidateLine.parse(line);

        assertEquals(new CandidateLine("3527218393", 1, "udp", 2122260223L, "192.0.2.2", 51234, "host"), c);
        assertEquals(c, CandidateLine.parse("a=" + line));
        assertTrue(c.isUsable());
    }

    @Test
    void mdnsTcpRtcpAndDiscardPortCandidatesAreNotUsable() {
        assertFalse(CandidateLine.parse(
                "candidate:1 1 udp 2122260223 0b8e4f5a-6c1d-4e0f-9a3b-1c2d3e4f5a6b.local 5000 typ host").isUsable());
        assertFalse(CandidateLine.parse("candidate:1 1 tcp 1518280447 127.0.0.1 9 typ host tcptype active").isUsable());
        assertFalse(CandidateLine.parse("candidate:1 2 udp 2122260222 127.0.0.1 5001 typ host").isUsable());
        assertFalse(CandidateLine.parse("candidate:1 1 udp 2122260222 example.org 5001 typ host").isUsable());
        assertTrue(CandidateLine.parse("candidate:1 1 UDP 1686052607 203.0.113.7 6000 typ srflx raddr 10.0.0.2 rport 5000").isUsable());
        assertTrue(CandidateLine.parse("candidate:2 1 udp 2122262783 fd00::2 5002 typ host").isUsable());
    }

    @Test
    void malformedLinesAreRejectedSayingWhy() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CandidateLine.parse("candidate:1 1 udp notanumber 127.0.0.1 5000 typ host"));
        assertTrue(e.getMessage().contains("malformed number"));
        assertThrows(IllegalArgumentException.class, () -> CandidateLine.parse("a=mid:0"));
        assertThrows(IllegalArgumentException.class, () -> CandidateLine.parse("candidate:1 1 udp 1 127.0.0.1"));
        assertThrows(IllegalArgumentException.class, () -> CandidateLine.parse(null));
    }

    @Test
    void formatsOurHostCandidatesWithDescendingPriority() {
        assertEquals("candidate:1 1 udp 2130706431 127.0.0.1 10000 typ host generation 0",
                CandidateLine.formatHost(0, "127.0.0.1", 10000));
        CandidateLine second = CandidateLine.parse(CandidateLine.formatHost(1, "203.0.113.9", 10000));
        assertEquals(2130706175L, second.priority());
        assertTrue(second.isUsable());
    }
}
