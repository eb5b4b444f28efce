package org.parley.media.transport;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.DatagramPacket;
import java.net.SocketTimeoutException;
import org.ice4j.ice.ComponentSocket;

/**
 * The ICE component's socket as a {@link DatagramLink}. ice4j has already taken STUN out, and only
 * delivers datagrams from remote addresses that passed a connectivity check; sends go to the
 * selected pair.
 */
final class IceDatagramLink implements DatagramLink {

    /** Senders reuse one packet object per thread; it only carries array, offset and length. */
    private static final ThreadLocal<DatagramPacket> SEND_PACKET =
            ThreadLocal.withInitial(() -> new DatagramPacket(new byte[0], 0));

    private final ComponentSocket socket;
    private final DatagramPacket receivePacket = new DatagramPacket(new byte[0], 0);
    private int soTimeout = -1;

    IceDatagramLink(ComponentSocket socket) {
        this.socket = socket;
    }

    @Override
    public int receive(byte[] buf, int off, int len, int timeoutMillis) throws IOException {
        if (timeoutMillis != soTimeout) {
            socket.setSoTimeout(timeoutMillis);
            soTimeout = timeoutMillis;
        }
        receivePacket.setData(buf, off, len);
        try {
            socket.receive(receivePacket);
        } catch (SocketTimeoutException e) {
            return -1;
        }
        if (Thread.currentThread().isInterrupted()) {
            // ice4j returns without a packet when interrupted.
            throw new InterruptedIOException("receive interrupted");
        }
        return receivePacket.getLength();
    }

    @Override
    public void send(byte[] buf, int off, int len) throws IOException {
        DatagramPacket packet = SEND_PACKET.get();
        packet.setData(buf, off, len);
        socket.send(packet);
    }
}
