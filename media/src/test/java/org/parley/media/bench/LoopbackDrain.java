package org.parley.media.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The subscribers' browsers: loopback channels that receive the forwarded datagrams, emptied by
 * one thread so the kernel's receive buffers never fill. It runs on the machine's other core,
 * allocates nothing per datagram (JMH's {@code gc.alloc.rate.norm} sums every thread of the JVM),
 * and counts what arrived so the benchmark can tell whether sent datagrams were delivered.
 */
final class LoopbackDrain implements AutoCloseable {

    /** Capped by net.core.rmem_max (4 MiB on the project's machines, 208 KiB on a stock kernel). */
    private static final int RECEIVE_BUFFER = 4 << 20;

    private final List<DatagramChannel> channels = new ArrayList<>();
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(2048);
    private final Consumer<SelectionKey> onReadable = this::drain;
    private final Thread thread;
    private volatile boolean closed;
    private volatile long delivered;
    private volatile long threadId;

    LoopbackDrain() {
        thread = new Thread(this::run, "bench-drain");
        thread.setDaemon(true);
    }

    /**
     * Adds a channel, switched to non-blocking and with a receive buffer as large as the kernel
     * allows, so that the drain losing its core for a few milliseconds loses no datagram. Only
     * before {@link #start}.
     */
    void add(DatagramChannel channel) throws IOException {
        channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
        channel.configureBlocking(false);
        channels.add(channel);
    }

    void start() {
        thread.start();
    }

    /** Datagrams received so far. */
    long delivered() {
        return delivered;
    }

    /** Bytes the drain thread has allocated since it started. */
    long allocatedBytes() {
        long id = threadId;
        return id == 0 ? 0 : ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(id);
    }

    /**
     * Sleeps in {@code select} until a channel is readable, then empties it. A reader that spins
     * instead would spare the sender the cost of waking it (on loopback the sending system call
     * also runs the receiver's side of UDP), but on this 2-vCPU VM a spinning thread made the
     * measured thread's throughput swing by 3x between iterations; waking a reader costs both
     * paths alike.
     */
    private void run() {
        threadId = Thread.currentThread().getId();
        try (Selector selector = Selector.open()) {
            for (DatagramChannel channel : channels) {
                channel.register(selector, SelectionKey.OP_READ);
            }
            while (!closed) {
                selector.select(onReadable, 100);
            }
        } catch (IOException e) {
            if (!closed) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** On the drain thread; the one writer of {@link #delivered}. */
    private void drain(SelectionKey key) {
        DatagramChannel channel = (DatagramChannel) key.channel();
        long count = delivered;
        try {
            while (channel.read(buffer.clear()) > 0) {
                count++;
            }
        } catch (IOException e) {
            // A connected UDP socket may report an ICMP error once, or the run is closing.
        }
        delivered = count;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
