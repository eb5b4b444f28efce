package org.parley.media.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

class SessionDescriptionTest {

    static final List<String> CHROME_OFFERS = SdpFixtures.CHROME_OFFERS;

    @ParameterizedTest
    @FieldSource("CHROME_OFFERS")
    void chromeOffersRoundTripByteForByte(String fixture) throws SdpException {
        String sdp = SdpFixtures.text(fixture);

        assertEquals(sdp, SessionDescription.parse(sdp).toString());
    }

    @Test
    void readsTheSessionLevelOfAChromeOffer() {
        SessionDescription offer = SdpFixtures.parsed(SdpFixtures.AUDIO_VIDEO);

        assertEquals("8203197605272172394", offer.origin().sessionId());
        assertEquals(2, offer.origin().sessionVersion());
        assertEquals(Optional.of(Group.bundle(List.of("0", "1"))), offer.bundleGroup());
        assertEquals(Optional.of(" WMS e735d39b-bb2b-49df-af28-e78f60c62bb9"), offer.sessionAttribute("msid-semantic"));
        assertFalse(offer.iceLite());
        assertEquals(2, offer.media().size());
    }

    @Test
    void readsTheAudioSectionOfAChromeOffer() {
        MediaDescription audio = SdpFixtures.parsed(SdpFixtures.AUDIO_VIDEO).media().get(0);

        assertEquals(Optional.of(MediaKind.AUDIO), audio.mediaKind());
        assertEquals(46810, audio.port());
        assertEquals("UDP/TLS/RTP/SAVPF", audio.mediaLine().proto());
        assertEquals(List.of(111, 63, 9, 0, 8, 13, 110, 126), audio.mediaLine().payloadTypes());
        assertEquals(Optional.of("0"), audio.mid());
        assertEquals(Direction.SENDRECV, audio.direction());
        assertEquals(Optional.of("dDLd"), audio.iceUfrag());
        assertEquals(Optional.of("Gto3Ez8CVK1FuNRtrUvopk96"), audio.icePwd());
        assertEquals("sha-256", audio.fingerprint().orElseThrow().algorithm());
        assertEquals(32, audio.fingerprint().orElseThrow().bytes().length);
        assertEquals((byte) 0x37, audio.fingerprint().orElseThrow().bytes()[0]);
        assertEquals(Optional.of(Setup.ACTPASS), audio.setup());
        assertTrue(audio.rtcpMux());
        assertEquals(new Rtpmap(111, "opus", 48000, OptionalInt.of(2)), audio.rtpmap(111).orElseThrow());
        assertEquals(Optional.of("1"), audio.fmtp(111).orElseThrow().parameter("useinbandfec"));
        assertEquals(List.of(RtcpFeedback.of(111, "transport-cc")), audio.rtcpFeedback(111));
        assertEquals(Extmap.of(4, "urn:ietf:params:rtp-hdrext:sdes:mid"), audio.extmaps().get(3));
        assertEquals(Optional.of(Msid.of("e735d39b-bb2b-49df-af28-e78f60c62bb9", "8973f53d-17df-4f9a-a3ec-cff757877eeb")),
                audio.msid());
        assertEquals(List.of(4095245952L), audio.ssrcs());
        assertEquals(SsrcAttribute.of(4095245952L, "cname", "sb4WBW2xq28GtUTP"), audio.ssrcAttributes().get(0));
    }

    @Test
    void readsCandidatesWithTheirTrailingExtensions() {
        List<Candidate> candidates = SdpFixtures.parsed(SdpFixtures.AUDIO_VIDEO).media().get(0).candidates();

        assertEquals(8, candidates.size());
        Candidate first = candidates.get(0);
        assertEquals("1299620499", first.foundation());
        assertEquals(1, first.component());
        assertEquals("udp", first.transport());
        assertEquals(2122194687L, first.priority());
        assertEquals("127.0.0.1", first.address());
        assertEquals(46810, first.port());
        assertEquals("host", first.type());
        assertEquals(Optional.of("3"), first.extension("network-id"));
        assertEquals(Optional.of("active"), candidates.get(4).extension("tcptype"));
        assertEquals("::1", candidates.get(2).address());
    }

