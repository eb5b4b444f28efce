package org.parley.media.sdp;

import java.util.Optional;

/** The two kinds of RTP media the SFU forwards. Data channels are not ours to carry. */
public enum MediaKind {
    AUDIO("audio"),
    VIDEO("video");

    private final String sdpName;

    MediaKind(String sdpName) {
        this.sdpName = sdpName;
    }

    public String sdpName() {
        return sdpName;
    }

    public static Optional<MediaKind> fromSdpName(String name) {
        for (MediaKind kind : values()) {
            if (kind.sdpName.equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
