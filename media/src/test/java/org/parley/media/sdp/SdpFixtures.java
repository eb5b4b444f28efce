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

    static final List<String> CHROME_OFFERS =
            List.of(AUDIO_VIDEO, AUDIO_VIDEO_SCREEN, AUDIO_ONLY, RECVONLY, SENDONLY_PUBLISH, SIMULCAST);

    private SdpFixtures() {
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
