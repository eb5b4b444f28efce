package org.parley.media.transport;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The ICE socket's stand-in for the forwarding benchmark: a {@link DatagramLink} over a loopback
 * {@link DatagramChannel} connected to the simulated browser's channel.
 *
 * <p>Sending is what the benchmark measures, so it allocates nothing: each thread keeps one
 * {@link ByteBuffer} view of the array it sends from ({@link DtlsSrtpTransport} encrypts into one
 * reused buffer per thread), and a heap buffer written to a channel goes through the JDK's cached
 * per-thread direct buffer. Receiving only carries the DTLS handshake; after it the benchmark
 * thread plays the receive thread, and {@link #quiet()} makes the transport's own loop idle
 * without touching the channel or allocating (a timed-out socket receive throws).
 */
final class LoopbackLink implements DatagramLink {

    private static final ThreadLocal<View> SEND_VIEW = ThreadLocal.withInitial(View::new);

    private final DatagramChannel channel;
    private volatile boolean quiet;

    /** @param channel blocking and connected to the peer */
    LoopbackLink(DatagramChannel channel) {
        this.channel = channel;
    }

    /** From now on {@link #receive} waits out its timeout and reports nothing. */
    void quiet() {
        quiet = true;
    }

    @Override
    public int receive(byte[] buf, int off, int len, int timeoutMillis) throws IOException {
        if (!channel.isOpen()) {
            throw new IOException("link closed");
        }
        if (quiet) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(timeoutMillis));
            return -1;
        }
        channel.socket().setSoTimeout(timeoutMillis);
        DatagramPacket packet = new DatagramPacket(buf, off, len);
        try {
            channel.socket().receive(packet);
        } catch (SocketTimeoutException e) {
            return -1;
        }
        return packet.getLength();
    }

    @Override
    public void send(byte[] buf, int off, int len) throws IOException {
        ByteBuffer view = SEND_VIEW.get().of(buf);
        view.clear().position(off).limit(off + len);
        channel.write(view);
    }

    private static final class View {
        private byte[] array;
        private ByteBuffer buffer;

        ByteBuffer of(byte[] a) {
            if (a != array) {
                array = a;
                buffer = ByteBuffer.wrap(a);
            }
            return buffer;
        }
    }
}
