package org.parley.engine.media;

import java.util.List;

/** What the media plane asks a participant's browser to do, through its signalling session. */
public sealed interface MediaSignal {

    /** Receive these tracks: apply this offer to the subscribe connection and answer it. */
    record SubscribeOffer(String sdp, long version, List<ForwardedTrack> tracks) implements MediaSignal {}
}
