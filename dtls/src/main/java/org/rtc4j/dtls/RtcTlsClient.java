package org.rtc4j.dtls;

import java.io.IOException;
import java.util.Hashtable;
import java.util.List;
import java.util.Vector;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;

/** BouncyCastle TLS client configured for WebRTC; see {@link DtlsConfig} for the fixed choices. */
final class RtcTlsClient extends DefaultTlsClient {
    private final PeerSupport support;

    RtcTlsClient(PeerSupport support) {
        super(PeerSupport.CRYPTO);
        this.support = support;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return TlsUtils.getSupportedCipherSuites(getCrypto(), CipherSuites.ALL);
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected Vector getSupportedGroups(Vector namedGroupRoles) {
        return PeerSupport.groupsVector();
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Hashtable getClientExtensions() throws IOException {
        Hashtable ext = PeerSupport.mutable(super.getClientExtensions());
        List<SrtpProfile> profiles = support.config.srtpProfiles();
        if (!profiles.isEmpty()) {
            int[] ids = profiles.stream().mapToInt(SrtpProfile::id).toArray();
            TlsSRTPUtils.addUseSRTPExtension(ext, new UseSRTPData(ids, TlsUtils.EMPTY_BYTES));
        }
        return ext;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        UseSRTPData srtp = serverExtensions == null ? null : TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
        if (srtp == null) {
            support.srtpProfile = null;
            return;
        }
        int[] chosen = srtp.getProtectionProfiles();
        // RFC 5764 4.1.1: the server picks exactly one of the offered profiles.
        if (chosen == null || chosen.length != 1) {
            throw new TlsFatalAlert(AlertDescription.illegal_parameter, "server must choose one SRTP profile");
        }
        SrtpProfile p = SrtpProfile.fromId(chosen[0]).orElse(null);
        if (p == null || !support.config.srtpProfiles().contains(p)) {
            throw new TlsFatalAlert(AlertDescription.illegal_parameter,
                    String.format("server chose SRTP profile 0x%04X that we did not offer", chosen[0]));
        }
        support.srtpProfile = p;
    }

    @Override
    public void notifySelectedCipherSuite(int selectedCipherSuite) {
        super.notifySelectedCipherSuite(selectedCipherSuite);
        support.selectedSuite = selectedCipherSuite;
    }

    @Override
    public boolean requiresExtendedMasterSecret() {
        return true;
    }

    @Override
    public boolean shouldCheckSigAlgOfPeerCerts() {
        // The certificate is pinned by its SDP fingerprint; how it was self-signed does not matter.
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
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                support.verifyPeer(serverCertificate == null ? null : serverCertificate.getCertificate());
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                return support.signer(context, request.getSupportedSignatureAlgorithms());
            }
        };
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
