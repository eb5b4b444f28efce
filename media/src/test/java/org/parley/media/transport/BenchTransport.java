package org.parley.media.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DatagramTransport;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The forwarding benchmark's door into this package (test code; main code is untouched): one
 * endpoint's real {@link DtlsSrtpTransport}, keyed by a real DTLS handshake over loopback with a
 * simulated browser, whose datagrams go through a {@link DatagramChannel} instead of ICE.
 *
 * <p>{@link #sendRtp} is the transport's own send path, the one {@code Endpoint.sendRtp} delegates
 * to. {@link #onDatagram} runs the transport's own private receive step (demultiplex, SRTP
 * decrypt in place, counters, packet handler) through a method handle, after copying the datagram
 * into the transport's receive buffer as its receive loop does: the calling thread plays the
 * endpoint's receive thread, whose loop this class silences once the handshake is done.
 */
public final class BenchTransport implements AutoCloseable {

    private static final DtlsCertificate SERVER_CERTIFICATE =
            DtlsCertificate.generate("parley-bench", Clock.systemUTC(), new SecureRandom());
    private static final DtlsCertificate BROWSER_CERTIFICATE = TestDtlsClient.newCertificate();

    private static final MethodHandle ON_DATAGRAM;
    private static final MethodHandle INSTALL_KEYS;
    private static final MethodHandle RECEIVED;
    private static final MethodHandle SRTP;

    static {
        try {
            MethodHandles.Lookup lookup =
                    MethodHandles.privateLookupIn(DtlsSrtpTransport.class, MethodHandles.lookup());
            ON_DATAGRAM = lookup.findVirtual(DtlsSrtpTransport.class, "onDatagram",
                    MethodType.methodType(void.class, int.class));
            INSTALL_KEYS = lookup.findVirtual(DtlsSrtpTransport.class, "installKeys",
                    MethodType.methodType(void.class, SrtpKeys.class));
            RECEIVED = lookup.findGetter(DtlsSrtpTransport.class, "received", PacketBuffer.class);
            SRTP = lookup.findGetter(DtlsSrtpTransport.class, "srtp", SrtpSession.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final DtlsSrtpTransport transport;
    private final LoopbackLink link;
    private final DatagramChannel serverChannel;
    private final DatagramChannel browserChannel;
    private final EndpointCounters counters;
    private final byte[] receiveBuffer;
    private final SrtpKeys keys;
    private final JitsiSrtp browser;
    private final Thread receiveThread;

    private BenchTransport(DtlsSrtpTransport transport, LoopbackLink link, DatagramChannel serverChannel,
            DatagramChannel browserChannel, EndpointCounters counters, SrtpKeys keys, Thread receiveThread) {
        this.transport = transport;
        this.link = link;
        this.serverChannel = serverChannel;
        this.browserChannel = browserChannel;
        this.counters = counters;
        this.keys = keys;
        this.receiveThread = receiveThread;
        this.browser = JitsiSrtp.forClient(keys);
        try {
            this.receiveBuffer = ((PacketBuffer) RECEIVED.invoke(transport)).getBuffer();
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What {@code TransportServer.start} does to SRTP before the first endpoint (warms Parley's
     * SRTP), and pins the AES implementation of the simulated browsers' jitsi-srtp.
     *
     * @return the browsers' jitsi-srtp AES implementation, "OpenSSL" or "SunJCE"
     */
    public static String warmSrtp() {
        MediaRuntime.warmSrtp();
        return JitsiSrtp.aesFactory();
    }

    /** RFC 5764 keying material length of a profile named as in {@link SrtpProfile}. */
    public static int keyingMaterialLength(String profile) {
        return SrtpProfile.valueOf(profile).keyingMaterialLength();
    }

    /**
     * A connected endpoint transport: binds two loopback channels, runs the DTLS handshake with a
     * browser-like client offering only {@code profile}, and waits for the SRTP keys.
     */
    public static BenchTransport connect(String id, String profile) throws IOException, InterruptedException {
        DatagramChannel serverChannel = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        DatagramChannel browserChannel = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        serverChannel.connect(browserChannel.getLocalAddress());
        browserChannel.connect(serverChannel.getLocalAddress());
        LoopbackLink link = new LoopbackLink(serverChannel);
        EndpointCounters counters = new EndpointCounters();
        CountDownLatch connected = new CountDownLatch(1);
        String[] failure = new String[1];
        DtlsSrtpTransport transport = new DtlsSrtpTransport(id, link, new BcTlsCrypto(new SecureRandom()),
                SERVER_CERTIFICATE, BROWSER_CERTIFICATE.fingerprint(), 10_000, counters,
                new DtlsSrtpTransport.Events() {
                    @Override
                    public void onConnected() {
                        connected.countDown();
                    }

                    @Override
                    public void onFailed(String reason) {
                        failure[0] = reason;
                        connected.countDown();
                    }
                });
        Thread receiveThread = new Thread(transport::run, "bench-rx-" + id);
        receiveThread.setDaemon(true);
        receiveThread.start();
        TestDtlsClient client = new TestDtlsClient(BROWSER_CERTIFICATE, SERVER_CERTIFICATE.fingerprint(),
                SrtpProfile.valueOf(profile));
        client.connect(new ChannelDtlsTransport(browserChannel));
        if (!connected.await(10, TimeUnit.SECONDS) || failure[0] != null || !transport.isSrtpReady()) {
            throw new IllegalStateException("DTLS-SRTP did not connect " + id + ": " + failure[0]);
        }
        if (!client.keys().sameAs(transport.srtpKeys())) {
            throw new IllegalStateException("the two ends derived different SRTP keys");
        }
        link.quiet();
        return new BenchTransport(transport, link, serverChannel, browserChannel, counters,
                transport.srtpKeys(), receiveThread);
    }

    /** Where decrypted packets go, as {@code Endpoint.setPacketHandler}. */
    public void setPacketHandler(PacketHandler handler) {
        transport.setPacketHandler(handler);
    }

    /** The transport's send path: copy, SRTP encrypt, send on the link. */
    public boolean sendRtp(byte[] buf, int off, int len) {
        return transport.sendRtp(buf, off, len);
    }

    public boolean sendRtcp(byte[] buf, int off, int len) {
        return transport.sendRtcp(buf, off, len);
    }

    /**
     * One datagram through the transport's receive step, as its receive loop would hand it over:
     * copied into the transport's receive buffer (the loop's {@code link.receive}), then
     * {@code onDatagram(length)}.
     */
    public void onDatagram(byte[] datagram, int off, int len) {
        System.arraycopy(datagram, off, receiveBuffer, 0, len);
        try {
            ON_DATAGRAM.invokeExact(transport, len);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Installs the same keys again, as the handshake does, so the receive side forgets which
     * packet indexes it saw: the benchmark replays its ring of packets, which SRTP replay
     * protection would otherwise refuse.
     */
    public void freshReceiveState() {
        try {
            SrtpSession old = (SrtpSession) SRTP.invoke(transport);
            INSTALL_KEYS.invoke(transport, keys);
            old.close();
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The simulated browser's end of the link, connected to the transport's. */
    public DatagramChannel browserChannel() {
        return browserChannel;
    }

    /** The negotiated keying material, RFC 5764 layout: client key | server key | client salt | server salt. */
    public byte[] keyingMaterial() {
        return concat(keys.clientKey(), keys.serverKey(), keys.clientSalt(), keys.serverSalt());
    }

    /** The browser encrypting an RTP packet for this endpoint (jitsi-srtp, the browser's keys). */
    public byte[] browserProtectRtp(byte[] plain) {
        return Packets.protect(browser, plain, false);
    }

    /** The browser decrypting what this endpoint sent; null if it does not authenticate. */
    public byte[] browserUnprotectRtp(byte[] wire) {
        return Packets.unprotect(browser, wire, false);
    }

    public EndpointStats stats() {
        return counters.snapshot();
    }

    @Override
    public void close() throws IOException {
        transport.close();
        serverChannel.close();
        browserChannel.close();
        try {
            receiveThread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A browser's SRTP session for the given keying material (jitsi-srtp, the DTLS client's
     * side), for the benchmark's reference path, which has no handshake.
     */
    public static Browser browser(String profile, byte[] keyingMaterial) {
        return new Browser(JitsiSrtp.forClient(
                SrtpKeys.fromKeyingMaterial(SrtpProfile.valueOf(profile), keyingMaterial)));
    }

    /** The browser end of a connection: encrypts what it sends, decrypts what it receives. */
    public static final class Browser {
        private final JitsiSrtp session;

        private Browser(JitsiSrtp session) {
            this.session = session;
        }

        public byte[] protectRtp(byte[] plain) {
            return Packets.protect(session, plain, false);
        }

        /** Null if the packet does not authenticate. */
        public byte[] unprotectRtp(byte[] wire) {
            return Packets.unprotect(session, wire, false);
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** BouncyCastle's view of the browser's channel, for the handshake only. */
    private static final class ChannelDtlsTransport implements DatagramTransport {
        private final DatagramChannel channel;

        ChannelDtlsTransport(DatagramChannel channel) {
            this.channel = channel;
        }

        @Override
        public int getReceiveLimit() {
            return PacketBuffer.MAX_DATAGRAM;
        }

        @Override
        public int getSendLimit() {
            return 1200;
        }

        @Override
        public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
            channel.socket().setSoTimeout(Math.max(1, waitMillis));
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
            channel.write(ByteBuffer.wrap(Arrays.copyOfRange(buf, off, off + len)));
        }

        @Override
        public void close() {
        }
    }
}
