package org.parley.media.transport;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Hashtable;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.DatagramTransport;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/** The browser's side of DTLS-SRTP, for tests: a BouncyCastle DTLS 1.2 client with a certificate. */
final class TestDtlsClient extends DefaultTlsClient {

    private final BcTlsCrypto crypto;
    private final DtlsCertificate certificate;
    private final Fingerprint expectedServer;
    private final SrtpProfile[] offered;
    private volatile SrtpProfile selected;
    private volatile SrtpKeys keys;

    TestDtlsClient(DtlsCertificate certificate, Fingerprint expectedServer, SrtpProfile... offered) {
        this(new BcTlsCrypto(new SecureRandom()), certificate, expectedServer, offered);
    }

    private TestDtlsClient(BcTlsCrypto crypto, DtlsCertificate certificate, Fingerprint expectedServer,
            SrtpProfile[] offered) {
        super(crypto);
        this.crypto = crypto;
        this.certificate = certificate;
        this.expectedServer = expectedServer;
        this.offered = offered;
    }

    static DtlsCertificate newCertificate() {
        return DtlsCertificate.generate("browser", Clock.systemUTC(), new SecureRandom());
    }

    /** Runs the handshake on the calling thread. */
    DTLSTransport connect(DatagramTransport transport) throws IOException {
        return new DTLSClientProtocol().connect(this, transport);
    }

    SrtpKeys keys() {
        return keys;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return new int[] {CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256};
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Hashtable getClientExtensions() throws IOException {
        Hashtable extensions = super.getClientExtensions();
        if (offered.length > 0) {
            int[] ids = new int[offered.length];
            for (int i = 0; i < offered.length; i++) {
                ids[i] = offered[i].id();
            }
            TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(ids, TlsUtils.EMPTY_BYTES));
        }
        return extensions;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        UseSRTPData data = TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
        selected = data == null ? null : SrtpProfile.byId(data.getProtectionProfiles()[0]);
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate)
                    throws IOException {
                byte[] der = serverCertificate.getCertificate().getCertificateAt(0).getEncoded();
                if (!expectedServer.matches(der)) {
                    throw new TlsFatalAlert(AlertDescription.bad_certificate);
                }
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                return certificate.signer(context, crypto);
            }
        };
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        if (selected != null) {
            keys = SrtpKeys.fromKeyingMaterial(selected, context.exportKeyingMaterial(
                    SrtpKeys.EXPORTER_LABEL, null, selected.keyingMaterialLength()));
        }
    }
}
