package org.parley.media.transport;

import java.io.IOException;

/**
 * The datagram path under DTLS and SRTP: in production the ICE component socket, in tests an
 * in-memory pipe. {@link #receive} is called by one thread (the endpoint's receive thread);
 * {@link #send} may be called by many threads at once.
 */
interface DatagramLink {

    /**
     * Waits up to {@code timeoutMillis} (more than 0) for one datagram and copies it into
     * {@code buf}.
     *
     * @return its length, or -1 if none arrived in time
     * @throws IOException when the link is closed
     */
    int receive(byte[] buf, int off, int len, int timeoutMillis) throws IOException;

    /** Sends one datagram to the peer; fails when there is no path to it (yet). */
    void send(byte[] buf, int off, int len) throws IOException;
}
