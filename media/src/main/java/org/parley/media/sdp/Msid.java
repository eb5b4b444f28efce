package org.parley.media.sdp;

import java.util.List;
import java.util.Optional;

/**
 * {@code a=msid:<stream id> [<track id>]} (RFC 8830). The stream id is what a browser groups remote
 * tracks by ({@code RTCTrackEvent.streams}); {@code -} means "no stream". The SFU uses the publishing
 * participant's id as the stream id so a subscriber sees each person's audio and video together.
 */
public record Msid(String streamId, Optional<String> trackId) implements SdpAttribute {

    public static Msid of(String streamId, String trackId) {
        return new Msid(streamId, Optional.of(trackId));
    }

    public static Msid parse(String value) throws SdpException {
        List<String> words = SdpTokens.words(value, 1, "msid");
        if (words.size() > 2) {
            throw new SdpException("msid has more than a stream id and a track id");
        }
        return new Msid(words.get(0), words.size() == 2 ? Optional.of(words.get(1)) : Optional.empty());
    }

    @Override
    public String attributeName() {
        return "msid";
    }

    @Override
    public String attributeValue() {
        return trackId.map(track -> streamId + ' ' + track).orElse(streamId);
    }
}
