package org.parley.media.transport;

import org.bouncycastle.tls.SRTPProtectionProfile;

/**
 * The DTLS-SRTP protection profiles we negotiate, in our order of preference: the DTLS server
 * picks the first of these that the client offers, whatever the client's order.
 */
enum SrtpProfile {
    /**
     * RFC 5764: AES-128 counter mode, 14-byte salt, HMAC-SHA1 tag of 80 bits. First: in Java it is
     * the cheaper of the two (AES and SHA-1 are CPU intrinsics; GHASH has none reachable without
     * allocating per packet), measured in docs/benchmarks.md, and every WebRTC browser offers it.
     */
    AES128_CM_HMAC_SHA1_80(SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80, 14, 20, 10, 10),
    /** RFC 7714: AES-128-GCM, 12-byte salt, 16-byte tag, no separate authentication. */
    AEAD_AES_128_GCM(SRTPProtectionProfile.SRTP_AEAD_AES_128_GCM, 12, 0, 16, 16),
    /**
     * RFC 5764: counter mode as AES128_CM_HMAC_SHA1_80 with a 32-bit tag on SRTP. SRTCP keeps an
     * 80-bit tag, as libsrtp-based peers do for this profile (RFC 3711 section 7.5 warns against
     * short SRTCP tags). Last: browsers offer it rarely, if at all.
     */
    AES128_CM_HMAC_SHA1_32(SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_32, 14, 20, 4, 10);

    private static final int KEY_LENGTH = 16;

    private final int id;
    private final int saltLength;
    private final int authKeyLength;
    private final int rtpTagLength;
    private final int rtcpTagLength;

    SrtpProfile(int id, int saltLength, int authKeyLength, int rtpTagLength, int rtcpTagLength) {
        this.id = id;
        this.saltLength = saltLength;
        this.authKeyLength = authKeyLength;
        this.rtpTagLength = rtpTagLength;
        this.rtcpTagLength = rtcpTagLength;
    }

    /** The use_srtp protection profile number (RFC 5764 section 4.1.2). */
    int id() {
        return id;
    }

    int keyLength() {
        return KEY_LENGTH;
    }

    int saltLength() {
        return saltLength;
    }

    /** HMAC-SHA1 session key length; 0 for the AEAD profile. */
    int authKeyLength() {
        return authKeyLength;
    }

    int rtpTagLength() {
        return rtpTagLength;
    }

    int rtcpTagLength() {
        return rtcpTagLength;
    }

    boolean isAead() {
        return authKeyLength == 0;
    }

    /** How much keying material DTLS must export: a key and a salt for each side. */
    int keyingMaterialLength() {
        return 2 * (KEY_LENGTH + saltLength);
    }

    static SrtpProfile byId(int id) {
        for (SrtpProfile p : values()) {
            if (p.id == id) {
                return p;
            }
        }
        return null;
    }

    static int[] ids() {
        SrtpProfile[] all = values();
        int[] ids = new int[all.length];
        for (int i = 0; i < all.length; i++) {
            ids[i] = all[i].id;
        }
        return ids;
    }
}
