package org.parley.media.transport;

import org.bouncycastle.tls.SRTPProtectionProfile;
import org.jitsi.srtp.SrtpPolicy;

/** The DTLS-SRTP protection profiles we negotiate, in our order of preference. */
enum SrtpProfile {
    /** RFC 7714: AES-128-GCM, 12-byte salt, 16-byte tag, no separate authentication. */
    AEAD_AES_128_GCM(SRTPProtectionProfile.SRTP_AEAD_AES_128_GCM, 16, 12),
    /** RFC 5764: AES-128 counter mode, 14-byte salt, HMAC-SHA1 tag of 80 bits. */
    AES128_CM_HMAC_SHA1_80(SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80, 16, 14);

    private final int id;
    private final int keyLength;
    private final int saltLength;

    SrtpProfile(int id, int keyLength, int saltLength) {
        this.id = id;
        this.keyLength = keyLength;
        this.saltLength = saltLength;
    }

    /** The use_srtp protection profile number (RFC 5764 section 4.1.2). */
    int id() {
        return id;
    }

    int keyLength() {
        return keyLength;
    }

    int saltLength() {
        return saltLength;
    }

    /** How much keying material DTLS must export: a key and a salt for each side. */
    int keyingMaterialLength() {
        return 2 * (keyLength + saltLength);
    }

    /** A fresh policy (jitsi-srtp's policies are mutable: one per context factory). */
    SrtpPolicy newPolicy() {
        SrtpPolicy policy = this == AEAD_AES_128_GCM
                ? new SrtpPolicy(SrtpPolicy.AESGCM_ENCRYPTION, keyLength,
                        SrtpPolicy.NULL_AUTHENTICATION, 0, 16, saltLength)
                : new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, keyLength,
                        SrtpPolicy.HMACSHA1_AUTHENTICATION, 20, 10, saltLength);
        // An SFU forwards late and repeated packets of its publishers: the send-side replay
        // check only guards jitsi-srtp's own consistency and would drop them.
        policy.setSendReplayEnabled(false);
        return policy;
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
