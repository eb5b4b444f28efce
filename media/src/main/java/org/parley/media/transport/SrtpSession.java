package org.parley.media.transport;

import java.security.GeneralSecurityException;
import java.util.function.IntFunction;
import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.utils.logging2.Logger;
import org.jitsi.utils.logging2.LoggerImpl;

/**
 * SRTP and SRTCP for one endpoint, both directions, with one jitsi-srtp context per SSRC.
 *
 * <p>Receive methods are called by the endpoint's receive thread only; send methods by any
 * number of threads (jitsi-srtp contexts serialize per SSRC). Packets are transformed in place in
 * a {@link PacketBuffer}; nothing is allocated per packet once a stream's context exists.
 */
final class SrtpSession implements AutoCloseable {

    /** Per direction and per kind: a bound against a peer inventing SSRCs. */
    static final int MAX_STREAMS = 512;

    private static final Logger LOGGER = new LoggerImpl(SrtpSession.class.getName());

    private final SrtpProfile profile;
    private final SrtpContextFactory receiveFactory;
    private final SrtpContextFactory sendFactory;
    private final SsrcMap<SrtpCryptoContext> rtpIn = new SsrcMap<>(MAX_STREAMS);
    private final SsrcMap<SrtcpCryptoContext> rtcpIn = new SsrcMap<>(MAX_STREAMS);
    private final SsrcMap<SrtpCryptoContext> rtpOut = new SsrcMap<>(MAX_STREAMS);
    private final SsrcMap<SrtcpCryptoContext> rtcpOut = new SsrcMap<>(MAX_STREAMS);
    // Created once: a method reference written at the call site would allocate per packet.
    private final IntFunction<SrtpCryptoContext> newSendContext = this::newSendContext;
    private final IntFunction<SrtcpCryptoContext> newSendControlContext = this::newSendControlContext;

    private SrtpSession(SrtpProfile profile, byte[] receiveKey, byte[] receiveSalt, byte[] sendKey,
            byte[] sendSalt) {
        this.profile = profile;
        this.receiveFactory = new SrtpContextFactory(false, receiveKey, receiveSalt,
                profile.newPolicy(), profile.newPolicy(), LOGGER);
        this.sendFactory = new SrtpContextFactory(true, sendKey, sendSalt,
                profile.newPolicy(), profile.newPolicy(), LOGGER);
    }

    /** The DTLS server's session: decrypts with the client's keys, encrypts with its own. */
    static SrtpSession forServer(SrtpKeys keys) {
        return new SrtpSession(keys.profile(), keys.clientKey(), keys.clientSalt(),
                keys.serverKey(), keys.serverSalt());
    }

    /** The DTLS client's session (the browser's side; used by tests and the warm-up). */
    static SrtpSession forClient(SrtpKeys keys) {
        return new SrtpSession(keys.profile(), keys.serverKey(), keys.serverSalt(),
                keys.clientKey(), keys.clientSalt());
    }

    SrtpProfile profile() {
        return profile;
    }

    /** Authenticates and decrypts an SRTP packet in place. */
    boolean unprotectRtp(PacketBuffer packet) {
        try {
            int ssrc = readInt(packet, 8);
            SrtpCryptoContext context = rtpIn.get(ssrc);
            if (context != null) {
                return context.reverseTransformPacket(packet, false) == SrtpErrorStatus.OK;
            }
            // A new stream: keep its context only once a packet authenticates, so garbage with
            // invented SSRCs cannot fill the map.
            context = receiveFactory.deriveContext(ssrc, 0);
            if (context.reverseTransformPacket(packet, false) != SrtpErrorStatus.OK) {
                return false;
            }
            return rtpIn.putIfAbsent(ssrc, context) != null;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** Authenticates and decrypts an SRTCP packet in place (index and tag are removed). */
    boolean unprotectRtcp(PacketBuffer packet) {
        try {
            int ssrc = readInt(packet, 4);
            SrtcpCryptoContext context = rtcpIn.get(ssrc);
            if (context != null) {
                return context.reverseTransformPacket(packet) == SrtpErrorStatus.OK;
            }
            context = receiveFactory.deriveControlContext(ssrc);
            if (context.reverseTransformPacket(packet) != SrtpErrorStatus.OK) {
                return false;
            }
            return rtcpIn.putIfAbsent(ssrc, context) != null;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** Encrypts an RTP packet in place and appends its tag. */
    boolean protectRtp(PacketBuffer packet) {
        try {
            SrtpCryptoContext context = rtpOut.getOrCreate(readInt(packet, 8), newSendContext);
            return context != null && context.transformPacket(packet) == SrtpErrorStatus.OK;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** Encrypts an RTCP compound packet in place and appends the SRTCP index and tag. */
    boolean protectRtcp(PacketBuffer packet) {
        try {
            SrtcpCryptoContext context = rtcpOut.getOrCreate(readInt(packet, 4), newSendControlContext);
            return context != null && context.transformPacket(packet) == SrtpErrorStatus.OK;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private SrtpCryptoContext newSendContext(int ssrc) {
        try {
            return sendFactory.deriveContext(ssrc, 0);
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    private SrtcpCryptoContext newSendControlContext(int ssrc) {
        try {
            return sendFactory.deriveControlContext(ssrc);
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    private static int readInt(PacketBuffer p, int at) {
        byte[] b = p.getBuffer();
        int i = p.getOffset() + at;
        return ((b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8)
                | (b[i + 3] & 0xFF);
    }

    @Override
    public void close() {
        receiveFactory.close();
        sendFactory.close();
    }
}
