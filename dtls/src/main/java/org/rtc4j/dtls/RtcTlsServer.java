package org.rtc4j.dtls;

import java.io.IOException;
import java.util.Hashtable;
import java.util.Vector;

import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;

/** BouncyCastle TLS server configured for WebRTC; it always requires and pins the client certificate. */
final class RtcTlsServer extends DefaultTlsServer {
    private final PeerSupport support;

    RtcTlsServer(PeerSupport support) {
        super(PeerSupport.CRYPTO);
        this.support = support;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return TlsUtils.getSupportedCipherSuites(getCrypto(),
                CipherSuites.forKeyType(support.config.certificate().getKeyType()));
    }

    @Override
    protected boolean preferLocalCipherSuites() {
        // Our order (AES-128-GCM first) decides, not the client's.
        return true;
    }

    @Override
    public int[] getSupportedGroups() {
        return PeerSupport.groupsVector().stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        support.srtpProfile = null;
        UseSRTPData offered = clientExtensions == null ? null : TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
        if (offered == null) {
            return;
        }
        // Our preference order wins; no common profile means no use_srtp in the answer (RFC 5764 4.1.1).
        for (SrtpProfile mine : support.config.srtpProfiles()) {
            for (int id : offered.getProtectionProfiles()) {
                if (id == mine.id()) {
                    support.srtpProfile = mine;
                    return;
                }
            }
        }
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Hashtable getServerExtensions() throws IOException {
        Hashtable ext = PeerSupport.mutable(super.getServerExtensions());
        SrtpProfile p = support.srtpProfile;
        if (p != null) {
            TlsSRTPUtils.addUseSRTPExtension(ext, new UseSRTPData(new int[] {p.id()}, TlsUtils.EMPTY_BYTES));
        }
        return ext;
    }

    @Override
    public CertificateRequest getCertificateRequest() {
        short[] types = {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign};
        Vector<?> sigAlgs = TlsUtils.getDefaultSupportedSignatureAlgorithms(context);
        return new CertificateRequest(types, sigAlgs, null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        support.verifyPeer(clientCertificate);
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
        return support.signer(context, context.getSecurityParametersHandshake().getClientSigAlgs());
    }

    @Override
    protected TlsCredentialedSigner getRSASignerCredentials() throws IOException {
        return support.signer(context, context.getSecurityParametersHandshake().getClientSigAlgs());
    }

    @Override
    public int getSelectedCipherSuite() throws IOException {
        int suite = super.getSelectedCipherSuite();
        support.selectedSuite = suite;
        return suite;
    }

    @Override
    public boolean requiresExtendedMasterSecret() {
        return true;
    }

    @Override
    public boolean shouldCheckSigAlgOfPeerCerts() {
        return false;
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return (int) support.config.handshakeTimeout().toMillis();
    }

    @Override
    public int getHandshakeResendTimeMillis() {
        return (int) support.config.initialRetransmit().toMillis();
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        support.handshakeComplete(context);
    }

    @Override
    public void notifyAlertRaised(short alertLevel, short alertDescription, String message, Throwable cause) {
        support.alertRaised(alertLevel, alertDescription, message, cause);
    }

    @Override
    public void notifyAlertReceived(short alertLevel, short alertDescription) {
        support.alertReceived(alertLevel, alertDescription);
    }
}
