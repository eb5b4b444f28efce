package org.parley.media.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.media.sfu.InboundStream;
import org.parley.media.sfu.PacketSink;
import org.parley.media.sfu.Router;
import org.parley.media.sfu.StreamKind;

/**
 * What the packet path allocates per packet once warm, measured with HotSpot's per-thread
 * allocation counter: nothing, for every SRTP profile, both for SRTP/SRTCP alone and for the whole
 * forwarding path (receive step of a publisher's transport, decrypt, router, four subscribers'
 * transports encrypting and sending). No sockets: the transports are keyed as the handshake does
 * and send into a link that keeps the last datagram.
 */
class PacketPathAllocationTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final int SUBSCRIBERS = 4;
    private static final int VIDEO_SSRC = 0x5EED71DE;
    /** The counter itself may allocate a little per reading; a packet's worth is 1000s of bytes. */
    private static final long SLACK_BYTES = 1024;

    private static MethodHandle onDatagram;
    private static MethodHandle installKeys;
    private static MethodHandle received;

    @BeforeAll
    static void reachIntoTheTransport() throws ReflectiveOperationException {
        MediaRuntime.warmSrtp();
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(DtlsSrtpTransport.class, MethodHandles.lookup());
        onDatagram = lookup.findVirtual(DtlsSrtpTransport.class, "onDatagram", MethodType.methodType(void.class, int.class));
        installKeys = lookup.findVirtual(DtlsSrtpTransport.class, "installKeys",
                MethodType.methodType(void.class, SrtpKeys.class));
        received = lookup.findGetter(DtlsSrtpTransport.class, "received", PacketBuffer.class);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void protectAndUnprotectAllocateNothingPerPacket(SrtpProfile profile) {
        SrtpKeys keys = randomKeys(profile);
        SrtpSession sender = SrtpSession.forServer(keys);
        SrtpSession receiver = SrtpSession.forClient(keys);
        byte[] rtp = Packets.rtp(96, 0, 0, 0x1234, 1100);
        byte[] rtcp = Packets.receiverReport(0x1234);
        PacketBuffer buffer = PacketBuffer.forDatagrams();

        int seq = roundTrips(sender, receiver, rtp, rtcp, buffer, 0, 20_000);
        long before = allocated();
        int packets = 50_000;
        roundTrips(sender, receiver, rtp, rtcp, buffer, seq, packets);
        long bytes = allocated() - before;

        System.out.printf("%s: %d bytes allocated by %d SRTP+SRTCP protect/unprotect round trips%n",
                profile, bytes, packets);
        assertTrue(bytes < SLACK_BYTES, profile + ": " + packets + " round trips allocated " + bytes + " bytes");
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void forwardingAPacketToFourSubscribersAllocatesNothing(SrtpProfile profile) throws Throwable {
        KeyedTransport publisher = new KeyedTransport(profile);
        KeyedTransport[] subscribers = new KeyedTransport[SUBSCRIBERS];
        Router router = new Router(System::nanoTime, 2_500_000);
        router.publish("publisher", publisher.sink(), List.of(
                new InboundStream(VIDEO_SSRC & 0xFFFFFFFFL, 96, 0x5EED72DEL, 97, StreamKind.VIDEO, false, "video")));
        for (int i = 0; i < SUBSCRIBERS; i++) {
            subscribers[i] = new KeyedTransport(profile);
            router.subscribe("subscriber-" + i, subscribers[i].sink());
        }
        publisher.transport.setPacketHandler(new PacketHandler() {
            @Override
            public void onRtp(byte[] buf, int off, int len) {
                router.onPublisherRtp(buf, off, len);
            }

            @Override
            public void onRtcp(byte[] buf, int off, int len) {
                router.onPublisherRtcp(buf, off, len);
            }
        });
        SrtpSession publisherBrowser = SrtpSession.forClient(publisher.keys);
        byte[] plain = Packets.rtp(96, 0, 0, VIDEO_SSRC, 1100);
        PacketBuffer wire = PacketBuffer.forDatagrams();

        // Starts below 65535 so that the measured packets cross a rollover of the sequence number.
        int seq = forward(publisher, publisherBrowser, plain, wire, 40_000, 20_000);
        long before = allocated();
        int packets = 20_000;
        seq = forward(publisher, publisherBrowser, plain, wire, seq, packets);
        long bytes = allocated() - before;

        System.out.printf("%s: %d bytes allocated forwarding %d packets to %d subscribers%n",
                profile, bytes, packets, SUBSCRIBERS);
        assertEquals(0, publisher.counters.snapshot().decryptFailures());
        for (KeyedTransport subscriber : subscribers) {
            assertEquals(40_000, subscriber.counters.snapshot().rtpPacketsOut());
            assertEquals(0, subscriber.counters.snapshot().sendFailures());
        }
        // The last packet sent is the RFC encoding with rollover counter 1.
        writeSeq(plain, seq - 1);
        assertTrue(seq - 1 > 65_535);
        SrtpKeys keys = subscribers[0].keys;
        byte[] expected = profile.isAead()
                ? ReferenceSrtp.protectAesGcm(keys.serverKey(), keys.serverSalt(), plain, 1)
                : ReferenceSrtp.protectAesCm(keys.serverKey(), keys.serverSalt(), plain, 1);
        byte[] sent = subscribers[0].link.last();
        assertArrayEquals(Arrays.copyOf(expected, sent.length), sent);
        assertTrue(bytes < SLACK_BYTES, profile + ": " + packets + " forwarded packets allocated " + bytes + " bytes");
    }

    private static int forward(KeyedTransport publisher, SrtpSession browser, byte[] plain, PacketBuffer wire,
            int seq, int count) throws Throwable {
        for (int i = 0; i < count; i++, seq++) {
            writeSeq(plain, seq);
            wire.copyFrom(plain, 0, plain.length);
            if (!browser.protectRtp(wire)) {
                throw new AssertionError("browser could not protect " + seq);
            }
            publisher.receive(wire.getBuffer(), wire.getLength());
        }
        return seq;
    }

    private static int roundTrips(SrtpSession sender, SrtpSession receiver, byte[] rtp, byte[] rtcp,
            PacketBuffer buffer, int seq, int count) {
        for (int i = 0; i < count; i++, seq++) {
            writeSeq(rtp, seq);
            buffer.copyFrom(rtp, 0, rtp.length);
            if (!sender.protectRtp(buffer) || !receiver.unprotectRtp(buffer)) {
                throw new AssertionError("RTP round trip failed at " + seq);
            }
            buffer.copyFrom(rtcp, 0, rtcp.length);
            if (!sender.protectRtcp(buffer) || !receiver.unprotectRtcp(buffer)) {
                throw new AssertionError("RTCP round trip failed at " + seq);
            }
        }
        return seq;
    }

    private static void writeSeq(byte[] rtp, int seq) {
        rtp[2] = (byte) (seq >> 8);
        rtp[3] = (byte) seq;
    }

    private static long allocated() {
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static SrtpKeys randomKeys(SrtpProfile profile) {
        byte[] material = new byte[profile.keyingMaterialLength()];
        new SecureRandom().nextBytes(material);
        return SrtpKeys.fromKeyingMaterial(profile, material);
    }

    /** A transport keyed as its handshake would key it; its receive step is driven by the test. */
    private static final class KeyedTransport {
        final SrtpKeys keys;
        final EndpointCounters counters = new EndpointCounters();
        final LastDatagramLink link = new LastDatagramLink();
        final DtlsSrtpTransport transport;
        private final byte[] receiveBuffer;

        KeyedTransport(SrtpProfile profile) throws Throwable {
            keys = randomKeys(profile);
            transport = new DtlsSrtpTransport("t", link, new BcTlsCrypto(new SecureRandom()),
                    ServerHarness.SERVER_CERTIFICATE, ServerHarness.serverFingerprint(), 10_000, counters,
                    new DtlsSrtpTransport.Events() {
                        @Override
                        public void onConnected() {
                        }

                        @Override
                        public void onFailed(String reason) {
                        }
                    });
            installKeys.invoke(transport, keys);
            receiveBuffer = ((PacketBuffer) received.invoke(transport)).getBuffer();
        }

        /** What the receive loop does with a datagram: into its buffer, then onDatagram. */
        void receive(byte[] datagram, int length) throws Throwable {
            System.arraycopy(datagram, 0, receiveBuffer, 0, length);
            onDatagram.invokeExact(transport, length);
        }

        PacketSink sink() {
            return new PacketSink() {
                @Override
                public void sendRtp(byte[] buffer, int offset, int length) {
                    transport.sendRtp(buffer, offset, length);
                }

                @Override
                public void sendRtcp(byte[] buffer, int offset, int length) {
                    transport.sendRtcp(buffer, offset, length);
                }
            };
        }
    }

    /** Sends nowhere, keeping a copy of the last datagram in a preallocated array. */
    private static final class LastDatagramLink implements DatagramLink {
        private final byte[] last = new byte[PacketBuffer.MAX_DATAGRAM + PacketBuffer.MAX_TRAILER];
        private int lastLength;

        @Override
        public int receive(byte[] buf, int off, int len, int timeoutMillis) {
            return -1;
        }

        @Override
        public void send(byte[] buf, int off, int len) {
            System.arraycopy(buf, off, last, 0, len);
            lastLength = len;
        }

        byte[] last() {
            return Arrays.copyOf(last, lastLength);
        }
    }
}
