package org.parley.media.sdp;

import java.util.Optional;

/** The media direction attribute of an m-line, from the point of view of the side that wrote it. */
public enum Direction implements SdpAttribute {
    SENDRECV("sendrecv"),
    SENDONLY("sendonly"),
    RECVONLY("recvonly"),
    INACTIVE("inactive");

    private final String sdpName;

    Direction(String sdpName) {
        this.sdpName = sdpName;
    }

    public static Optional<Direction> fromAttributeName(String name) {
        for (Direction d : values()) {
            if (d.sdpName.equals(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    public boolean sends() {
        return this == SENDRECV || this == SENDONLY;
    }

    public boolean receives() {
        return this == SENDRECV || this == RECVONLY;
    }

    @Override
    public String attributeName() {
        return sdpName;
    }

    @Override
    public String attributeValue() {
        return "";
    }
}
