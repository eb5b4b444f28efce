package org.parley.media.transport;

import java.io.IOException;
import java.net.SocketException;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DatagramTransport;

/** One end of an in-memory datagram pipe: the ICE socket stand-in for tests. */
final class MemoryLink implements DatagramLink {

    private final BlockingQueue<byte[]> inbox;
    private final BlockingQueue<byte[]> outbox;
    private volatile boolean closed;

    private MemoryLink(BlockingQueue<byte[]> inbox, BlockingQueue<byte[]> outbox) {
        this.inbox = inbox;
        this.outbox = outbox;
    }

    /** Two connected ends: what one sends, the other receives. */
    static MemoryLink[] pair() {
        BlockingQueue<byte[]> a = new LinkedBlockingQueue<>();
        BlockingQueue<byte[]> b = new LinkedBlockingQueue<>();
        return new MemoryLink[] {new MemoryLink(a, b), new MemoryLink(b, a)};
    }

    @Override
    public int receive(byte[] buf, int off, int len, int timeoutMillis) throws IOException {
        if (closed) {
            throw new SocketException("closed");
        }
        byte[] datagram;
        try {
            datagram = inbox.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SocketException("interrupted");
        }
        if (closed) {
            throw new SocketException("closed");
        }
        if (datagram == null) {
            return -1;
        }
        int n = Math.min(len, datagram.length);
        System.arraycopy(datagram, 0, buf, off, n);
        return n;
    }

    @Override
    public void send(byte[] buf, int off, int len) throws IOException {
        if (closed) {
            throw new SocketException("closed");
        }
        outbox.add(Arrays.copyOfRange(buf, off, off + len));
    }

    /** Puts a datagram in this end's own inbox, as if the peer had sent it. */
    void inject(byte[] datagram) {
        inbox.add(datagram.clone());
    }

    void close() {
        closed = true;
    }

    /** BouncyCastle's view of this end, for the test's DTLS client. */
    DatagramTransport asDtlsTransport() {
        MemoryLink link = this;
        return new DatagramTransport() {
            @Override
            public int getReceiveLimit() {
                return 1500;
            }

            @Override
            public int getSendLimit() {
                return 1200;
            }

            @Override
            public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
                return link.receive(buf, off, len, Math.max(1, waitMillis));
            }

            @Override
            public void send(byte[] buf, int off, int len) throws IOException {
                link.send(buf, off, len);
            }

            @Override
            public void close() {
            }
        };
    }
}
