package org.parley.engine.media;

/**
 * What a participant wants to receive. Low-bandwidth mode forwards only audio and screen shares;
 * a maximum video height of 0 means no limit.
 */
public record ReceiveConstraints(int maxVideoHeight, boolean lowBandwidth) {

    public static final ReceiveConstraints NONE = new ReceiveConstraints(0, false);

    public ReceiveConstraints {
        if (maxVideoHeight < 0) {
            throw new IllegalArgumentException("a maximum video height is 0 (no limit) or positive");
        }
    }
}
