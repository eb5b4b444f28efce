package org.parley.media.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.harvest.SinglePortUdpHarvester;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's WebRTC transport: one UDP port for every endpoint, one DTLS certificate, and the
 * threads endpoints run on. Start one per node at boot (binding, certificate and SRTP warm-up take
 * seconds on a small machine, so none of that happens on a join), create an {@link Endpoint} per
 * participant, close it at shutdown.
 *
 * <p>Threads it owns: a receive thread per started endpoint ({@code parley-media-rx-<id>}) and one
 * timer thread ({@code parley-media-timer}) for connect timeouts and consent checks. ice4j runs its
 * own (the port's reader, per-endpoint socket readers, STUN timers). Thread-safe.
 */
public final class TransportServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TransportServer.class);

    private final MediaSettings settings;
    private final Clock clock;
    private final SinglePortUdpHarvester harvester;
    private final DtlsCertificate certificate;
    private final BcTlsCrypto tlsCrypto;
    private final List<String> hostCandidates;
    private final ExecutorService receiveThreads;
    private final ScheduledExecutorService timer;
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private TransportServer(MediaSettings settings, Clock clock, SinglePortUdpHarvester harvester,
            DtlsCertificate certificate, SecureRandom random) {
        this.settings = settings;
        this.clock = clock;
        this.harvester = harvester;
        this.certificate = certificate;
        this.tlsCrypto = new BcTlsCrypto(random);
        int port = harvester.getLocalAddress().getPort();
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < settings.advertisedAddresses().size(); i++) {
            candidates.add(CandidateLine.formatHost(i, settings.advertisedAddresses().get(i), port));
        }
        this.hostCandidates = List.copyOf(candidates);
        this.receiveThreads = Executors.newCachedThreadPool(daemonThreads("parley-media-rx-"));
        ScheduledThreadPoolExecutor scheduler =
                new ScheduledThreadPoolExecutor(1, daemonThreads("parley-media-timer-"));
        scheduler.setRemoveOnCancelPolicy(true);
        this.timer = scheduler;
    }

    /** Starts with the system clock. */
    public static TransportServer start(MediaSettings settings) {
        return start(settings, Clock.systemUTC());
    }

    /**
     * Binds the UDP port, creates the certificate, warms SRTP.
     *
     * @param clock certificate dates and consent timing; ice4j stamps consent answers with the
     *     system clock, so production passes the system clock
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static TransportServer start(MediaSettings settings, Clock clock) {
        long begin = System.nanoTime();
        MediaRuntime.configureIce(settings);
        Duration warmUp = MediaRuntime.warmSrtp();
        SecureRandom random = new SecureRandom();
        DtlsCertificate certificate = DtlsCertificate.generate("parley-sfu", clock, random);
        SinglePortUdpHarvester harvester;
        try {
            harvester = new SinglePortUdpHarvester(new TransportAddress(
                    InetAddress.getByName(settings.bindAddress()), settings.udpPort(), Transport.UDP));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind UDP " + settings.bindAddress() + ":"
                    + settings.udpPort(), e);
        }
        TransportServer server = new TransportServer(settings, clock, harvester, certificate, random);
        LOG.info("Media transport on UDP {}:{} advertised as {}, DTLS fingerprint sha-256 {};"
                        + " SRTP warm-up {} ms; start {} ms",
                settings.bindAddress(), server.port(), settings.advertisedAddresses(),
                certificate.fingerprint().hex(), warmUp.toMillis(),
                (System.nanoTime() - begin) / 1_000_000);
        return server;
    }

    /** The bound UDP port (the real one when settings asked for 0). */
    public int port() {
        return harvester.getLocalAddress().getPort();
    }

    public MediaSettings settings() {
        return settings;
    }

    /** Always "sha-256". */
    public String fingerprintAlgorithm() {
        return Fingerprint.SHA_256;
    }

    /** SHA-256 of the node's DTLS certificate, "AB:CD:...", for {@code a=fingerprint}. */
    public String fingerprint() {
        return certificate.fingerprint().hex();
    }

    /**
     * Creates the transport of one participant: an ICE agent with its credentials and our host
     * candidates. Nothing is sent or received until {@link Endpoint#start}.
     *
     * @param id unique among this server's open endpoints; names its thread and log lines
     * @throws IllegalArgumentException if the id is in use
     * @throws IllegalStateException if the server is closed
     */
    public Endpoint createEndpoint(String id, EndpointListener listener) {
        if (closed) {
            throw new IllegalStateException("transport server is closed");
        }
        if (endpoints.containsKey(id)) {
            throw new IllegalArgumentException("endpoint id in use: " + id);
        }
        Endpoint endpoint;
        try {
            endpoint = new Endpoint(id, this, listener);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create ICE agent for " + id, e);
        }
        if (endpoints.putIfAbsent(id, endpoint) != null) {
            endpoint.close();
            throw new IllegalArgumentException("endpoint id in use: " + id);
        }
        return endpoint;
    }

    public int endpointCount() {
        return endpoints.size();
    }

    /** Closes every endpoint (without listener calls), the port and the threads. */
    @Override
    public void close() {
        closed = true;
        for (Endpoint endpoint : List.copyOf(endpoints.values())) {
            endpoint.close();
        }
        harvester.close();
        timer.shutdownNow();
        receiveThreads.shutdown();
        try {
            if (!receiveThreads.awaitTermination(2, TimeUnit.SECONDS)) {
                receiveThreads.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // For endpoints.

    Clock clock() {
        return clock;
    }

    SinglePortUdpHarvester harvester() {
        return harvester;
    }

    DtlsCertificate certificate() {
        return certificate;
    }

    BcTlsCrypto tlsCrypto() {
        return tlsCrypto;
    }

    List<String> hostCandidates() {
        return hostCandidates;
    }

    ExecutorService receiveThreads() {
        return receiveThreads;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    void forget(Endpoint endpoint) {
        endpoints.remove(endpoint.id(), endpoint);
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
