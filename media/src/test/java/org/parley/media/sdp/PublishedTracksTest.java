package org.parley.media.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PublishedTracksTest {

    @Test
    void readsTheCameraAndMicrophoneOfAChromeOffer() throws SdpException {
        PublishedTracks tracks = PublishedTracks.of(SdpFixtures.parsed(SdpFixtures.AUDIO_VIDEO));

        PublishedTrack audio = tracks.byMid("0").orElseThrow();
        assertEquals(MediaKind.AUDIO, audio.kind());
        assertEquals(Optional.of(Msid.of("e735d39b-bb2b-49df-af28-e78f60c62bb9", "8973f53d-17df-4f9a-a3ec-cff757877eeb")),
                audio.msid());
        assertEquals(OptionalLong.of(4095245952L), audio.ssrc());
        assertEquals(OptionalLong.empty(), audio.rtxSsrc());
        assertEquals(111, audio.payloadType());
        assertEquals(OptionalInt.empty(), audio.rtxPayloadType());
        PublishedTrack video = tracks.byMid("1").orElseThrow();
        assertEquals(MediaKind.VIDEO, video.kind());
        assertEquals(OptionalLong.of(1077380274L), video.ssrc());
        assertEquals(OptionalLong.of(1608934582L), video.rtxSsrc());
        assertEquals(96, video.payloadType());
        assertEquals(OptionalInt.of(97), video.rtxPayloadType());
    }

    @Test
    void aScreenShareIsAThirdTrackInItsOwnStream() throws SdpException {
        PublishedTracks tracks = PublishedTracks.of(SdpFixtures.parsed(SdpFixtures.AUDIO_VIDEO_SCREEN));

        assertEquals(3, tracks.all().size());
        PublishedTrack screen = tracks.byMid("2").orElseThrow();
        assertEquals("97920e7c-a235-4296-b5dc-e20e056c5f3c", screen.msid().orElseThrow().streamId());
        assertEquals(OptionalLong.of(13681889L), screen.ssrc());
        assertEquals(OptionalLong.of(1431992318L), screen.rtxSsrc());
    }

    @Test
    void findsATrackByItsMediaOrRetransmissionSsrc() throws SdpException {
        PublishedTracks tracks = PublishedTracks.of(SdpFixtures.parsed(SdpFixtures.AUDIO_VIDEO));

        assertEquals(Optional.of("1"), tracks.bySsrc(1077380274L).map(PublishedTrack::mid));
        assertEquals(Optional.of("1"), tracks.bySsrc(1608934582L).map(PublishedTrack::mid));
        assertEquals(Optional.empty(), tracks.bySsrc(12345L));
    }

    @Test
    void aSimulcastTrackHasNoSignalledSsrcAndIsRecognisedByItsMidAndRidExtensions() throws SdpException {
        PublishedTrack video = PublishedTracks.of(SdpFixtures.parsed(SdpFixtures.SIMULCAST)).byMid("1").orElseThrow();

        assertEquals(OptionalLong.empty(), video.ssrc());
        assertEquals(OptionalLong.empty(), video.rtxSsrc());
        assertEquals(List.of("q", "h", "f"), video.rids());
        assertEquals(OptionalInt.of(4), video.extensionId(HeaderExtension.MID));
        assertEquals(OptionalInt.of(10), video.extensionId(HeaderExtension.RTP_STREAM_ID));
        assertEquals(OptionalInt.of(11), video.extensionId(HeaderExtension.REPAIRED_RTP_STREAM_ID));
        assertEquals(OptionalInt.empty(), video.extensionId(HeaderExtension.TRANSPORT_WIDE_CC), "no transport-cc yet");
        assertEquals(OptionalInt.empty(), video.extensionId(HeaderExtension.AUDIO_LEVEL));
    }

    @Test
    void ridExtensionsAreOnlyAcceptedWhereThereIsSimulcast() throws SdpException {
        PublishedTrack audio = PublishedTracks.of(SdpFixtures.parsed(SdpFixtures.SIMULCAST)).byMid("0").orElseThrow();
        PublishedTrack single = PublishedTracks.of(SdpFixtures.parsed(SdpFixtures.PUBLISH_WITH_DATACHANNEL)).byMid("1").orElseThrow();

        assertEquals(List.of(), single.rids());
        assertEquals(OptionalInt.empty(), single.extensionId(HeaderExtension.RTP_STREAM_ID));
        assertEquals(List.of(), audio.rids());
    }

    @Test
    void aSimulcastLineWithoutMatchingSendRidsIsASingleStream() throws SdpException {
        String offer = SdpFixtures.text(SdpFixtures.SIMULCAST).replace("a=rid:h send\r\n", "").replace("a=rid:f send\r\n", "")
                .replace("a=rid:q send", "a=rid:q recv");

        assertEquals(List.of(), PublishedTracks.of(SessionDescription.parse(offer)).byMid("1").orElseThrow().rids());
    }

    @Test
    void aTransceiverWithoutStreamsHasTheDashStreamId() throws SdpException {
        PublishedTracks tracks = PublishedTracks.of(SdpFixtures.parsed(SdpFixtures.PUBLISH_WITH_DATACHANNEL));

        assertEquals(List.of("0", "1", "2", "3"), tracks.all().stream().map(PublishedTrack::mid).toList());
        assertEquals("-", tracks.byMid("3").orElseThrow().msid().orElseThrow().streamId());
    }

    @Test
    void aRecvonlyOfferPublishesNothing() throws SdpException {
        assertEquals(List.of(), PublishedTracks.of(SdpFixtures.parsed(SdpFixtures.RECVONLY)).all());
    }

    @Test
    void anAudioOnlyOfferPublishesOneTrack() throws SdpException {
        List<PublishedTrack> tracks = PublishedTracks.of(SdpFixtures.parsed(SdpFixtures.AUDIO_ONLY)).all();

        assertEquals(1, tracks.size());
        assertEquals(MediaKind.AUDIO, tracks.get(0).kind());
    }
}
