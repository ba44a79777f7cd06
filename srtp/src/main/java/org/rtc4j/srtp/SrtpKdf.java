package org.rtc4j.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-CM key derivation of RFC 3711 section 4.3 with a key derivation rate of 0, so session
 * keys depend only on the master key, master salt and label (one derivation per session).
 */
final class SrtpKdf {
    static final int LABEL_RTP_ENCRYPTION = 0;
    static final int LABEL_RTP_AUTH = 1;
    static final int LABEL_RTP_SALT = 2;
    static final int LABEL_RTCP_ENCRYPTION = 3;
    static final int LABEL_RTCP_AUTH = 4;
    static final int LABEL_RTCP_SALT = 5;

    private SrtpKdf() {
    }

    /**
     * {@code length} bytes of the PRF for {@code label}. The master salt sits left-aligned in the
     * 112-bit x of RFC 3711; a 96-bit GCM salt is padded with two zero bytes on the right, which
     * is what libsrtp (and so every browser) does for RFC 7714.
     */
    static byte[] derive(byte[] masterKey, byte[] masterSalt, int label, int length) {
        byte[] iv = new byte[16];
        System.arraycopy(masterSalt, 0, iv, 0, masterSalt.length);
        iv[7] ^= (byte) label;
        try {
            Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding");
            ctr.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(masterKey, "AES"), new IvParameterSpec(iv));
            return ctr.doFinal(new byte[length]);
        } catch (GeneralSecurityException e) {
            throw new SrtpException("SRTP key derivation failed", e);
        }
    }
}
