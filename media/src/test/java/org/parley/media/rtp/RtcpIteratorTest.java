package org.parley.media.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RtcpIteratorTest {

    /** RFC 3550 6.4.1: SR from 0x11111111 with one report block about 0x22222222. */
    static final String SENDER_REPORT = "81 C8 000C | 11111111 | E2B5A9C0 80000000 | 0001E240 | 00000064 | 00001F40"
            + "| 22222222 | 40 00000A | 00010010 | 00000020 | A9C08000 | 00010000";
    /** RFC 3550 6.5: SDES, one chunk: CNAME "abcd", the null item, one padding byte. */
    static final String SDES = "81 CA 0003 | 11111111 | 01 04 61626364 00 00";
    /** RR from 1 with two blocks; the first has cumulative lost -1. */
    static final String RECEIVER_REPORT = "82 C9 000D | 00000001"
            + "| AAAAAAAA | 00 FFFFFF | 00000000 | 00000000 | 00000000 | 00000000"
            + "| BBBBBBBB | 80 000005 | 0001FFFF | 00000007 | 00000000 | 00000000";
    static final String BYE = "82 CB 0002 | 11111111 | 22222222";
    /** RFC 4585 6.2.1: packets 100, 101 and 105 of 0x22222222. */
    static final String NACK = "81 CD 0003 | 00000001 | 22222222 | 0064 0011";
    static final String PLI = "81 CE 0002 | 00000001 | 22222222";
    /** RFC 5104 4.3.1: media SSRC 0 in the header, the stream and sequence number 7 in the FCI. */
    static final String FIR = "84 CE 0004 | 00000001 | 00000000 | 22222222 | 07 000000";
    /** REMB: 1 SSRC, exponent 3, mantissa 187500: 1,500,000 bit/s. */
    static final String REMB = "8F CE 0005 | 00000001 | 00000000 | 52454D42 | 01 0EDC6C | 22222222";
    static final String TRANSPORT_CC = "8F CD 0004 | 00000001 | 22222222 | 0001 0001 | 000001 00";

    private final RtcpIterator iterator = new RtcpIterator();

    private RtcpPacket only(byte[] bytes) {
        iterator.reset(bytes, 0, bytes.length);
        assertTrue(iterator.next(), "a first packet");
        return iterator.packet();
    }

    @Test
    void walksACompoundSenderReportAndSdes() {
        byte[] compound = TestPackets.hex(SENDER_REPORT + SDES);
        iterator.reset(compound, 0, compound.length);

        assertTrue(iterator.next());
        RtcpPacket sr = iterator.packet();
        assertEquals(RtcpPacket.SR, sr.packetType());
        assertTrue(sr.isSenderReport());
        assertEquals(0x11111111L, sr.senderSsrc());
        assertEquals(0xE2B5A9C080000000L, sr.ntpTimestamp());
        assertEquals(123456, sr.rtpTimestamp());
        assertEquals(100, sr.senderPacketCount());
        assertEquals(8000, sr.senderOctetCount());
        assertEquals(1, sr.reportBlockCount());
        assertEquals(0x22222222L, sr.reportBlockSsrc(0));
        assertEquals(64, sr.fractionLost(0));
        assertEquals(10, sr.cumulativeLost(0));
        assertEquals(0x00010010L, sr.extendedHighestSequence(0));
        assertEquals(32, sr.jitter(0));
        assertEquals(0xA9C08000L, sr.lastSenderReport(0));
        assertEquals(65536, sr.delaySinceLastSenderReport(0));

        assertTrue(iterator.next());
        RtcpPacket sdes = iterator.packet();
        assertEquals(RtcpPacket.SDES, sdes.packetType());
        assertEquals(1, sdes.sdesChunkCount());
        assertEquals(0x11111111L, sdes.sdesSsrc(0));
        int cname = sdes.sdesItemOffset(0, RtcpPacket.SDES_CNAME);
        assertEquals("abcd", new String(compound, cname, sdes.sdesItemLength(0, RtcpPacket.SDES_CNAME), StandardCharsets.US_ASCII));

        assertFalse(iterator.next());
        assertFalse(iterator.isMalformed());
    }

    @Test
    void readsReceiverReportBlocksWithASignedCumulativeLoss() {
        RtcpPacket rr = only(TestPackets.hex(RECEIVER_REPORT));

        assertTrue(rr.isReceiverReport());
        assertEquals(2, rr.reportBlockCount());
        assertEquals(-1, rr.cumulativeLost(0));
        assertEquals(0xBBBBBBBBL, rr.reportBlockSsrc(1));
        assertEquals(128, rr.fractionLost(1));
        assertEquals(5, rr.cumulativeLost(1));
        assertEquals(0x0001FFFFL, rr.extendedHighestSequence(1));
        assertEquals(7, rr.jitter(1));
        assertEquals(0, rr.reportBlockSsrc(2));
        assertEquals(0, rr.ntpTimestamp());
    }

    @Test
    void aReportCountLargerThanTheBlocksThereIsCappedByTheLength() {
        byte[] bytes = TestPackets.hex(RECEIVER_REPORT);
        bytes[0] = (byte) 0x9F;  // RC = 31

        assertEquals(2, only(bytes).reportBlockCount());
    }

    @Test
    void readsTheSourcesOfABye() {
        RtcpPacket bye = only(TestPackets.hex(BYE));

        assertEquals(2, bye.byeSsrcCount());
        assertEquals(0x11111111L, bye.byeSsrc(0));
        assertEquals(0x22222222L, bye.byeSsrc(1));
        assertEquals(0, bye.byeSsrc(2));
    }

    @Test
    void readsAGenericNack() {
        RtcpPacket nack = only(TestPackets.hex(NACK));

        assertTrue(nack.isNack());
        assertFalse(nack.isPli());
        assertEquals(0x22222222L, nack.mediaSsrc());
        assertEquals(1, nack.nackCount());
        assertEquals(100, nack.nackPacketId(0));
        assertEquals(0x0011, nack.nackBitmask(0));
    }

    @Test
    void readsPliFirRembAndRecognisesTransportCc() {
        RtcpPacket pli = only(TestPackets.hex(PLI));
        assertTrue(pli.isPli());
        assertEquals(0x22222222L, pli.mediaSsrc());

        RtcpPacket fir = only(TestPackets.hex(FIR));
        assertTrue(fir.isFir());
        assertEquals(1, fir.firCount());
        assertEquals(0x22222222L, fir.firSsrc(0));
        assertEquals(7, fir.firSequence(0));

        RtcpPacket remb = only(TestPackets.hex(REMB));
        assertTrue(remb.isRemb());
        assertEquals(1_500_000, remb.rembBitrate());
        assertEquals(1, remb.rembSsrcCount());
        assertEquals(0x22222222L, remb.rembSsrc(0));

        RtcpPacket transportCc = only(TestPackets.hex(TRANSPORT_CC));
        assertTrue(transportCc.isTransportCc());
        assertFalse(transportCc.isNack());
        assertEquals(0, transportCc.nackCount());
    }

    @Test
    void aRembWithAHugeExponentSaturates() {
        byte[] bytes = TestPackets.hex(REMB);
        bytes[17] = (byte) 0xFF;  // exponent 63

        assertEquals(Long.MAX_VALUE, only(bytes).rembBitrate());
    }

    @Test
    void paddingIsNotReadAsFeedbackEntries() {
        RtcpPacket nack = only(TestPackets.hex("A1 CD 0004 | 00000001 | 22222222 | 0064 0011 | 00000004"));

        assertTrue(nack.hasPadding());
        assertEquals(20, nack.length());
        assertEquals(1, nack.nackCount());
    }

    @Test
    void rewritesMediaSsrcsInFeedbackInPlace() {
        byte[] compound = TestPackets.hex(PLI + FIR + REMB + RECEIVER_REPORT + NACK);
        int replaced = 0;

        for (iterator.reset(compound, 0, compound.length); iterator.next(); ) {
            replaced += iterator.packet().replaceMediaSsrc(0x22222222L, 0x33333333L);
            replaced += iterator.packet().replaceMediaSsrc(0xAAAAAAAAL, 0xCCCCCCCCL);
        }

        assertEquals(5, replaced);
        assertArrayEquals(TestPackets.hex(PLI.replace("22222222", "33333333") + FIR.replace("22222222", "33333333")
                + REMB.replace("22222222", "33333333") + RECEIVER_REPORT.replace("AAAAAAAA", "CCCCCCCC")
                + NACK.replace("22222222", "33333333")), compound);
    }

    @Test
    void stopsAtAPacketWithTheWrongVersion() {
        byte[] bytes = TestPackets.hex(PLI + "41 CE 0002 | 00000001 | 22222222" + BYE);
        iterator.reset(bytes, 0, bytes.length);

        assertTrue(iterator.next());
        assertFalse(iterator.next());
        assertTrue(iterator.isMalformed());
        assertFalse(iterator.next());
    }

    @Test
    void stopsAtALengthPastTheDatagram() {
        byte[] bytes = TestPackets.hex("81 CE 0009 | 00000001 | 22222222");
        iterator.reset(bytes, 0, bytes.length);

        assertFalse(iterator.next());
        assertTrue(iterator.isMalformed());
    }

    @Test
    void trailingBytesMakeTheDatagramMalformed() {
        byte[] bytes = TestPackets.hex(PLI + "80 CE");
        iterator.reset(bytes, 0, bytes.length);

        assertTrue(iterator.next());
        assertFalse(iterator.next());
        assertTrue(iterator.isMalformed());
    }

    @Test
    void zeroPaddingIsMalformed() {
        byte[] bytes = TestPackets.hex("A1 CE 0003 | 00000001 | 22222222 | 00000000");
        iterator.reset(bytes, 0, bytes.length);

        assertFalse(iterator.next());
        assertTrue(iterator.isMalformed());
    }

    @Test
    void walksAPacketInTheMiddleOfABuffer() {
        byte[] pli = TestPackets.hex(PLI);
        byte[] buffer = new byte[64];
        System.arraycopy(pli, 0, buffer, 10, pli.length);
        iterator.reset(buffer, 10, pli.length);

        assertTrue(iterator.next());
        assertEquals(10, iterator.packet().offset());
        assertTrue(iterator.packet().isPli());
        assertFalse(iterator.next());
        assertFalse(iterator.isMalformed());
    }

    @Test
    void readsTheClearPartOfCapturedSrtcpAndStopsAtTheEncryptedRest() {
        byte[] receiverReport = TestPackets.captured().get("srtcp-receiver-report");
        byte[] senderReport = TestPackets.captured().get("srtcp-sender-report");

        RtcpPacket rr = only(receiverReport);
        assertEquals(RtcpPacket.RR, rr.packetType());
        assertEquals(1, rr.senderSsrc());
        assertEquals(56, rr.length());
        assertEquals(2, rr.reportBlockCount());
        while (iterator.next()) {
            iterator.packet().reportBlockCount();  // encrypted bytes: whatever they read as, no exception
        }

        RtcpPacket sr = only(senderReport);
        assertTrue(sr.isSenderReport());
        assertEquals(4069303862L, sr.senderSsrc());
        assertEquals(0, sr.reportBlockCount());
    }
}
