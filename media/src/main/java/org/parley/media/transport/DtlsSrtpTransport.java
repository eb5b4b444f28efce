package org.parley.media.transport;

import java.io.IOException;
import java.io.InterruptedIOException;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsTimeoutException;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DTLS-SRTP over one datagram link, independent of ICE: the receive loop of an endpoint and its
 * send path.
 *
 * <p>{@link #run} is the endpoint's receive thread. It demultiplexes each datagram by first byte;
 * the first DTLS datagram starts the handshake on that same thread, so nothing else is read until
 * the handshake has installed the SRTP keys. Afterwards SRTP/SRTCP is decrypted in place in one
 * reused buffer and handed to the {@link PacketHandler}. Bad datagrams are counted and dropped; only
 * a closed link, a failed handshake or the peer ending DTLS stop the loop.
 *
 * <p>{@link #sendRtp}/{@link #sendRtcp} may be called by any number of threads: each thread
 * encrypts into its own reused buffer.
 */
final class DtlsSrtpTransport {

    interface Events {
        void onConnected();

        void onFailed(String reason);
    }

    private static final Logger LOG = LoggerFactory.getLogger(DtlsSrtpTransport.class);

    /** How often an idle receive loop looks at the closed flag. */
    static final int POLL_MILLIS = 250;

    private static final ThreadLocal<PacketBuffer> SEND_BUFFER =
            ThreadLocal.withInitial(PacketBuffer::forDatagrams);

    private final String id;
    private final DatagramLink link;
    private final BcTlsCrypto crypto;
    private final DtlsCertificate certificate;
    private final Fingerprint remoteFingerprint;
    private final int handshakeTimeoutMillis;
    private final Events events;
    private final EndpointCounters counters;
    private final DtlsDatagramAdapter dtlsAdapter;

    // Receive thread only.
    private final PacketBuffer received = PacketBuffer.forDatagrams();
    private final byte[] dtlsApplicationData = new byte[DtlsDatagramAdapter.RECEIVE_LIMIT];
    private DtlsServer dtlsServer;
    private DTLSTransport dtls;
    private boolean handlerFailureLogged;

    private volatile SrtpSession srtp;
    private volatile SrtpKeys keys;
    private volatile PacketHandler handler = PacketHandler.DISCARD;
    private volatile boolean closed;

    DtlsSrtpTransport(String id, DatagramLink link, BcTlsCrypto crypto, DtlsCertificate certificate,
            Fingerprint remoteFingerprint, int handshakeTimeoutMillis, EndpointCounters counters,
            Events events) {
        this.id = id;
        this.link = link;
        this.crypto = crypto;
        this.certificate = certificate;
        this.remoteFingerprint = remoteFingerprint;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
        this.counters = counters;
        this.events = events;
        this.dtlsAdapter = new DtlsDatagramAdapter(link, counters);
    }

    void setPacketHandler(PacketHandler handler) {
        this.handler = handler == null ? PacketHandler.DISCARD : handler;
    }

    boolean isSrtpReady() {
        return srtp != null;
    }

    /** The keys installed by the handshake (tests compare them with the client's). */
    SrtpKeys srtpKeys() {
        return keys;
    }

    /** The receive loop; returns when the transport is closed or fails. */
    void run() {
        byte[] buf = received.getBuffer();
        try {
            while (!closed) {
                int n = link.receive(buf, 0, PacketBuffer.MAX_DATAGRAM, POLL_MILLIS);
                if (n >= 0) {
                    onDatagram(n);
                }
            }
        } catch (IOException e) {
            fail("the ICE socket closed: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Receive loop of endpoint {} crashed", id, e);
            fail("receive loop crashed: " + e);
        }
    }

    private void onDatagram(int length) throws IOException {
        switch (DatagramDemux.classify(received.getBuffer(), 0, length)) {
            case RTP:
                onSrtp(length);
                break;
            case RTCP:
                onSrtcp(length);
                break;
            case DTLS:
                onDtls(length);
                break;
            default:
                // STUN is consumed by ice4j before it reaches this socket; anything else is noise.
                counters.dropped();
        }
    }

    private void onSrtp(int length) {
        SrtpSession session = srtp;
        if (session == null) {
            counters.dropped();
            return;
        }
        received.frame(0, length);
        if (!session.unprotectRtp(received)) {
            counters.decryptFailure();
            return;
        }
        counters.rtpIn(length);
        try {
            handler.onRtp(received.getBuffer(), received.getOffset(), received.getLength());
        } catch (RuntimeException e) {
            handlerFailed(e);
        }
    }

    private void onSrtcp(int length) {
        SrtpSession session = srtp;
        if (session == null) {
            counters.dropped();
            return;
        }
        received.frame(0, length);
        if (!session.unprotectRtcp(received)) {
            counters.decryptFailure();
            return;
        }
        counters.rtcpIn(length);
        try {
            handler.onRtcp(received.getBuffer(), received.getOffset(), received.getLength());
        } catch (RuntimeException e) {
            handlerFailed(e);
        }
    }

    private void handlerFailed(RuntimeException e) {
        if (!handlerFailureLogged) {
            handlerFailureLogged = true;
            LOG.warn("Packet handler of endpoint {} threw; the packet is lost (logged once)", id, e);
        }
    }

    private void onDtls(int length) throws IOException {
        if (dtls == null) {
            handshake(length);
            return;
        }
        // Late DTLS after the handshake: a retransmitted client flight (BouncyCastle resends our
        // last flight) or an alert. Data channels are not offered, so application data is dropped.
        dtlsAdapter.offer(received.getBuffer(), 0, length);
        try {
            if (dtls.receive(dtlsApplicationData, 0, dtlsApplicationData.length, 1) >= 0) {
                counters.dropped();
            }
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            fail("DTLS failed after the handshake: " + describe(e));
            return;
        }
        if (dtlsServer.peerClosed()) {
            fail("the peer closed DTLS");
        }
    }

    private void handshake(int firstLength) throws IOException {
        dtlsServer = new DtlsServer(crypto, certificate, remoteFingerprint, handshakeTimeoutMillis,
                this::installKeys);
        dtlsAdapter.offer(received.getBuffer(), 0, firstLength);
        long begin = System.nanoTime();
        try {
            dtls = new DTLSServerProtocol().accept(dtlsServer, dtlsAdapter);
        } catch (IOException | RuntimeException e) {
            if (closed) {
                return;
            }
            String refusal = dtlsServer.refusal();
            fail(refusal != null ? "DTLS refused: " + refusal : "DTLS handshake failed: " + describe(e));
            return;
        }
        dtlsAdapter.handshakeDone();
        LOG.info("Endpoint {}: DTLS handshake done in {} ms, SRTP profile {}", id,
                (System.nanoTime() - begin) / 1_000_000, keys.profile());
        if (!closed) {
            events.onConnected();
        }
    }

    /** Called by the DTLS server when the handshake completes, before it returns. */
    private void installKeys(SrtpKeys newKeys) {
        keys = newKeys;
        srtp = SrtpSession.forServer(newKeys);
    }

    boolean sendRtp(byte[] buf, int off, int len) {
        return send(buf, off, len, true);
    }

    boolean sendRtcp(byte[] buf, int off, int len) {
        return send(buf, off, len, false);
    }

    private boolean send(byte[] buf, int off, int len, boolean rtp) {
        SrtpSession session = srtp;
        if (session == null || closed
                || len < (rtp ? DatagramDemux.RTP_HEADER : DatagramDemux.RTCP_HEADER)
                || len > PacketBuffer.MAX_DATAGRAM) {
            counters.sendFailure();
            return false;
        }
        PacketBuffer out = SEND_BUFFER.get().copyFrom(buf, off, len);
        if (!(rtp ? session.protectRtp(out) : session.protectRtcp(out))) {
            counters.sendFailure();
            return false;
        }
        try {
            link.send(out.getBuffer(), out.getOffset(), out.getLength());
        } catch (IOException e) {
            counters.sendFailure();
            return false;
        }
        if (rtp) {
            counters.rtpOut(out.getLength());
        } else {
            counters.rtcpOut(out.getLength());
        }
        return true;
    }

    private void fail(String reason) {
        if (!closed) {
            closed = true;
            events.onFailed(reason);
        }
    }

    /**
     * Stops the loop (within {@link #POLL_MILLIS}, or at once when the owner closes the link) and
     * forgets the keys. Sends no close_notify: BouncyCastle's record layer belongs to the receive
     * thread, and the signalling channel tells the browser anyway.
     */
    void close() {
        closed = true;
        SrtpSession session = srtp;
        if (session != null) {
            session.close();
        }
    }

    private static String describe(Throwable e) {
        if (e instanceof TlsTimeoutException) {
            return "timed out";
        }
        if (e instanceof TlsFatalAlertReceived) {
            return "the peer sent alert "
                    + AlertDescription.getText(((TlsFatalAlertReceived) e).getAlertDescription());
        }
        if (e instanceof TlsFatalAlert) {
            return "alert " + AlertDescription.getText(((TlsFatalAlert) e).getAlertDescription());
        }
        return String.valueOf(e.getMessage());
    }
}
