package org.parley.media.transport;

import java.io.IOException;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.function.Consumer;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.AlertLevel;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The DTLS 1.2 server of one endpoint ({@code a=setup:passive}): the browser is always the DTLS
 * client, since current Chrome's DTLS 1.3 client still talks 1.2 to a 1.2-only server while a
 * 1.2-only client fails against it.
 *
 * <p>It insists on a client certificate whose fingerprint is the one signalled in the offer
 * (otherwise anyone who learned the ICE credentials could take the session), on extended master
 * secret, and on use_srtp with a profile we support. On completion it exports the SRTP keying
 * material and hands the keys over before the handshake call returns, so no early SRTP packet
 * meets an endpoint without keys. One instance per handshake; used by one thread.
 */
final class DtlsServer extends DefaultTlsServer {

    private static final int[] CIPHER_SUITES = {
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
    };

    private final BcTlsCrypto crypto;
    private final DtlsCertificate certificate;
    private final Fingerprint expectedClientFingerprint;
    private final int handshakeTimeoutMillis;
    private final Consumer<SrtpKeys> onKeys;

    private SrtpProfile profile;
    private String refusal;
    private volatile boolean peerClosed;

    DtlsServer(BcTlsCrypto crypto, DtlsCertificate certificate, Fingerprint expectedClientFingerprint,
            int handshakeTimeoutMillis, Consumer<SrtpKeys> onKeys) {
        super(crypto);
        this.crypto = crypto;
        this.certificate = certificate;
        this.expectedClientFingerprint = expectedClientFingerprint;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
        this.onKeys = onKeys;
    }

    /** Why we refused the handshake, if we did (null otherwise). */
    String refusal() {
        return refusal;
    }

    /** Whether the peer ended the session: close_notify or a fatal alert. */
    boolean peerClosed() {
        return peerClosed;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return CIPHER_SUITES.clone();
    }

    @Override
    public boolean requiresExtendedMasterSecret() {
        return true;
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return handshakeTimeoutMillis;
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
        return certificate.signer(context, crypto);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        UseSRTPData offered = TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
        if (offered == null) {
            throw refuse(AlertDescription.handshake_failure, "the client did not offer use_srtp");
        }
        for (SrtpProfile candidate : SrtpProfile.values()) {
            for (int id : offered.getProtectionProfiles()) {
                if (id == candidate.id()) {
                    profile = candidate;
                    return;
                }
            }
        }
        throw refuse(AlertDescription.handshake_failure,
                "the client offered no SRTP profile we support " + Arrays.toString(SrtpProfile.values()));
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Hashtable getServerExtensions() throws IOException {
        Hashtable extensions = super.getServerExtensions();
        TlsSRTPUtils.addUseSRTPExtension(extensions,
                new UseSRTPData(new int[] {profile.id()}, TlsUtils.EMPTY_BYTES));
        return extensions;
    }

    @Override
    public CertificateRequest getCertificateRequest() {
        return new CertificateRequest(
                new short[] {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign},
                TlsUtils.getDefaultSupportedSignatureAlgorithms(context),
                null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        if (clientCertificate == null || clientCertificate.isEmpty()) {
            throw refuse(AlertDescription.handshake_failure,
                    "the client sent no certificate to match a=fingerprint");
        }
        byte[] der = clientCertificate.getCertificateAt(0).getEncoded();
        if (!expectedClientFingerprint.matches(der)) {
            throw refuse(AlertDescription.bad_certificate,
                    "the client certificate does not match the signalled a=fingerprint");
        }
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        byte[] material = context.exportKeyingMaterial(SrtpKeys.EXPORTER_LABEL, null,
                profile.keyingMaterialLength());
        onKeys.accept(SrtpKeys.fromKeyingMaterial(profile, material));
    }

    @Override
    public void notifyAlertReceived(short alertLevel, short alertDescription) {
        if (alertDescription == AlertDescription.close_notify || alertLevel == AlertLevel.fatal) {
            peerClosed = true;
        }
    }

    private TlsFatalAlert refuse(short alert, String reason) {
        refusal = reason;
        return new TlsFatalAlert(alert, reason);
    }
}
