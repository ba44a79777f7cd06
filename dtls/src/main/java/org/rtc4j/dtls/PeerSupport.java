package org.rtc4j.dtls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Vector;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.AlertLevel;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the rtc4j TLS client and server share: credentials from an {@link RTCCertificate}, the
 * fingerprint check, SRTP keying export and alert bookkeeping. One instance per endpoint; written
 * by the handshake thread, read by the owner after the handshake (published through the endpoint's
 * lock) or on the owner thread afterwards.
 */
final class PeerSupport {
    private static final Logger LOG = LoggerFactory.getLogger(PeerSupport.class);

    /** Shared by all endpoints; thread-safe. */
    static final RtcTlsCrypto CRYPTO = new RtcTlsCrypto();

    static final int[] GROUPS = {NamedGroup.x25519, NamedGroup.secp256r1, NamedGroup.secp384r1};

    final DtlsConfig config;
    private final Certificate localChain;
    private final AsymmetricKeyParameter privateKey;

    /** Set when the peer's certificate failed the fingerprint check. */
    volatile DtlsFingerprintMismatchException mismatch;
    /** The fingerprint the peer's certificate matched. */
    volatile RTCDtlsFingerprint matchedFingerprint;
    volatile X509Certificate peerCertificate;
    /** The SRTP profile selected (server) or accepted (client); null if none. */
    volatile SrtpProfile srtpProfile;
    volatile SrtpKeyingMaterial srtpKeys;
    volatile String cipherSuite;
    /** The AES-GCM record keys once the handshake is done; null for other suites. */
    volatile GcmKeys gcmKeys;
    /** Last fatal alert the peer sent, or -1. */
    volatile short fatalAlertReceived = -1;
    /** Last fatal alert we raised, or -1, with BouncyCastle's message. */
    volatile short fatalAlertRaised = -1;
    volatile String fatalAlertRaisedMessage;
    volatile boolean closeNotifyReceived;
    /** The suite the handshake selected, as soon as known; -1 before. */
    volatile int selectedSuite = -1;

    PeerSupport(DtlsConfig config) {
        this.config = config;
        try {
            TlsCertificate cert = CRYPTO.createCertificate(config.certificate().encodedNoCopy());
            this.localChain = new Certificate(new TlsCertificate[] {cert});
            this.privateKey = PrivateKeyFactory.createKey(config.certificate().getPrivateKey().getEncoded());
        } catch (IOException e) {
            throw new IllegalArgumentException("certificate unusable for TLS", e);
        }
    }

    /** A mutable extension table: BouncyCastle may hand back null when there are none. */
    @SuppressWarnings("rawtypes")
    static java.util.Hashtable mutable(java.util.Hashtable ext) {
        return ext == null ? new java.util.Hashtable() : ext;
    }

    static Vector<Integer> groupsVector() {
        Vector<Integer> v = new Vector<>();
        for (int g : GROUPS) {
            if (CRYPTO.hasNamedGroup(g)) {
                v.add(g);
            }
        }
        return v;
    }

    /**
     * A signer for our certificate using a signature scheme the peer listed (PKCS#1 v1.5 before PSS
     * for RSA, since every DTLS 1.2 stack accepts it).
     */
    TlsCredentialedSigner signer(TlsContext context, Vector<?> peerSigAlgs) throws IOException {
        boolean rsa = config.certificate().getKeyType() == RTCCertificate.KeyType.RSA_2048;
        List<SignatureAndHashAlgorithm> candidates = rsa
                ? List.of(SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.rsa),
                        SignatureAndHashAlgorithm.rsa_pss_rsae_sha256,
                        SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha384, SignatureAlgorithm.rsa),
                        SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha512, SignatureAlgorithm.rsa))
                : List.of(SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa),
                        SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha384, SignatureAlgorithm.ecdsa),
                        SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha512, SignatureAlgorithm.ecdsa));
        SignatureAndHashAlgorithm chosen = null;
        if (peerSigAlgs == null) {
            chosen = candidates.get(0);
        } else {
            for (SignatureAndHashAlgorithm c : candidates) {
                if (peerSigAlgs.contains(c)) {
                    chosen = c;
                    break;
                }
            }
        }
        if (chosen == null) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure,
                    "peer accepts no signature scheme for our " + config.certificate().getKeyType() + " key");
        }
        return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), CRYPTO,
                privateKey, localChain, chosen);
    }

    /** Checks the peer's chain against the SDP fingerprints; aborts with bad_certificate if none match. */
    void verifyPeer(Certificate chain) throws IOException {
        List<RTCDtlsFingerprint> expected = config.remoteFingerprints();
        if (chain == null || chain.isEmpty()) {
            mismatch = new DtlsFingerprintMismatchException(null, expected);
            throw new TlsFatalAlert(AlertDescription.bad_certificate, mismatch.getMessage());
        }
        byte[] der = chain.getCertificateAt(0).getEncoded();
        for (RTCDtlsFingerprint f : expected) {
            if (f.matches(der)) {
                try {
                    peerCertificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                            .generateCertificate(new ByteArrayInputStream(der));
                } catch (CertificateException e) {
                    throw new TlsFatalAlert(AlertDescription.bad_certificate, "unparseable peer certificate", e);
                }
                matchedFingerprint = f;
                return;
            }
        }
        mismatch = new DtlsFingerprintMismatchException(
                RTCDtlsFingerprint.of(expected.get(0).getAlgorithm(), der), expected);
        throw new TlsFatalAlert(AlertDescription.bad_certificate, mismatch.getMessage());
    }

    /**
     * Smallest encrypted record the selected suite can produce: ChaCha20-Poly1305 has only its
     * 16-byte tag, AES-GCM adds an 8-byte explicit nonce (RFC 5288).
     */
    int minCiphertextLength() {
        int suite = selectedSuite;
        if (suite < 0 || suite == org.bouncycastle.tls.CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256
                || suite == org.bouncycastle.tls.CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256) {
            return 16;
        }
        return 24;
    }

    /** Records what the handshake produced; runs on the handshake thread in notifyHandshakeComplete. */
    void handshakeComplete(TlsContext context) throws IOException {
        cipherSuite = CipherSuites.name(context.getSecurityParametersConnection().getCipherSuite());
        if (!context.getSecurityParametersConnection().isExtendedMasterSecret()) {
            // BouncyCastle enforces this already (requiresExtendedMasterSecret); belt and braces.
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "extended master secret not negotiated");
        }
        if (peerCertificate == null) {
            throw new TlsFatalAlert(AlertDescription.bad_certificate, "peer certificate was never checked");
        }
        gcmKeys = GcmKeys.forConnection(context);
        SrtpProfile p = srtpProfile;
        if (p != null) {
            byte[] exported = context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null, p.keyingMaterialLength());
            srtpKeys = SrtpKeyingMaterial.split(p, exported);
        }
    }

    void alertRaised(short level, short description, String message, Throwable cause) {
        if (level == AlertLevel.fatal) {
            fatalAlertRaised = description;
            fatalAlertRaisedMessage = message;
            LOG.debug("raised fatal alert {}: {}", AlertDescription.getText(description), message, cause);
        }
    }

    void alertReceived(short level, short description) {
        if (description == AlertDescription.close_notify) {
            closeNotifyReceived = true;
        }
        if (level == AlertLevel.fatal) {
            fatalAlertReceived = description;
        }
        LOG.debug("received {} alert {}", level == AlertLevel.fatal ? "fatal" : "warning",
                AlertDescription.getText(description));
    }
}
