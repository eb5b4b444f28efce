package org.parley.media.transport;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcECContentSignerBuilder;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * A self-signed ECDSA P-256 certificate for DTLS. WebRTC authenticates it by the fingerprint in
 * the SDP, not by a chain or its dates, so one is created per node at boot and shared by every
 * endpoint (key generation and signing cost milliseconds we do not want on a join).
 */
final class DtlsCertificate {

    private static final Duration VALIDITY = Duration.ofDays(365);

    private final AsymmetricKeyParameter privateKey;
    private final byte[] der;
    private final Fingerprint fingerprint;

    private DtlsCertificate(AsymmetricKeyParameter privateKey, byte[] der) {
        this.privateKey = privateKey;
        this.der = der;
        this.fingerprint = Fingerprint.of(Fingerprint.SHA_256, der);
    }

    static DtlsCertificate generate(String commonName, Clock clock, SecureRandom random) {
        X9ECParameters curve = ECNamedCurveTable.getByName("P-256");
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(
                new ECNamedDomainParameters(SECObjectIdentifiers.secp256r1, curve), random));
        AsymmetricCipherKeyPair keyPair = generator.generateKeyPair();

        Instant now = clock.instant();
        X500Name name = new X500Name("CN=" + commonName);
        try {
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(
                    name,
                    new BigInteger(63, random).add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(VALIDITY)),
                    name,
                    SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(keyPair.getPublic()));
            AlgorithmIdentifier signature =
                    new DefaultSignatureAlgorithmIdentifierFinder().find("SHA256withECDSA");
            AlgorithmIdentifier digest = new DefaultDigestAlgorithmIdentifierFinder().find(signature);
            byte[] der = builder.build(new BcECContentSignerBuilder(signature, digest)
                    .build(keyPair.getPrivate())).getEncoded();
            return new DtlsCertificate(keyPair.getPrivate(), der);
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException("could not create the DTLS certificate", e);
        }
    }

    Fingerprint fingerprint() {
        return fingerprint;
    }

    byte[] der() {
        return der.clone();
    }

    Certificate tlsCertificate(BcTlsCrypto crypto) throws IOException {
        return new Certificate(new TlsCertificate[] {crypto.createCertificate(der)});
    }

    /** Signs the handshake with this key, as ecdsa_secp256r1_sha256 (every browser offers it). */
    BcDefaultTlsCredentialedSigner signer(TlsContext context, BcTlsCrypto crypto) throws IOException {
        return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, privateKey,
                tlsCertificate(crypto),
                SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
    }
}
