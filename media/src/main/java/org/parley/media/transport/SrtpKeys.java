package org.parley.media.transport;

import java.util.Arrays;

/**
 * The SRTP master keys and salts of both directions, cut from the DTLS exporter output
 * (RFC 5764 section 4.2): client key | server key | client salt | server salt. The DTLS client
 * (the browser) encrypts with the client half, the server (we) with the server half.
 */
final class SrtpKeys {

    static final String EXPORTER_LABEL = "EXTRACTOR-dtls_srtp";

    private final SrtpProfile profile;
    private final byte[] clientKey;
    private final byte[] serverKey;
    private final byte[] clientSalt;
    private final byte[] serverSalt;

    private SrtpKeys(SrtpProfile profile, byte[] clientKey, byte[] serverKey, byte[] clientSalt,
            byte[] serverSalt) {
        this.profile = profile;
        this.clientKey = clientKey;
        this.serverKey = serverKey;
        this.clientSalt = clientSalt;
        this.serverSalt = serverSalt;
    }

    static SrtpKeys fromKeyingMaterial(SrtpProfile profile, byte[] material) {
        if (material.length != profile.keyingMaterialLength()) {
            throw new IllegalArgumentException("expected " + profile.keyingMaterialLength()
                    + " bytes of keying material, got " + material.length);
        }
        int k = profile.keyLength();
        int s = profile.saltLength();
        return new SrtpKeys(profile,
                Arrays.copyOfRange(material, 0, k),
                Arrays.copyOfRange(material, k, 2 * k),
                Arrays.copyOfRange(material, 2 * k, 2 * k + s),
                Arrays.copyOfRange(material, 2 * k + s, 2 * k + 2 * s));
    }

    SrtpProfile profile() {
        return profile;
    }

    byte[] clientKey() {
        return clientKey.clone();
    }

    byte[] serverKey() {
        return serverKey.clone();
    }

    byte[] clientSalt() {
        return clientSalt.clone();
    }

    byte[] serverSalt() {
        return serverSalt.clone();
    }

    /** Same profile and same bytes: both ends of a handshake derived the same keys. */
    boolean sameAs(SrtpKeys other) {
        return profile == other.profile
                && Arrays.equals(clientKey, other.clientKey)
                && Arrays.equals(serverKey, other.serverKey)
                && Arrays.equals(clientSalt, other.clientSalt)
                && Arrays.equals(serverSalt, other.serverSalt);
    }

    @Override
    public String toString() {
        return "SrtpKeys[" + profile + "]";
    }
}
