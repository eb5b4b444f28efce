package org.parley.media.transport;

/**
 * Lifecycle events of one endpoint. Called from media threads (an endpoint's receive thread or the
 * transport timer): implementations only hand the event over, e.g. {@code self.tell(...)}.
 * Each method is called at most once per endpoint.
 */
public interface EndpointListener {

    /** ICE and DTLS completed and SRTP keys are installed: packets flow both ways from now on. */
    void onConnected();

    /**
     * The transport failed (ICE failed, consent expired, DTLS refused or failed, connect timeout,
     * the peer closed DTLS). The endpoint is closed right after this call.
     */
    void onFailed(String reason);
}
