package org.parley.media.transport;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * A server-side {@link DtlsSrtpTransport} on an in-memory link, its receive loop on its own
 * thread, recording events and decrypted packets; the other end of the link is the test's.
 */
final class ServerHarness implements AutoCloseable {

    static final DtlsCertificate SERVER_CERTIFICATE =
            DtlsCertificate.generate("server", Clock.systemUTC(), new SecureRandom());

    final MemoryLink serverEnd;
    final MemoryLink clientEnd;
    final EndpointCounters counters = new EndpointCounters();
    final DtlsSrtpTransport transport;
    final CountDownLatch connected = new CountDownLatch(1);
    final CountDownLatch failed = new CountDownLatch(1);
    final BlockingQueue<byte[]> rtp = new LinkedBlockingQueue<>();
    final BlockingQueue<byte[]> rtcp = new LinkedBlockingQueue<>();
    volatile String failure;
    private final Thread thread;

    ServerHarness(Fingerprint expectedClient) {
        MediaRuntime.warmSrtp();
        MemoryLink[] ends = MemoryLink.pair();
        serverEnd = ends[0];
        clientEnd = ends[1];
        transport = new DtlsSrtpTransport("test", serverEnd, new BcTlsCrypto(new SecureRandom()),
                SERVER_CERTIFICATE, expectedClient, 10_000, counters,
                new DtlsSrtpTransport.Events() {
                    @Override
                    public void onConnected() {
                        connected.countDown();
                    }

                    @Override
                    public void onFailed(String reason) {
                        failure = reason;
                        failed.countDown();
                    }
                });
        transport.setPacketHandler(new PacketHandler() {
            @Override
            public void onRtp(byte[] buf, int off, int len) {
                rtp.add(Arrays.copyOfRange(buf, off, off + len));
            }

            @Override
            public void onRtcp(byte[] buf, int off, int len) {
                rtcp.add(Arrays.copyOfRange(buf, off, off + len));
            }
        });
        thread = new Thread(transport::run, "test-rx");
        thread.setDaemon(true);
        thread.start();
    }

    static Fingerprint serverFingerprint() {
        return SERVER_CERTIFICATE.fingerprint();
    }

    boolean loopAlive() {
        return thread.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        transport.close();
        serverEnd.close();
        clientEnd.close();
        thread.join(5_000);
    }
}
