package org.parley.media.transport;

import java.util.function.IntFunction;

/**
 * SRTP and SRTCP for one endpoint, both directions, with one stream context per SSRC (Parley's own
 * RFC 3711 / RFC 7714 implementation: see {@link SrtpStream}, {@link SrtcpStream},
 * {@link SrtpCipher}).
 *
 * <p>Receive methods are called by the endpoint's receive thread only; send methods by any
 * number of threads (each sending stream serializes on itself and owns its cipher buffers).
 * Packets are transformed in place in a {@link PacketBuffer}; nothing is allocated per packet
 * once a stream's context exists, and packets of unknown SSRCs that fail authentication allocate
 * nothing either (they are tried on one spare context).
 */
final class SrtpSession implements AutoCloseable {

    /** Per direction and per kind: a bound against a peer inventing SSRCs. */
    static final int MAX_STREAMS = 512;

    private final SrtpProfile profile;
    private final SrtpSessionKeys receiveKeys;
    private final SrtpSessionKeys sendKeys;
    private final SsrcMap<SrtpStream> rtpIn = new SsrcMap<>(MAX_STREAMS);
    private final SsrcMap<SrtcpStream> rtcpIn = new SsrcMap<>(MAX_STREAMS);
    private final SsrcMap<SrtpStream> rtpOut = new SsrcMap<>(MAX_STREAMS);
    private final SsrcMap<SrtcpStream> rtcpOut = new SsrcMap<>(MAX_STREAMS);
    // Created once: a method reference written at the call site would allocate per packet.
    private final IntFunction<SrtpStream> newSendStream;
    private final IntFunction<SrtcpStream> newSendControlStream;
    // Receive thread only: where a packet of a new SSRC is tried before its stream is kept.
    private SrtpStream spareRtpIn;
    private SrtcpStream spareRtcpIn;

    private SrtpSession(SrtpProfile profile, byte[] receiveKey, byte[] receiveSalt, byte[] sendKey,
            byte[] sendSalt) {
        this.profile = profile;
        this.receiveKeys = new SrtpSessionKeys(profile, receiveKey, receiveSalt);
        this.sendKeys = new SrtpSessionKeys(profile, sendKey, sendSalt);
        SrtpSessionKeys send = sendKeys;
        this.newSendStream = ssrc -> new SrtpStream(send.newRtpCipher());
        this.newSendControlStream = ssrc -> new SrtcpStream(send.newRtcpCipher());
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
        if (packet.getLength() < 12) {
            return false;
        }
        int ssrc = readInt(packet, 8);
        SrtpStream stream = rtpIn.get(ssrc);
        if (stream != null) {
            return stream.unprotect(packet);
        }
        // A new stream: keep its context only once a packet authenticates, so garbage with
        // invented SSRCs cannot fill the map.
        if (spareRtpIn == null) {
            spareRtpIn = new SrtpStream(receiveKeys.newRtpCipher());
        }
        spareRtpIn.resetReceiver();
        if (!spareRtpIn.unprotect(packet)) {
            return false;
        }
        if (rtpIn.putIfAbsent(ssrc, spareRtpIn) != spareRtpIn) {
            return false;
        }
        spareRtpIn = null;
        return true;
    }

    /** Authenticates and decrypts an SRTCP packet in place (index and tag are removed). */
    boolean unprotectRtcp(PacketBuffer packet) {
        if (packet.getLength() < 8) {
            return false;
        }
        int ssrc = readInt(packet, 4);
        SrtcpStream stream = rtcpIn.get(ssrc);
        if (stream != null) {
            return stream.unprotect(packet);
        }
        if (spareRtcpIn == null) {
            spareRtcpIn = new SrtcpStream(receiveKeys.newRtcpCipher());
        }
        spareRtcpIn.resetReceiver();
        if (!spareRtcpIn.unprotect(packet)) {
            return false;
        }
        if (rtcpIn.putIfAbsent(ssrc, spareRtcpIn) != spareRtcpIn) {
            return false;
        }
        spareRtcpIn = null;
        return true;
    }

    /** Encrypts an RTP packet in place and appends its tag. */
    boolean protectRtp(PacketBuffer packet) {
        if (packet.getLength() < 12) {
            return false;
        }
        SrtpStream stream = rtpOut.getOrCreate(readInt(packet, 8), newSendStream);
        return stream != null && stream.protect(packet);
    }

    /** Encrypts an RTCP compound packet in place and appends the SRTCP index and tag. */
    boolean protectRtcp(PacketBuffer packet) {
        if (packet.getLength() < 8) {
            return false;
        }
        SrtcpStream stream = rtcpOut.getOrCreate(readInt(packet, 4), newSendControlStream);
        return stream != null && stream.protect(packet);
    }

    private static int readInt(PacketBuffer p, int at) {
        return SrtpCipher.readInt(p.getBuffer(), p.getOffset() + at);
    }

    /** Nothing to release: keys and contexts are plain Java objects, left to the collector. */
    @Override
    public void close() {
    }
}
