package org.parley.media.transport;

import java.io.IOException;
import org.bouncycastle.tls.DatagramTransport;

/**
 * BouncyCastle's view of the endpoint's datagram link, used on the receive thread only.
 *
 * <p>During the handshake BouncyCastle pulls datagrams itself: the adapter reads the link,
 * keeps DTLS and counts anything else as dropped (no media can be valid before the keys). After
 * the handshake the receive loop owns the link and pushes each late DTLS datagram (a retransmitted
 * Finished flight, an alert) through {@link #offer}; BouncyCastle then sees exactly that one.
 */
final class DtlsDatagramAdapter implements DatagramTransport {

    static final int RECEIVE_LIMIT = PacketBuffer.MAX_DATAGRAM;
    /** Our flights stay under common path MTUs even over TURN/IPv6. */
    static final int SEND_LIMIT = 1200;

    private final DatagramLink link;
    private final EndpointCounters counters;

    private boolean handshaking = true;
    private byte[] pending;
    private int pendingOff;
    private int pendingLen = -1;

    DtlsDatagramAdapter(DatagramLink link, EndpointCounters counters) {
        this.link = link;
        this.counters = counters;
    }

    /** The next {@link #receive} returns this datagram, without copying it first. */
    void offer(byte[] buf, int off, int len) {
        pending = buf;
        pendingOff = off;
        pendingLen = len;
    }

    /** From now on {@link #receive} only returns offered datagrams. */
    void handshakeDone() {
        handshaking = false;
    }

    @Override
    public int getReceiveLimit() {
        return RECEIVE_LIMIT;
    }

    @Override
    public int getSendLimit() {
        return SEND_LIMIT;
    }

    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
        if (pendingLen >= 0) {
            int n = Math.min(len, pendingLen);
            System.arraycopy(pending, pendingOff, buf, off, n);
            pending = null;
            pendingLen = -1;
            return n;
        }
        if (!handshaking) {
            return -1;
        }
        long deadline = System.nanoTime() + Math.max(1, waitMillis) * 1_000_000L;
        while (true) {
            int remaining = (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000L);
            int n = link.receive(buf, off, len, remaining);
            if (n < 0) {
                return -1;
            }
            if (DatagramDemux.classify(buf, off, n) == DatagramKind.DTLS) {
                return n;
            }
            counters.dropped();
            if (System.nanoTime() - deadline >= 0) {
                return -1;
            }
        }
    }

    @Override
    public void send(byte[] buf, int off, int len) throws IOException {
        link.send(buf, off, len);
    }

    @Override
    public void close() {
        // The endpoint owns the link and closes it.
    }
}
