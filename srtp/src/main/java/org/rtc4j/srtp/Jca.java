package org.rtc4j.srtp;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Cipher;

/**
 * JCA lookups that prefer the JDK's own providers: their AES, GHASH and SHA-1 code is what the
 * JIT replaces with AES-NI, CLMUL and SHA-NI intrinsics. An application that installs another
 * provider first (BouncyCastle, say) would otherwise get much slower SRTP.
 */
final class Jca {
    private Jca() {
    }

    static Cipher cipher(String transformation) throws GeneralSecurityException {
        try {
            return Cipher.getInstance(transformation, "SunJCE");
        } catch (GeneralSecurityException e) {
            return Cipher.getInstance(transformation);
        }
    }

    static MessageDigest sha1() throws NoSuchAlgorithmException {
        try {
            return MessageDigest.getInstance("SHA-1", "SUN");
        } catch (GeneralSecurityException e) {
            return MessageDigest.getInstance("SHA-1");
        }
    }
}
