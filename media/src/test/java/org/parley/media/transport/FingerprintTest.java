package org.parley.media.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    private static final byte[] DER = "not really a certificate".getBytes(StandardCharsets.US_ASCII);

    @Test
    void signalledFingerprintMatchesTheCertificateInAnyCaseAndSeparatorStyle() {
        String hex = Fingerprint.of("sha-256", DER).hex();

        assertTrue(hex.matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), hex);
        assertTrue(Fingerprint.parse("SHA-256", hex.toLowerCase()).matches(DER));
        assertTrue(Fingerprint.parse("sha-256", hex.replace(":", "")).matches(DER));
        assertFalse(Fingerprint.parse("sha-256", hex).matches("another".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(Fingerprint.parse("sha-1", Fingerprint.of("sha-1", DER).hex()).matches(DER));
    }

    @Test
    void malformedOrUnsupportedFingerprintsAreRejectedSayingWhy() {
        assertThrows(IllegalArgumentException.class, () -> Fingerprint.parse("md5", "AB:CD"));
        assertThrows(IllegalArgumentException.class, () -> Fingerprint.parse("sha-256", "AB:CD"));
        assertThrows(IllegalArgumentException.class, () -> Fingerprint.parse("sha-256", "ZZ".repeat(32)));
        assertThrows(IllegalArgumentException.class, () -> Fingerprint.parse("sha-256", "ABC"));
        assertThrows(IllegalArgumentException.class, () -> Fingerprint.parse(null, "AB"));
    }

    @Test
    void nodeCertificateIsEcdsaP256WithItsSha256Fingerprint() throws Exception {
        DtlsCertificate certificate = DtlsCertificate.generate("parley-sfu",
                java.time.Clock.systemUTC(), new java.security.SecureRandom());
        java.security.cert.X509Certificate x509 = (java.security.cert.X509Certificate)
                java.security.cert.CertificateFactory.getInstance("X.509")
                        .generateCertificate(new java.io.ByteArrayInputStream(certificate.der()));

        assertEquals("EC", x509.getPublicKey().getAlgorithm());
        assertEquals("SHA256withECDSA", x509.getSigAlgName());
        assertTrue(x509.getPublicKey().toString().contains("secp256r1")
                || x509.getPublicKey().toString().contains("1.2.840.10045.3.1.7"), x509.getPublicKey().toString());
        x509.verify(x509.getPublicKey());
        assertTrue(certificate.fingerprint().matches(x509.getEncoded()));
    }
}
