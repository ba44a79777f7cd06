package org.rtc4j.dtls;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;

import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcECContentSignerBuilder;

/**
 * ECDSA P-256 key pairs and certificate signatures on BouncyCastle's lightweight API, handed out
 * as ordinary JDK keys.
 *
 * <p>Why: every {@code RTCPeerConnection} without a configured certificate generates one. On JDK
 * 17, SunEC's key generation and signature took about 3 ms together on this project's machine,
 * on the caller's thread; BouncyCastle's P-256 (the same code the DTLS handshake uses) is several
 * times faster. The JDK key objects are built from the numbers, so everything downstream (PEM
 * export, {@code Signature}, the handshake) sees the same keys as before.
 */
final class P256Keys {
    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE);
    private static final ECParameterSpec JDK_SPEC = jdkSpec();
    private static final AlgorithmIdentifier SHA256_WITH_ECDSA =
            new DefaultSignatureAlgorithmIdentifierFinder().find("SHA256withECDSA");
    private static final AlgorithmIdentifier SHA256 =
            new DefaultDigestAlgorithmIdentifierFinder().find(SHA256_WITH_ECDSA);

    /** A new pair, with the lightweight private key for {@link #signer}. */
    record Generated(KeyPair jdk, ECPrivateKeyParameters privateKey) {
    }

    private P256Keys() {
    }

    static Generated generate(SecureRandom random) throws GeneralSecurityException {
        ECKeyPairGenerator g = new ECKeyPairGenerator();
        g.init(new ECKeyGenerationParameters(DOMAIN, random));
        AsymmetricCipherKeyPair kp = g.generateKeyPair();
        ECPrivateKeyParameters priv = (ECPrivateKeyParameters) kp.getPrivate();
        org.bouncycastle.math.ec.ECPoint q = ((ECPublicKeyParameters) kp.getPublic()).getQ().normalize();
        KeyFactory kf = KeyFactory.getInstance("EC");
        KeyPair jdk = new KeyPair(
                kf.generatePublic(new ECPublicKeySpec(new ECPoint(q.getAffineXCoord().toBigInteger(),
                        q.getAffineYCoord().toBigInteger()), JDK_SPEC)),
                kf.generatePrivate(new ECPrivateKeySpec(priv.getD(), JDK_SPEC)));
        return new Generated(jdk, priv);
    }

    /** Signs with SHA256withECDSA. */
    static ContentSigner signer(ECPrivateKeyParameters key) throws OperatorCreationException {
        return new BcECContentSignerBuilder(SHA256_WITH_ECDSA, SHA256).build(key);
    }

    private static ECParameterSpec jdkSpec() {
        try {
            AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
            p.init(new ECGenParameterSpec("secp256r1"));
            return p.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
