package org.parley.media.transport;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.srtp.SrtpPolicy;
import org.jitsi.srtp.crypto.Aes;
import org.jitsi.srtp.crypto.JitsiOpenSslProvider;
import org.jitsi.utils.ByteArrayBuffer;
import org.jitsi.utils.logging2.Logger;
import org.jitsi.utils.logging2.LoggerImpl;

/**
 * An independent SRTP peer for tests and the benchmark's simulated browsers: jitsi-srtp (test
 * scope only), keyed like {@link SrtpSession} from DTLS-SRTP keys. What Parley's own SRTP encrypts
 * must decrypt here and the other way round, for every profile. One context per SSRC and kind,
 * created on first use with ROC 0, as a browser starts a stream.
 */
final class JitsiSrtp {

    private static final Logger LOGGER = new LoggerImpl(JitsiSrtp.class.getName());

    static {
        // Left alone, jitsi-srtp benchmarks every AES provider on first use (seconds).
        Aes.setFactoryClassName(JitsiOpenSslProvider.isLoaded() ? "OpenSSL" : "SunJCE");
    }

    private final SrtpContextFactory receiveFactory;
    private final SrtpContextFactory sendFactory;
    private final java.util.Map<Integer, SrtpCryptoContext> rtpIn = new java.util.HashMap<>();
    private final java.util.Map<Integer, SrtcpCryptoContext> rtcpIn = new java.util.HashMap<>();
    private final java.util.Map<Integer, SrtpCryptoContext> rtpOut = new java.util.HashMap<>();
    private final java.util.Map<Integer, SrtcpCryptoContext> rtcpOut = new java.util.HashMap<>();

    private JitsiSrtp(SrtpProfile profile, byte[] receiveKey, byte[] receiveSalt, byte[] sendKey,
            byte[] sendSalt) {
        this.receiveFactory = new SrtpContextFactory(false, receiveKey, receiveSalt,
                policy(profile, false), policy(profile, true), LOGGER);
        this.sendFactory = new SrtpContextFactory(true, sendKey, sendSalt,
                policy(profile, false), policy(profile, true), LOGGER);
    }

    static JitsiSrtp forServer(SrtpKeys keys) {
        return new JitsiSrtp(keys.profile(), keys.clientKey(), keys.clientSalt(),
                keys.serverKey(), keys.serverSalt());
    }

    static JitsiSrtp forClient(SrtpKeys keys) {
        return new JitsiSrtp(keys.profile(), keys.serverKey(), keys.serverSalt(),
                keys.clientKey(), keys.clientSalt());
    }

    /** The AES implementation jitsi-srtp was pinned to. */
    static String aesFactory() {
        return JitsiOpenSslProvider.isLoaded() ? "OpenSSL" : "SunJCE";
    }

    private static SrtpPolicy policy(SrtpProfile profile, boolean rtcp) {
        SrtpPolicy policy = profile.isAead()
                ? new SrtpPolicy(SrtpPolicy.AESGCM_ENCRYPTION, profile.keyLength(),
                        SrtpPolicy.NULL_AUTHENTICATION, 0, 16, profile.saltLength())
                : new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, profile.keyLength(),
                        SrtpPolicy.HMACSHA1_AUTHENTICATION, profile.authKeyLength(),
                        rtcp ? profile.rtcpTagLength() : profile.rtpTagLength(), profile.saltLength());
        policy.setSendReplayEnabled(false);
        return policy;
    }

    /** The packet on the wire, or an AssertionError if jitsi-srtp refuses to protect it. */
    synchronized byte[] protect(byte[] plain, boolean rtcp) {
        Buffer packet = new Buffer(plain);
        int ssrc = readInt(plain, rtcp ? 4 : 8);
        try {
            SrtpErrorStatus status = rtcp
                    ? rtcpOut.computeIfAbsent(ssrc, s -> deriveControlContext(sendFactory, s)).transformPacket(packet)
                    : rtpOut.computeIfAbsent(ssrc, s -> deriveContext(sendFactory, s)).transformPacket(packet);
            if (status != SrtpErrorStatus.OK) {
                throw new AssertionError("jitsi-srtp refused to protect: " + status);
            }
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
        return packet.bytes();
    }

    /** The plain packet, or null if jitsi-srtp does not accept it. */
    synchronized byte[] unprotect(byte[] wire, boolean rtcp) {
        if (wire.length < (rtcp ? 8 : 12)) {
            return null;
        }
        Buffer packet = new Buffer(wire);
        int ssrc = readInt(wire, rtcp ? 4 : 8);
        try {
            SrtpErrorStatus status = rtcp
                    ? rtcpIn.computeIfAbsent(ssrc, s -> deriveControlContext(receiveFactory, s))
                            .reverseTransformPacket(packet)
                    : rtpIn.computeIfAbsent(ssrc, s -> deriveContext(receiveFactory, s))
                            .reverseTransformPacket(packet, false);
            return status == SrtpErrorStatus.OK ? packet.bytes() : null;
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    private static SrtpCryptoContext deriveContext(SrtpContextFactory factory, int ssrc) {
        try {
            return factory.deriveContext(ssrc, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SrtcpCryptoContext deriveControlContext(SrtpContextFactory factory, int ssrc) {
        try {
            return factory.deriveControlContext(ssrc);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8)
                | (b[at + 3] & 0xFF);
    }

    /** jitsi-srtp's in-place buffer over a copy of the packet, with room for its trailer. */
    private static final class Buffer implements ByteArrayBuffer {
        private final byte[] buffer;
        private int offset;
        private int length;

        Buffer(byte[] packet) {
            buffer = Arrays.copyOf(packet, packet.length + PacketBuffer.MAX_TRAILER);
            length = packet.length;
        }

        byte[] bytes() {
            return Arrays.copyOfRange(buffer, offset, offset + length);
        }

        @Override
        public byte[] getBuffer() {
            return buffer;
        }

        @Override
        public int getOffset() {
            return offset;
        }

        @Override
        public int getLength() {
            return length;
        }

        @Override
        public void setLength(int len) {
            length = len;
        }

        @Override
        public void setOffset(int off) {
            offset = off;
        }

        @Override
        public boolean isInvalid() {
            return false;
        }

        @Override
        public void readRegionToBuff(int off, int len, byte[] outBuf) {
            System.arraycopy(buffer, offset + off, outBuf, 0, len);
        }

        @Override
        public void grow(int howMuch) {
            if (offset + length + howMuch > buffer.length) {
                throw new IllegalStateException("packet does not fit");
            }
        }

        @Override
        public void append(byte[] data, int len) {
            grow(len);
            System.arraycopy(data, 0, buffer, offset + length, len);
            length += len;
        }

        @Override
        public void shrink(int len) {
            length = Math.max(0, length - Math.max(0, len));
        }
    }
}
