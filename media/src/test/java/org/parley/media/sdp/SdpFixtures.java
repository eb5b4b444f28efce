package org.parley.media.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The real Chrome descriptions under {@code src/test/resources/sdp}, captured as described in its README. */
final class SdpFixtures {

    static final String AUDIO_VIDEO = "chrome-audio-video-offer.sdp";
    static final String AUDIO_VIDEO_SCREEN = "chrome-audio-video-screen-offer.sdp";
    static final String AUDIO_ONLY = "chrome-audio-only-offer.sdp";
    static final String RECVONLY = "chrome-recvonly-offer.sdp";
    static final String SENDONLY_PUBLISH = "chrome-sendonly-publish-offer.sdp";
    static final String SIMULCAST = "chrome-simulcast-offer.sdp";

    /** Sendonly camera, screen, a transceiver without a track, and a data channel; before ICE gathering. */
    static final String PUBLISH_WITH_DATACHANNEL = "chrome-publish-offer-with-datachannel.sdp";

    static final List<String> CHROME_OFFERS = List.of(AUDIO_VIDEO, AUDIO_VIDEO_SCREEN, AUDIO_ONLY, RECVONLY,
            SENDONLY_PUBLISH, SIMULCAST, PUBLISH_WITH_DATACHANNEL);

    /** Chrome's answers to the three {@code sfu-subscribe-offer-N.sdp} renegotiations. */
    static final List<String> CHROME_SUBSCRIBE_ANSWERS =
            List.of("chrome-subscribe-answer-1.sdp", "chrome-subscribe-answer-2.sdp", "chrome-subscribe-answer-3.sdp");

    static final Fingerprint SFU_FINGERPRINT = fingerprint("sha-256 AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:"
            + "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89");

    /** The transports the golden {@code sfu-*.sdp} files were generated with (and Chrome accepted). */
    static final LocalTransport PUBLISH_TRANSPORT = new LocalTransport("pubU", "publishPasswordPublish1",
            SFU_FINGERPRINT, List.of(Candidate.udpHost("127.0.0.1", 10000)));
    static final LocalTransport SUBSCRIBE_TRANSPORT = new LocalTransport("subU", "subscribePasswordSubscr",
            SFU_FINGERPRINT, List.of(Candidate.udpHost("127.0.0.1", 10000)));

    private SdpFixtures() {
    }

    private static Fingerprint fingerprint(String value) {
        try {
            return Fingerprint.parse(value);
        } catch (SdpException e) {
            throw new AssertionError(e);
        }
    }

    static String text(String name) {
        try (InputStream in = SdpFixtures.class.getResourceAsStream("/sdp/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SessionDescription parsed(String name) {
        try {
            return SessionDescription.parse(text(name));
        } catch (SdpException e) {
            throw new AssertionError(name + " does not parse: " + e.getMessage(), e);
        }
    }
}