    @Test
    void readsVideoCodecsRtxAndFeedback() {
        MediaDescription video = SdpFixtures.parsed(SdpFixtures.AUDIO_VIDEO).media().get(1);

        assertEquals(Optional.of(MediaKind.VIDEO), video.mediaKind());
        assertEquals(9, video.port());
        assertTrue(video.rtpmap(96).orElseThrow().isCodec("vp8", 90000));
        assertEquals(OptionalInt.of(96), video.fmtp(97).orElseThrow().apt());
        assertEquals(List.of(RtcpFeedback.of(96, "goog-remb"), RtcpFeedback.of(96, "transport-cc"),
                RtcpFeedback.of(96, "ccm", "fir"), RtcpFeedback.of(96, "nack"), RtcpFeedback.of(96, "nack", "pli")),
                video.rtcpFeedback(96));
        assertEquals(List.of(new SsrcGroup("FID", List.of(1077380274L, 1608934582L))), video.ssrcGroups());
        assertEquals(List.of(1077380274L, 1608934582L), video.ssrcs());
    }

    @Test
    void sessionLevelTransportAttributesApplyToSectionsWithoutTheirOwn() throws SdpException {
        SessionDescription sdp = SessionDescription.parse("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"
                + "a=group:BUNDLE a\r\na=ice-ufrag:sess\r\na=ice-pwd:sessionpasswordsessionpw\r\n"
                + "a=fingerprint:sha-256 AB:CD\r\na=setup:actpass\r\n"
                + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:a\r\na=ice-ufrag:media\r\n");

        RemoteTransport transport = sdp.bundleTransport();

        assertEquals("media", transport.ufrag());
        assertEquals("sessionpasswordsessionpw", transport.pwd());
        assertEquals(new Fingerprint("sha-256", "AB:CD"), transport.fingerprint());
        assertEquals(Setup.ACTPASS, transport.setup());
    }

    @Test
    void theBundleTransportIsTheTaggedSections() throws SdpException {
        RemoteTransport transport = SdpFixtures.parsed(SdpFixtures.AUDIO_VIDEO).bundleTransport();

        assertEquals("dDLd", transport.ufrag());
        assertEquals(Setup.ACTPASS, transport.setup());
        assertEquals(8, transport.candidates().size());
    }

    @Test
    void readsRidsAndSimulcastOfASimulcastOffer() {
        MediaDescription video = SdpFixtures.parsed(SdpFixtures.SIMULCAST).media().get(1);

        assertEquals(List.of("q", "h", "f"), video.rids().stream().map(Rid::id).toList());
        assertEquals("send", video.rids().get(0).direction());
        assertEquals(new Simulcast(List.of(List.of("q"), List.of("h"), List.of("f")), List.of()),
                video.simulcast().orElseThrow());
        assertEquals(List.of(), video.ssrcs());
        assertEquals(Direction.SENDONLY, video.direction());
    }

    @Test
    void readsTheDirectionOfARecvonlyOffer() {
        SessionDescription offer = SdpFixtures.parsed(SdpFixtures.RECVONLY);

        assertEquals(List.of(Direction.RECVONLY, Direction.RECVONLY),
                offer.media().stream().map(MediaDescription::direction).toList());
        assertEquals(Optional.empty(), offer.media().get(0).msid());
    }

    @Test
    void acceptsBareLineFeedsAndWritesCrlf() throws SdpException {
        String lf = "v=0\no=- 1 2 IN IP4 127.0.0.1\ns=-\nt=0 0\nm=audio 9 RTP/AVP 0\na=sendonly\n";

        SessionDescription sdp = SessionDescription.parse(lf);

        assertEquals(lf.replace("\n", "\r\n"), sdp.toString());
        assertEquals(Direction.SENDONLY, sdp.media().get(0).direction());
    }

    @Test
    void keepsUnknownAttributesAndLineTypesVerbatim() throws SdpException {
        String sdp = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\ni=some info\r\nt=0 0\r\na=x-weird:  spaced  value \r\n"
                + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nb=AS:30\r\na=sctp-port:5000\r\n";

        SessionDescription parsed = SessionDescription.parse(sdp);

        assertEquals(sdp, parsed.toString());
        assertEquals(Optional.empty(), parsed.media().get(0).mediaKind());
        assertEquals(List.of(), parsed.media().get(0).mediaLine().payloadTypes());
    }

    @Test
    void buildsADescriptionThatParsesBackToItself() throws SdpException {
        SessionDescription built = SessionDescription.builder(Origin.of(42, 7))
                .add(Group.bundle(List.of("0")))
                .media(MediaDescription.builder(MediaLine.rtp(MediaKind.AUDIO, 9, "UDP/TLS/RTP/SAVPF", List.of(111)))
                        .add(Direction.SENDONLY)
                        .attribute("mid", "0")
                        .add(new Rtpmap(111, "opus", 48000, OptionalInt.of(2)))
                        .build())
                .build();

        SessionDescription reparsed = SessionDescription.parse(built.toString());

        assertEquals(built, reparsed);
        assertEquals("v=0\r\no=- 42 7 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\n"
                + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=sendonly\r\na=mid:0\r\na=rtpmap:111 opus/48000/2\r\n",
                built.toString());
    }

    @Test
    void builderRefusesAKnownAttributeThatBreaksItsGrammar() {
        MediaDescription.Builder builder = MediaDescription.builder(MediaLine.rtp(MediaKind.AUDIO, 9, "RTP/AVP", List.of(0)));

        assertThrows(IllegalArgumentException.class, () -> builder.attribute("rtpmap", "opus"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a=rtpmap:abc opus/48000|payload type is not a number",
        "a=rtpmap:200 opus/48000|payload type is out of range",
        "a=rtpmap:111 opus|rtpmap encoding must be",
        "a=extmap:0 urn:x|extmap id is out of range",
        "a=fingerprint:sha-256 ZZ:00|not colon-separated hex",
        "a=setup:sideways|unknown setup role",
        "a=candidate:1 1 udp 5 1.2.3.4 99999 typ host|candidate port is out of range",
        "a=candidate:1 1 udp 5 1.2.3.4 9 type host|lacks 'typ'",
        "a=ssrc:-5 cname:x|SSRC is not a number",
        "a=ssrc-group:FID|ssrc-group needs at least 2 fields",
        "a=mid:|mid is empty",
        "a=mid|a=mid needs a value",
        "a=rid:q sideways|rid direction must be send or recv",
        "a=simulcast:send q;;f|empty rid",
        "m=audio x RTP/AVP 0|port is not a number",
        "m=audio 9 RTP/AVP opus|payload type is not a number",
        "m=audio 9 RTP/AVP|m-line needs at least 4 fields",
        "A=rtcp-mux|line type must be a lower-case letter",
        "just words|expected '<type>=<value>'",
        "|expected '<type>=<value>'",
    })
    void aMalformedLineFailsWithItsLineNumberAndTheProblem(String lineAndProblem) {
        String[] parts = lineAndProblem.split("\\|");
        String sdp = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\n" + parts[0] + "\r\n";

        SdpException e = assertThrows(SdpException.class, () -> SessionDescription.parse(sdp));

        assertTrue(e.getMessage().startsWith("line 6 "), e.getMessage());
        assertTrue(e.getMessage().contains(parts[1]), e.getMessage());
    }

    @Test
    void aDescriptionMustStartWithVersionZero() {
        SdpException e = assertThrows(SdpException.class,
                () -> SessionDescription.parse("v=1\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"));

        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void aDescriptionWithoutOriginIsRefused() {
        SdpException e = assertThrows(SdpException.class, () -> SessionDescription.parse("v=0\r\ns=-\r\nt=0 0\r\n"));

        assertTrue(e.getMessage().contains("o= line"), e.getMessage());
    }

    @Test
    void aControlCharacterInsideALineIsRefused() {
        SdpException e = assertThrows(SdpException.class,
                () -> SessionDescription.parse("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\u0000\r\nt=0 0\r\n"));

        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("control character"), e.getMessage());
    }

    @Test
    void aSectionWithTwoMidsIsRefused() {
        SdpException e = assertThrows(SdpException.class, () -> SessionDescription.parse(
                "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\na=mid:a\r\na=mid:b\r\n"));

        assertTrue(e.getMessage().contains("line 5") && e.getMessage().contains("2 a=mid"), e.getMessage());
    }

    @Test
    void twoSectionsWithTheSameMidAreRefused() {
        SdpException e = assertThrows(SdpException.class, () -> SessionDescription.parse("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n"
                + "s=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\na=mid:a\r\nm=video 9 RTP/AVP 96\r\na=mid:a\r\n"));

        assertTrue(e.getMessage().contains("m-line 2 repeats mid a"), e.getMessage());
    }

    @Test
    void emptyAndNullTextAreRefused() {
        assertThrows(SdpException.class, () -> SessionDescription.parse(""));
        assertThrows(SdpException.class, () -> SessionDescription.parse(null));
    }
}
