package org.rtc4j.dtls;

import java.io.IOException;
import java.security.SecureRandom;

import org.bouncycastle.jcajce.util.DefaultJcaJceHelper;
import org.bouncycastle.tls.EncryptionAlgorithm;
import org.bouncycastle.tls.crypto.TlsCipher;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.TlsAEADCipher;
import org.bouncycastle.tls.crypto.impl.bc.BcChaCha20Poly1305;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

/**
 * JCA crypto over the JDK providers (AES-GCM with AES-NI, SunEC for X25519/P-256/ECDSA), plus
 * ChaCha20-Poly1305 from BouncyCastle's lightweight API: the JDK names that cipher differently
 * from what BouncyCastle's JCA path asks for, so without this the suite would silently vanish.
 */
final class RtcTlsCrypto extends JcaTlsCrypto {
    RtcTlsCrypto() {
        super(new DefaultJcaJceHelper(), new SecureRandom(), new SecureRandom());
    }

    @Override
    public boolean hasEncryptionAlgorithm(int encryptionAlgorithm) {
        return encryptionAlgorithm == EncryptionAlgorithm.CHACHA20_POLY1305
                || super.hasEncryptionAlgorithm(encryptionAlgorithm);
    }

    @Override
    public TlsCipher createCipher(TlsCryptoParameters params, int encryptionAlgorithm, int macAlgorithm)
            throws IOException {
        if (encryptionAlgorithm == EncryptionAlgorithm.CHACHA20_POLY1305) {
            return new TlsAEADCipher(params, new BcChaCha20Poly1305(true), new BcChaCha20Poly1305(false),
                    32, 16, TlsAEADCipher.AEAD_CHACHA20_POLY1305);
        }
        return super.createCipher(params, encryptionAlgorithm, macAlgorithm);
    }
}
