package org.rtc4j.dtls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.TlsAEADCipher;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The crypto under every endpoint, chosen for speed (measured on JDK 17):
 * <ul>
 * <li>Handshake asymmetric work (ECDSA P-256 sign/verify, X25519, P-256/P-384 ECDH) and the PRF
 * use BouncyCastle's lightweight API: its P-256 code is 5-8x faster than JDK 17's SunEC
 * (~0.2 ms vs ~1-1.7 ms per sign or verify), which is most of a handshake's cost.</li>
 * <li>AES-GCM records use the JDK's {@code AES/GCM/NoPadding} (AES-NI and GHASH intrinsics),
 * which carries all the application data afterwards.</li>
 * <li>ChaCha20-Poly1305 comes from BouncyCastle's lightweight engine.</li>
 * </ul>
 */
final class RtcTlsCrypto extends BcTlsCrypto {
    RtcTlsCrypto() {
        super(new SecureRandom());
    }

    @Override
    protected TlsAEADCipher createCipher_AES_GCM(TlsCryptoParameters params, int keySize, int macSize)
            throws IOException {
        try {
            return new TlsAEADCipher(params,
                    new JdkGcmCipher(keySize, true), new JdkGcmCipher(keySize, false),
                    keySize, macSize, TlsAEADCipher.AEAD_GCM);
        } catch (GeneralSecurityException e) {
            throw new TlsFatalAlert(AlertDescription.internal_error, "JDK AES-GCM unavailable", e);
        }
    }
}
