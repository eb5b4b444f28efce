package org.parley.media.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.parley.media.sfu.InboundStream;
import org.parley.media.sfu.PacketSink;
import org.parley.media.sfu.Router;
import org.parley.media.sfu.StreamKind;
import org.parley.media.transport.BenchTransport;
import org.parley.media.transport.PacketHandler;

/**
 * The forwarding hot path, one publisher to {@link #SUBSCRIBERS} subscribers: one operation takes
 * one SRTP video packet as it came off the wire and ends when the four re-encrypted copies have
 * been handed to the kernel. {@code parley} runs Parley's own code; {@code reference} does the
 * same work with plain {@code javax.crypto} and a {@link DatagramChannel} per subscriber, no
 * router. With one benchmark thread, operations per second are per core; forwarded packets per
 * second are four times that. See docs/benchmarks.md.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@State(Scope.Benchmark)
public class ForwardingBenchmark {

    static final int SUBSCRIBERS = 4;
    static final long AUDIO_SSRC = 0x5EED_A0D1L;
    static final long VIDEO_SSRC = 0x5EED_71DEL;
    static final long VIDEO_RTX_SSRC = 0x5EED_72DEL;

    /**
     * The SRTP profile of every connection; the same on both sides. Parley's DTLS server prefers
     * AES128_CM_HMAC_SHA1_80 whenever the browser offers it (every browser does).
     */
    @Param({"AEAD_AES_128_GCM", "AES128_CM_HMAC_SHA1_80"})
    public String profile;

    @Benchmark
    public void parley(ParleyRoom room) {
        room.forwardOne();
    }

    @Benchmark
    public void reference(BareForwarder bare) {
        bare.forwardOne();
    }

    /**
     * Parley's path: each connection is a real {@code DtlsSrtpTransport} keyed by a real DTLS
     * handshake; the publisher's receive step decrypts with its SRTP session and hands the
     * packet to {@link Router#onPublisherRtp}, which calls each subscriber's {@link PacketSink};
     * the sink is the transport's send path (what {@code Endpoint.sendRtp} delegates to): copy,
     * encrypt, send on a loopback {@link DatagramChannel} in place of the ICE socket.
     *
     * <p>Public fields are JMH auxiliary counters, summed over the measurement iterations.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class ParleyRoom {
        /** Publisher packets taken in (operations). */
        public long packetsIn;
        /** Datagrams the subscribers' transports sent. */
        public long datagramsOut;
        /** Datagrams the subscribers' browsers received. */
        public long datagramsDelivered;
        /** Bytes allocated by the benchmark thread alone. */
        public long benchThreadBytes;
        /** Bytes allocated by the drain thread (the simulated browsers). */
        public long drainThreadBytes;

        private BenchTransport publisher;
        private final BenchTransport[] subscribers = new BenchTransport[SUBSCRIBERS];
        private Router router;
        private PacketRing ring;
        private LoopbackDrain drain;
        private final Accounting accounting = new Accounting();

        @Setup(Level.Trial)
        public void connect(BenchmarkParams params) throws Exception {
            String profile = params.getParam("profile");
            String aes = BenchTransport.warmSrtp();
            System.out.println("parley: Parley's SRTP warmed; browsers' jitsi-srtp AES " + aes + ", profile " + profile);
            publisher = BenchTransport.connect("publisher", profile);
            for (int i = 0; i < SUBSCRIBERS; i++) {
                subscribers[i] = BenchTransport.connect("subscriber-" + i, profile);
            }
            router = new Router(System::nanoTime, 2_500_000);
            router.publish("publisher", sink(publisher), List.of(
                    new InboundStream(AUDIO_SSRC, 111, 0, 0, StreamKind.AUDIO, false, "audio"),
                    new InboundStream(VIDEO_SSRC, 96, VIDEO_RTX_SSRC, 97, StreamKind.VIDEO, false, "video")));
            for (int i = 0; i < SUBSCRIBERS; i++) {
                router.subscribe("subscriber-" + i, sink(subscribers[i]));
            }
            // As the media peer wires a publishing endpoint to the room's router.
            publisher.setPacketHandler(new PacketHandler() {
                @Override
                public void onRtp(byte[] buf, int off, int len) {
                    router.onPublisherRtp(buf, off, len);
                }

                @Override
                public void onRtcp(byte[] buf, int off, int len) {
                    router.onPublisherRtcp(buf, off, len);
                }
            });
            ring = new PacketRing(VIDEO_SSRC, publisher::browserProtectRtp);

            // One packet by hand: every browser must decrypt exactly what the publisher sent.
            byte[] expected = ring.firstPlain();
            byte[] first = ring.first();
            publisher.onDatagram(first, 0, first.length);
            for (BenchTransport subscriber : subscribers) {
                byte[] got = subscriber.browserUnprotectRtp(receive(subscriber.browserChannel()));
                if (!Arrays.equals(expected, got)) {
                    throw new IllegalStateException("a subscriber's browser did not get the packet");
                }
            }
            drain = new LoopbackDrain();
            for (BenchTransport subscriber : subscribers) {
                drain.add(subscriber.browserChannel());
            }
            drain.start();
            // The ring (70 MB) is young garbage-collector work until promoted: do that now, not
            // in a measured iteration.
            System.gc();
        }

        /** One publisher packet in, four SRTP datagrams out. */
        void forwardOne() {
            byte[] datagram = ring.next();
            if (datagram == null) {
                publisher.freshReceiveState();
                ring.rewind();
                datagram = ring.next();
            }
            publisher.onDatagram(datagram, 0, datagram.length);
            packetsIn++;
        }

        @Setup(Level.Iteration)
        public void startIteration() {
            packetsIn = 0;
            accounting.start(datagramsOut(), drain);
        }

        @TearDown(Level.Iteration)
        public void endIteration() {
            accounting.stopAllocationCount(drain);
            accounting.end(datagramsOut(), drain);
            datagramsOut = accounting.sent;
            datagramsDelivered = accounting.delivered;
            benchThreadBytes = accounting.benchThreadBytes;
            drainThreadBytes = accounting.drainThreadBytes;
            long failures = publisher.stats().decryptFailures();
            for (BenchTransport subscriber : subscribers) {
                failures += subscriber.stats().sendFailures();
            }
            if (failures > 0 || datagramsOut != (long) SUBSCRIBERS * packetsIn) {
                throw new IllegalStateException(failures + " decrypt or send failures; "
                        + datagramsOut + " datagrams sent for " + packetsIn + " packets in");
            }
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            drain.close();
            publisher.close();
            for (BenchTransport subscriber : subscribers) {
                subscriber.close();
            }
        }

        private long datagramsOut() {
            long sent = 0;
            for (BenchTransport subscriber : subscribers) {
                sent += subscriber.stats().rtpPacketsOut();
            }
            return sent;
        }

        /** What the media peer gives the router for an endpoint: its send methods. */
        private static PacketSink sink(BenchTransport endpoint) {
            return new PacketSink() {
                @Override
                public void sendRtp(byte[] buffer, int offset, int length) {
                    endpoint.sendRtp(buffer, offset, length);
                }

                @Override
                public void sendRtcp(byte[] buffer, int offset, int length) {
                    endpoint.sendRtcp(buffer, offset, length);
                }
            };
        }
    }

    /**
     * The bare reference: the same packets and the same profile, decrypted by {@link BareSrtp}
     * (plain {@code javax.crypto}), then encrypted with each subscriber's own keys and written to
     * that subscriber's connected loopback {@link DatagramChannel}. No router, no counters, no
     * demultiplexing. Its browsers are jitsi-srtp sessions, so the set-up proves both directions
     * interoperate.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class BareForwarder {
        // The same auxiliary counters as ParleyRoom's.
        public long packetsIn;
        public long datagramsOut;
        public long datagramsDelivered;
        public long benchThreadBytes;
        public long drainThreadBytes;

        private BareSrtp receiver;
        private final BareSrtp[] senders = new BareSrtp[SUBSCRIBERS];
        private final DatagramChannel[] channels = new DatagramChannel[SUBSCRIBERS];
        private final DatagramChannel[] browsers = new DatagramChannel[SUBSCRIBERS];
        /** Where the kernel would have put the datagram: both paths copy it in first. */
        private final byte[] received = new byte[1500 + 32];
        private final byte[] plain = new byte[1500];
        private final byte[] out = new byte[1500 + 32];
        private final ByteBuffer outView = ByteBuffer.wrap(out);
        private PacketRing ring;
        private LoopbackDrain drain;
        private long sent;
        private long failures;
        private final Accounting accounting = new Accounting();

        @Setup(Level.Trial)
        public void connect(BenchmarkParams params) throws Exception {
            String profile = params.getParam("profile");
            // The browser that encrypts the ring is jitsi-srtp: pin its AES.
            BenchTransport.warmSrtp();
            BareSrtp.Profile bare = BareSrtp.Profile.valueOf(profile);
            SecureRandom random = new SecureRandom();
            byte[] publisherKeys = new byte[BenchTransport.keyingMaterialLength(profile)];
            random.nextBytes(publisherKeys);
            // The browser is the DTLS client and sends with the client half (RFC 5764 layout).
            receiver = BareSrtp.create(bare, slice(publisherKeys, 0, 16),
                    slice(publisherKeys, 32, bare.saltLength));
            BenchTransport.Browser publisherBrowser = BenchTransport.browser(profile, publisherKeys);
            BenchTransport.Browser[] subscriberBrowsers = new BenchTransport.Browser[SUBSCRIBERS];
            for (int i = 0; i < SUBSCRIBERS; i++) {
                byte[] keys = new byte[publisherKeys.length];
                random.nextBytes(keys);
                senders[i] = BareSrtp.create(bare, slice(keys, 16, 16),
                        slice(keys, 32 + bare.saltLength, bare.saltLength));
                subscriberBrowsers[i] = BenchTransport.browser(profile, keys);
                channels[i] = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
                browsers[i] = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
                channels[i].connect(browsers[i].getLocalAddress());
                browsers[i].connect(channels[i].getLocalAddress());
            }
            ring = new PacketRing(VIDEO_SSRC, publisherBrowser::protectRtp);

            byte[] expected = ring.firstPlain();
            byte[] first = ring.first();
            forward(first);
            for (int i = 0; i < SUBSCRIBERS; i++) {
                if (!Arrays.equals(expected, subscriberBrowsers[i].unprotectRtp(receive(browsers[i])))) {
                    throw new IllegalStateException("a subscriber's browser did not get the packet");
                }
            }
            drain = new LoopbackDrain();
            for (DatagramChannel browser : browsers) {
                drain.add(browser);
            }
            drain.start();
            // The ring (70 MB) is young garbage-collector work until promoted: do that now, not
            // in a measured iteration.
            System.gc();
        }

        void forwardOne() {
            byte[] datagram = ring.next();
            if (datagram == null) {
                receiver.resetReceiver();
                ring.rewind();
                datagram = ring.next();
            }
            forward(datagram);
            packetsIn++;
        }

        private void forward(byte[] datagram) {
            System.arraycopy(datagram, 0, received, 0, datagram.length);
            int length = receiver.unprotect(received, 0, datagram.length, plain);
            if (length < 0) {
                failures++;
                return;
            }
            try {
                for (int i = 0; i < SUBSCRIBERS; i++) {
                    int n = senders[i].protect(plain, length, out);
                    outView.clear().limit(n);
                    channels[i].write(outView);
                    sent++;
                }
            } catch (IOException e) {
                failures++;
            }
        }

        @Setup(Level.Iteration)
        public void startIteration() {
            packetsIn = 0;
            accounting.start(sent, drain);
        }

        @TearDown(Level.Iteration)
        public void endIteration() {
            accounting.stopAllocationCount(drain);
            accounting.end(sent, drain);
            datagramsOut = accounting.sent;
            datagramsDelivered = accounting.delivered;
            benchThreadBytes = accounting.benchThreadBytes;
            drainThreadBytes = accounting.drainThreadBytes;
            if (failures > 0 || datagramsOut != (long) SUBSCRIBERS * packetsIn) {
                throw new IllegalStateException(failures + " decrypt or send failures; "
                        + datagramsOut + " datagrams sent for " + packetsIn + " packets in");
            }
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            drain.close();
            for (int i = 0; i < SUBSCRIBERS; i++) {
                channels[i].close();
                browsers[i].close();
            }
        }

        private static byte[] slice(byte[] b, int from, int length) {
            return Arrays.copyOfRange(b, from, from + length);
        }
    }

    /** One blocking receive on a browser channel, before the drain takes it over. */
    static byte[] receive(DatagramChannel channel) throws IOException {
        byte[] buf = new byte[2048];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        channel.socket().setSoTimeout(5_000);
        channel.socket().receive(packet);
        return Arrays.copyOf(buf, packet.getLength());
    }

    /** Per-iteration deltas: datagrams sent and delivered, bytes allocated by each thread. */
    static final class Accounting {
        private static final com.sun.management.ThreadMXBean THREADS =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        long sent;
        long delivered;
        long benchThreadBytes;
        long drainThreadBytes;
        private long sentBefore;
        private long deliveredBefore;
        private long benchBytesBefore;
        private long drainBytesBefore;

        /** On the benchmark thread, before an iteration. */
        void start(long sentNow, LoopbackDrain drain) {
            sentBefore = sentNow;
            deliveredBefore = drain.delivered();
            drainBytesBefore = drain.allocatedBytes();
            benchBytesBefore = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
        }

        /** On the benchmark thread, first thing after an iteration. */
        void stopAllocationCount(LoopbackDrain drain) {
            benchThreadBytes = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId()) - benchBytesBefore;
            drainThreadBytes = drain.allocatedBytes() - drainBytesBefore;
        }

        /** Then: datagrams sent and delivered during the iteration. */
        void end(long sentNow, LoopbackDrain drain) {
            sent = sentNow - sentBefore;
            // Let the last datagrams of the iteration arrive before counting them.
            long deadline = System.nanoTime() + 200_000_000L;
            long target = deliveredBefore + sent;
            while (drain.delivered() < target && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            delivered = drain.delivered() - deliveredBefore;
        }
    }
}
