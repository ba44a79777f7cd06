package org.rtc4j.ice.stun;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * Key derivation for STUN credentials (RFC 8489 section 9).
 *
 * <p>Short-term: the key is the password itself (ICE). Long-term: MD5 or SHA-256 of
 * "username:realm:password" (TURN). Strings are used as given (OpaqueString/SASLprep is the
 * caller's job; ASCII passwords are unaffected).
 */
public final class StunCredentials {
    /** PASSWORD-ALGORITHM value for MD5. */
    public static final int ALGORITHM_MD5 = 0x0001;
    /** PASSWORD-ALGORITHM value for SHA-256. */
    public static final int ALGORITHM_SHA256 = 0x0002;

    private StunCredentials() {
    }

    /**
     * @param password ICE password
     * @return the short-term key
     */
    public static byte[] shortTermKey(String password) {
        return password.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param username user name
     * @param realm realm
     * @param password password
     * @return MD5(username ":" realm ":" password)
     */
    public static byte[] longTermKey(String username, String realm, String password) {
        return digest("MD5", username + ":" + realm + ":" + password);
    }

    /**
     * @param username user name
     * @param realm realm
     * @param password password
     * @return SHA-256(username ":" realm ":" password)
     */
    public static byte[] longTermKeySha256(String username, String realm, String password) {
        return digest("SHA-256", username + ":" + realm + ":" + password);
    }

    /**
     * @param username user name
     * @param realm realm
     * @return the USERHASH value, SHA-256(username ":" realm)
     */
    public static byte[] userHash(String username, String realm) {
        return digest("SHA-256", username + ":" + realm);
    }

    private static byte[] digest(String alg, String s) {
        try {
            return MessageDigest.getInstance(alg).digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(alg + " missing from the JDK", e);
        }
    }
}
