package org.parley.media.transport;

/**
 * One direction's session keys, derived once from its master key and salt when the DTLS handshake
 * installs them (RFC 3711 section 4.3, key derivation rate 0: the same keys for every SSRC and
 * every packet), and the GHASH tables of the GCM profile. Immutable; shared by the streams of the
 * direction, each of which keys its own ciphers from it.
 */
final class SrtpSessionKeys {

    /** The keys of SRTP or of SRTCP. */
    record Keys(byte[] encryptionKey, byte[] salt, byte[] authKey) {
    }

    private final SrtpProfile profile;
    private final Keys rtp;
    private final Keys rtcp;
    private final GhashTable rtpTable;
    private final GhashTable rtcpTable;

    SrtpSessionKeys(SrtpProfile profile, byte[] masterKey, byte[] masterSalt) {
        this.profile = profile;
        int keyLength = profile.keyLength();
        int saltLength = profile.saltLength();
        int authLength = profile.authKeyLength();
        this.rtp = new Keys(
                SrtpKdf.derive(masterKey, masterSalt, SrtpKdf.LABEL_RTP_ENCRYPTION, keyLength),
                SrtpKdf.derive(masterKey, masterSalt, SrtpKdf.LABEL_RTP_SALT, saltLength),
                authLength == 0 ? null
                        : SrtpKdf.derive(masterKey, masterSalt, SrtpKdf.LABEL_RTP_AUTH, authLength));
        this.rtcp = new Keys(
                SrtpKdf.derive(masterKey, masterSalt, SrtpKdf.LABEL_RTCP_ENCRYPTION, keyLength),
                SrtpKdf.derive(masterKey, masterSalt, SrtpKdf.LABEL_RTCP_SALT, saltLength),
                authLength == 0 ? null
                        : SrtpKdf.derive(masterKey, masterSalt, SrtpKdf.LABEL_RTCP_AUTH, authLength));
        this.rtpTable = profile.isAead() ? GcmCipher.tableFor(rtp.encryptionKey()) : null;
        this.rtcpTable = profile.isAead() ? GcmCipher.tableFor(rtcp.encryptionKey()) : null;
    }

    /** A cipher for one new SRTP stream (allocates its buffers: once per stream). */
    SrtpCipher newRtpCipher() {
        return profile.isAead() ? new GcmCipher(rtp, rtpTable)
                : new CmHmacCipher(rtp, profile.rtpTagLength(), profile.rtcpTagLength());
    }

    /** A cipher for one new SRTCP stream. */
    SrtpCipher newRtcpCipher() {
        return profile.isAead() ? new GcmCipher(rtcp, rtcpTable)
                : new CmHmacCipher(rtcp, profile.rtpTagLength(), profile.rtcpTagLength());
    }
}
