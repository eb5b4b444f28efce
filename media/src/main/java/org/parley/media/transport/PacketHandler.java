package org.parley.media.transport;

/**
 * Receives an endpoint's decrypted packets, on that endpoint's receive thread.
 *
 * <p>The buffer is reused for the next datagram as soon as the call returns: copy what must
 * outlive the call. Implementations must not block: they delay every later packet of the
 * endpoint.
 */
public interface PacketHandler {

    /** Drops everything; the handler of an endpoint nobody listens to yet. */
    PacketHandler DISCARD = new PacketHandler() {
        @Override
        public void onRtp(byte[] buf, int off, int len) {
        }

        @Override
        public void onRtcp(byte[] buf, int off, int len) {
        }
    };

    /** A decrypted RTP packet (header and payload, no SRTP tag). */
    void onRtp(byte[] buf, int off, int len);

    /** A decrypted RTCP compound packet (no SRTCP index or tag). */
    void onRtcp(byte[] buf, int off, int len);
}
