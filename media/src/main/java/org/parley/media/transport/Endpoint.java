package org.parley.media.transport;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.ice4j.ice.IceProcessingState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One participant's WebRTC transport: ICE on the node's shared port, DTLS 1.2 with us as server
 * ({@code a=setup:passive}), SRTP/SRTCP both ways. Created by {@link TransportServer#createEndpoint}.
 *
 * <p>Signalling reads {@link #localUfrag()}, {@link #localPassword()}, {@link #localCandidates()}
 * and {@link #fingerprint()} into the answer, then calls {@link #start} with what the offer says.
 * {@link EndpointListener#onConnected()} follows when SRTP is ready.
 *
 * <p>Thread-safety: every method may be called from any thread. {@link #sendRtp}/{@link #sendRtcp}
 * are meant for concurrent forwarders; the {@link PacketHandler} runs on this endpoint's receive
 * thread.
 */
public final class Endpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Endpoint.class);

    private final String id;
    private final TransportServer server;
    private final EndpointListener listener;
    private final IceSession ice;
    private final List<String> localCandidates;
    private final EndpointCounters counters = new EndpointCounters();
    private final ConsentMonitor consent;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger remoteCandidates = new AtomicInteger();

    private volatile DtlsSrtpTransport transport;
    private volatile PacketHandler handler = PacketHandler.DISCARD;
    private volatile ScheduledFuture<?> connectTimeout;
    private volatile ScheduledFuture<?> consentCheck;

    Endpoint(String id, TransportServer server, EndpointListener listener) throws IOException {
        this.id = id;
        this.server = server;
        this.listener = listener;
        this.consent = new ConsentMonitor(server.clock(), server.settings().consentTimeout());
        this.ice = new IceSession(server.harvester(), this::onIceState);
        this.localCandidates = server.hostCandidates();
    }

    public String id() {
        return id;
    }

    public String localUfrag() {
        return ice.localUfrag();
    }

    public String localPassword() {
        return ice.localPassword();
    }

    /** Our candidates as SDP attribute values ({@code candidate:1 1 udp ... typ host ...}). */
    public List<String> localCandidates() {
        return localCandidates;
    }

    /** Always "sha-256". */
    public String fingerprintAlgorithm() {
        return server.fingerprintAlgorithm();
    }

    /** The node's DTLS certificate fingerprint, "AB:CD:..." (the same for every endpoint). */
    public String fingerprint() {
        return server.fingerprint();
    }

    /** Our DTLS role for the answer: we are always the DTLS server. */
    public String setupRole() {
        return "passive";
    }

    /**
     * Starts ICE connectivity checks and, once a DTLS client hello arrives, the DTLS handshake.
     *
     * @param remoteFingerprintAlgorithm e.g. "sha-256", from the offer's {@code a=fingerprint}
     * @param remoteFingerprint hex bytes, colon-separated or not
     * @throws IllegalArgumentException for a malformed or unsupported fingerprint or missing
     *     credentials
     * @throws IllegalStateException if already started or closed
     */
    public void start(String remoteUfrag, String remotePassword, String remoteFingerprintAlgorithm,
            String remoteFingerprint) {
        if (remoteUfrag == null || remoteUfrag.isBlank() || remotePassword == null
                || remotePassword.isBlank()) {
            throw new IllegalArgumentException("the offer's ice-ufrag and ice-pwd are required");
        }
        Fingerprint expected = Fingerprint.parse(remoteFingerprintAlgorithm, remoteFingerprint);
        if (closed.get()) {
            throw new IllegalStateException("endpoint " + id + " is closed");
        }
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("endpoint " + id + " was already started");
        }
        DtlsSrtpTransport t = new DtlsSrtpTransport(id, ice.link(), server.tlsCrypto(),
                server.certificate(), expected,
                (int) server.settings().connectTimeout().toMillis(), counters,
                new DtlsSrtpTransport.Events() {
                    @Override
                    public void onConnected() {
                        Endpoint.this.onSrtpReady();
                    }

                    @Override
                    public void onFailed(String reason) {
                        fail(reason);
                    }
                });
        transport = t;
        t.setPacketHandler(handler);
        connectTimeout = server.timer().schedule(this::onConnectTimeout,
                server.settings().connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        ice.start(remoteUfrag, remotePassword);
        server.receiveThreads().execute(() -> {
            Thread thread = Thread.currentThread();
            String name = thread.getName();
            thread.setName("parley-media-rx-" + id);
            try {
                t.run();
            } finally {
                thread.setName(name);
            }
        });
    }

    /**
     * Accepts a candidate the browser signalled (in the offer or trickled). The connection does
     * not depend on them: the browser's checks reach our port and ICE pairs with their source
     * (peer-reflexive), which is also the only kind of pair ice4j can check on a shared port (see
     * {@link IceSession}). Usable candidates are counted in {@link #remoteCandidateCount()}.
     *
     * @return false if ignored: mDNS ({@code .local}), TCP, RTCP component, hostname, port 9
     * @throws IllegalArgumentException if the line is not a candidate line
     */
    public boolean addRemoteCandidate(String candidateLine) {
        CandidateLine line = CandidateLine.parse(candidateLine);
        if (!line.isUsable() || closed.get()) {
            return false;
        }
        remoteCandidates.incrementAndGet();
        return true;
    }

    /** How many usable remote candidates were signalled (diagnostics). */
    public int remoteCandidateCount() {
        return remoteCandidates.get();
    }

    /** Where decrypted packets go from now on; {@code null} discards them. */
    public void setPacketHandler(PacketHandler newHandler) {
        handler = newHandler == null ? PacketHandler.DISCARD : newHandler;
        DtlsSrtpTransport t = transport;
        if (t != null) {
            t.setPacketHandler(handler);
        }
    }

    /**
     * Encrypts and sends one RTP packet to the browser. Copies the packet first: the caller's
     * buffer is not modified and may be reused when this returns.
     *
     * @return false (and counted) if not sent: not connected yet, closed, malformed, no route
     */
    public boolean sendRtp(byte[] buf, int off, int len) {
        DtlsSrtpTransport t = transport;
        if (t == null) {
            counters.sendFailure();
            return false;
        }
        return t.sendRtp(buf, off, len);
    }

    /** Like {@link #sendRtp}, for an RTCP compound packet. */
    public boolean sendRtcp(byte[] buf, int off, int len) {
        DtlsSrtpTransport t = transport;
        if (t == null) {
            counters.sendFailure();
            return false;
        }
        return t.sendRtcp(buf, off, len);
    }

    /** Whether SRTP keys are installed and the endpoint is open. */
    public boolean isConnected() {
        DtlsSrtpTransport t = transport;
        return t != null && t.isSrtpReady() && !closed.get();
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** A snapshot of the counters; cheap enough for a stats tick, not for every packet. */
    public EndpointStats stats() {
        return counters.snapshot();
    }

    /** Closes without calling the listener. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            release();
        }
    }

    /** The keys DTLS installed (tests). */
    SrtpKeys srtpKeys() {
        DtlsSrtpTransport t = transport;
        return t == null ? null : t.srtpKeys();
    }

    private void onSrtpReady() {
        if (closed.get()) {
            return;
        }
        consent.connected();
        cancel(connectTimeout);
        consentCheck = server.timer().scheduleWithFixedDelay(this::checkConsent,
                1, 1, TimeUnit.SECONDS);
        LOG.info("Endpoint {} connected", id);
        try {
            listener.onConnected();
        } catch (RuntimeException e) {
            LOG.warn("Listener of endpoint {} threw on connect", id, e);
        }
    }

    /** On an ice4j thread: hand over to our timer thread, never close ice4j from its own callback. */
    private void onIceState(IceProcessingState state) {
        if (state == IceProcessingState.FAILED) {
            server.timer().execute(() -> fail("ICE failed: no connectivity check succeeded"));
        } else if (state == IceProcessingState.COMPLETED) {
            consent.connected();
        }
        // TERMINATED is ice4j freeing unused candidates about 3s after COMPLETED: the selected
        // pair and consent checks live on.
    }

    private void onConnectTimeout() {
        if (!isConnected()) {
            IceProcessingState state = ice.state();
            fail(state == IceProcessingState.COMPLETED || state == IceProcessingState.TERMINATED
                    ? "DTLS did not complete within " + server.settings().connectTimeout()
                    : "ICE did not connect within " + server.settings().connectTimeout());
        }
    }

    private void checkConsent() {
        if (consent.expired(ice.lastConsentMillis())) {
            fail("ICE consent expired: no answer to consent checks for "
                    + server.settings().consentTimeout());
        }
    }

    private void fail(String reason) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("Endpoint {} failed: {}", id, reason);
        try {
            listener.onFailed(reason);
        } catch (RuntimeException e) {
            LOG.warn("Listener of endpoint {} threw on failure", id, e);
        } finally {
            release();
        }
    }

    private void release() {
        cancel(connectTimeout);
        cancel(consentCheck);
        DtlsSrtpTransport t = transport;
        if (t != null) {
            t.close();
        }
        try {
            ice.close();
        } finally {
            server.forget(this);
        }
    }

    private static void cancel(ScheduledFuture<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }
}
