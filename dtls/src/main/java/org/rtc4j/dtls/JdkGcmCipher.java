package org.rtc4j.dtls;

import java.io.IOException;
import java.security.GeneralSecurityException;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.impl.TlsAEADCipherImpl;

/**
 * One direction of AES-GCM record protection on the JDK's {@code AES/GCM/NoPadding} (AES-NI and
 * GHASH intrinsics).
 *
 * <p>BouncyCastle's own JCA wrapper builds an {@code AlgorithmParameters} through a provider lookup
 * and an ASN.1 encoding for every record; that cost more than the AES-GCM itself for a 1.2 KB
 * record. Here a record costs one {@code Cipher.init} with a {@link GCMParameterSpec}, the AAD and
 * one {@code doFinal}. A record that fails authentication raises {@code bad_record_mac}, which
 * BouncyCastle's DTLS record layer turns into "discard this record" (RFC 6347 4.1.2.1).
 */
final class JdkGcmCipher implements TlsAEADCipherImpl {
    private final Cipher cipher;
    private final int mode;
    private final int keySize;
    private SecretKeySpec key;
    private byte[] nonce;
    private int tagBits;

    JdkGcmCipher(int keySize, boolean encrypt) throws GeneralSecurityException {
        this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        this.mode = encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE;
        this.keySize = keySize;
    }

    @Override
    public void setKey(byte[] k, int off, int len) {
        if (len != keySize) {
            throw new IllegalStateException("AES-GCM key of " + len + " bytes, expected " + keySize);
        }
        this.key = new SecretKeySpec(k, off, len, "AES");
    }

    @Override
    public void init(byte[] nonce, int macSize) {
        // BouncyCastle builds a fresh nonce array per record, so keeping the reference is safe.
        this.nonce = nonce;
        this.tagBits = macSize * 8;
    }

    @Override
    public int getOutputSize(int inputLength) {
        int tag = tagBits / 8;
        return mode == Cipher.ENCRYPT_MODE ? inputLength + tag : Math.max(0, inputLength - tag);
    }

    @Override
    public int doFinal(byte[] additionalData, byte[] input, int inputOffset, int inputLength, byte[] output,
            int outputOffset) throws IOException {
        try {
            cipher.init(mode, key, new GCMParameterSpec(tagBits, nonce));
            if (additionalData != null && additionalData.length > 0) {
                cipher.updateAAD(additionalData);
            }
            return cipher.doFinal(input, inputOffset, inputLength, output, outputOffset);
        } catch (AEADBadTagException e) {
            throw new TlsFatalAlert(AlertDescription.bad_record_mac, e);
        } catch (GeneralSecurityException e) {
            throw new TlsFatalAlert(AlertDescription.internal_error, "AES-GCM record failed", e);
        }
    }
}
