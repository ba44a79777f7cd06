package org.rtc4j.dtls;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed certificate and its private key, used as the local DTLS identity (the W3C
 * {@code RTCCertificate}). Its fingerprint goes into SDP; the peer checks the handshake against it.
 *
 * <p>Generate one per service and {@link #toPem() save} it to keep a stable fingerprint across
 * restarts. Keys are JDK key objects (no BouncyCastle provider is installed); ECDSA P-256 keys and
 * their self-signature are computed with BouncyCastle's lightweight API, several times faster than
 * JDK 17's SunEC ({@code P256Keys}).
 */
public final class RTCCertificate {
    /** Default validity of a generated certificate. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(30);

    /** Key algorithm of a certificate. */
    public enum KeyType {
        /** ECDSA on P-256 (what browsers generate by default). */
        ECDSA_P256,
        /** RSA with a 2048-bit modulus and public exponent 65537. */
        RSA_2048
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final X509Certificate certificate;
    private final PrivateKey privateKey;
    private final byte[] der;
    private final KeyType keyType;

    private RTCCertificate(X509Certificate certificate, PrivateKey privateKey) {
        this.certificate = certificate;
        this.privateKey = privateKey;
        try {
            this.der = certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
        this.keyType = keyTypeOf(certificate.getPublicKey());
    }

    /**
     * Generates an ECDSA P-256 certificate valid for {@link #DEFAULT_VALIDITY}.
     *
     * @return a new self-signed certificate with a fresh key pair
     * @throws IllegalStateException if the JDK cannot generate the key or signature
     */
    public static RTCCertificate generate() {
        return generate(KeyType.ECDSA_P256, DEFAULT_VALIDITY);
    }

    /**
     * Generates a certificate of the given key type valid for {@link #DEFAULT_VALIDITY}.
     *
     * @param keyType the key algorithm; anything but {@link KeyType#RSA_2048} gives ECDSA P-256
     * @return a new self-signed certificate with a fresh key pair
     * @throws IllegalStateException if the JDK cannot generate the key or signature
     */
    public static RTCCertificate generate(KeyType keyType) {
        return generate(keyType, DEFAULT_VALIDITY);
    }

    /**
     * Generates a certificate of the given key type valid from now for {@code validity}.
     *
     * @param keyType  the key algorithm; anything but {@link KeyType#RSA_2048} gives ECDSA P-256
     * @param validity how long after now the certificate stays valid; must be positive
     * @return a new self-signed certificate with a fresh key pair
     * @throws IllegalArgumentException if {@code validity} is zero or negative
     * @throws IllegalStateException    if the JDK cannot generate the key or signature
     */
    public static RTCCertificate generate(KeyType keyType, Duration validity) {
        return generate(keyType, validity, Instant.now());
    }

    /**
     * Generates a self-signed certificate with a random 64-bit serial and a random common name.
     * It is valid from one day before {@code now} (tolerates peers with a slow clock) until
     * {@code now + validity}.
     *
     * @param keyType  the key algorithm; anything but {@link KeyType#RSA_2048} gives ECDSA P-256
     * @param validity how long after {@code now} the certificate stays valid; must be positive
     * @param now      the issuing time
     * @return a new self-signed certificate with a fresh key pair
     * @throws IllegalArgumentException if {@code validity} is zero or negative
     * @throws IllegalStateException    if the JDK cannot generate the key or signature
     */
    public static RTCCertificate generate(KeyType keyType, Duration validity, Instant now) {
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity must be positive: " + validity);
        }
        try {
            KeyPair keyPair;
            String signatureAlgorithm;
            P256Keys.Generated generated = null;
            if (keyType == KeyType.RSA_2048) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4), RANDOM);
                keyPair = g.generateKeyPair();
                signatureAlgorithm = "SHA256withRSA";
            } else {
                generated = P256Keys.generate(RANDOM);
                keyPair = generated.jdk();
                signatureAlgorithm = "SHA256withECDSA";
            }
            byte[] serialBytes = new byte[8];
            RANDOM.nextBytes(serialBytes);
            BigInteger serial = new BigInteger(1, serialBytes).setBit(62); // positive, non-zero
            X500Name name = new X500Name("CN=rtc4j-" + Long.toHexString(RANDOM.nextLong() >>> 1));
            Date notBefore = Date.from(now.minus(Duration.ofDays(1)));
            Date notAfter = Date.from(now.plus(validity));
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    name, serial, notBefore, notAfter, name, keyPair.getPublic());
            ContentSigner signer = generated != null ? P256Keys.signer(generated.privateKey())
                    : new JcaContentSignerBuilder(signatureAlgorithm).build(keyPair.getPrivate());
            X509CertificateHolder holder = builder.build(signer);
            return new RTCCertificate(toX509(holder.getEncoded()), keyPair.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot generate " + keyType + " certificate", e);
        }
    }

    /**
     * Reads a certificate and its private key from PEM text holding a {@code CERTIFICATE} block and
     * a {@code PRIVATE KEY}, {@code EC PRIVATE KEY} or {@code RSA PRIVATE KEY} block, in any order
     * (what {@link #toPem()} writes, or what {@code openssl req -x509} produces). Only the first
     * certificate and the first key are used; the key must be ECDSA P-256 or RSA.
     *
     * @param pem the PEM text
     * @return the certificate with its private key
     * @throws IllegalArgumentException if a block is missing, unreadable, or the key does not belong
     *                                  to the certificate
     */
    public static RTCCertificate fromPem(String pem) {
        X509Certificate cert = null;
        PrivateKey key = null;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            Object o;
            while ((o = parser.readObject()) != null) {
                if (o instanceof X509CertificateHolder h && cert == null) {
                    cert = toX509(h.getEncoded());
                } else if (o instanceof PrivateKeyInfo info && key == null) {
                    key = converter.getPrivateKey(info);
                } else if (o instanceof PEMKeyPair kp && key == null) {
                    key = converter.getKeyPair(kp).getPrivate();
                }
            }
        } catch (IOException | CertificateException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable PEM: " + e.getMessage(), e);
        }
        if (cert == null || key == null) {
            throw new IllegalArgumentException("PEM needs a CERTIFICATE and a private key block");
        }
        RTCCertificate result = new RTCCertificate(cert, key);
        result.checkKeyMatches();
        return result;
    }

    /**
     * Reads {@link #fromPem(String)} from a file.
     *
     * @param file a US-ASCII PEM file, e.g. one written by {@link #save(Path)}
     * @return the certificate with its private key
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if its content is not acceptable to {@link #fromPem(String)}
     */
    public static RTCCertificate load(Path file) throws IOException {
        return fromPem(Files.readString(file, StandardCharsets.US_ASCII));
    }

    /**
     * The certificate followed by its PKCS#8 private key, both PEM. Keep the file private.
     *
     * @return {@link #certificatePem()} followed by {@link #privateKeyPem()}
     */
    public String toPem() {
        return certificatePem() + privateKeyPem();
    }

    /**
     * Only the {@code CERTIFICATE} PEM block.
     *
     * @return the DER certificate as a PEM block with 64-character lines, ending in a newline
     */
    public String certificatePem() {
        return pem("CERTIFICATE", der);
    }

    /**
     * Only the PKCS#8 {@code PRIVATE KEY} PEM block.
     *
     * @return the unencrypted private key as a PEM block, ending in a newline
     */
    public String privateKeyPem() {
        // Raw PKCS#8 (with the curve in the algorithm identifier), which OpenSSL and the JDK both read.
        return pem("PRIVATE KEY", privateKey.getEncoded());
    }

    /**
     * Writes {@link #toPem()} to a file (created or replaced). The file's permissions are left to
     * the platform default, so restrict them yourself.
     *
     * @param file where to write the PEM text, in US-ASCII
     * @throws IOException if the file cannot be written
     */
    public void save(Path file) throws IOException {
        Files.writeString(file, toPem(), StandardCharsets.US_ASCII);
    }

    /**
     * The W3C {@code expires}: the end of validity in milliseconds since the epoch.
     *
     * @return the certificate's notAfter time, in ms since 1970-01-01T00:00:00Z
     */
    public long getExpires() {
        return certificate.getNotAfter().getTime();
    }

    /**
     * The W3C {@code getFingerprints()}: the sha-256 fingerprint, as browsers report it.
     *
     * @return an unmodifiable one-element list with the sha-256 fingerprint
     */
    public List<RTCDtlsFingerprint> getFingerprints() {
        return List.of(getFingerprint("sha-256"));
    }

    /**
     * The fingerprint with any of sha-1, sha-224, sha-256, sha-384, sha-512.
     *
     * @param algorithm the hash name in SDP spelling, case-insensitive
     * @return the fingerprint of the DER certificate
     * @throws IllegalArgumentException if the algorithm is not one of those
     */
    public RTCDtlsFingerprint getFingerprint(String algorithm) {
        return RTCDtlsFingerprint.of(algorithm, der);
    }

    /**
     * The key algorithm.
     *
     * @return {@link KeyType#ECDSA_P256} or {@link KeyType#RSA_2048} (any RSA key loaded from PEM
     *     is reported as the latter, whatever its size)
     */
    public KeyType getKeyType() {
        return keyType;
    }

    /**
     * The certificate.
     *
     * @return the X.509 certificate, never null
     */
    public X509Certificate getX509Certificate() {
        return certificate;
    }

    /**
     * The private key; give it to nobody but the DTLS layer.
     *
     * @return the JDK private key matching the certificate's public key
     */
    public PrivateKey getPrivateKey() {
        return privateKey;
    }

    /**
     * DER encoding of the certificate (copy).
     *
     * @return a fresh copy of the DER bytes
     */
    public byte[] getEncoded() {
        return der.clone();
    }

    byte[] encodedNoCopy() {
        return der;
    }

    @Override
    public String toString() {
        return "RTCCertificate[" + keyType + ", " + getFingerprint("sha-256") + "]";
    }

    private void checkKeyMatches() {
        try {
            String alg = keyType == KeyType.RSA_2048 ? "SHA256withRSA" : "SHA256withECDSA";
            java.security.Signature s = java.security.Signature.getInstance(alg);
            s.initSign(privateKey);
            byte[] probe = "rtc4j".getBytes(StandardCharsets.US_ASCII);
            s.update(probe);
            byte[] sig = s.sign();
            s.initVerify(certificate.getPublicKey());
            s.update(probe);
            if (!s.verify(sig)) {
                throw new IllegalArgumentException("private key does not belong to the certificate");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("private key does not belong to the certificate", e);
        }
    }

    private static KeyType keyTypeOf(PublicKey key) {
        if (key instanceof RSAPublicKey) {
            return KeyType.RSA_2048;
        }
        if (key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256) {
            return KeyType.ECDSA_P256;
        }
        throw new IllegalArgumentException("only ECDSA P-256 and RSA certificates are supported, got "
                + key.getAlgorithm());
    }

    private static X509Certificate toX509(byte[] der) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(der));
    }

    private static String pem(String type, byte[] body) {
        String b64 = java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(body);
        return "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n";
    }
}
