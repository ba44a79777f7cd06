package org.rtc4j.srtp;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HMAC-SHA1 (RFC 2104) over a reused SHA-1 digest. Same work as {@code Mac} but without the
 * 20-byte array {@code Mac.doFinal} allocates for the inner hash on every packet.
 */
final class HmacSha1 {
    static final int LENGTH = 20;

    private final MessageDigest sha1;
    private final byte[] innerPad = new byte[64];
    private final byte[] outerPad = new byte[64];
    private final byte[] inner = new byte[LENGTH];

    HmacSha1(byte[] key) {
        try {
            sha1 = Jca.sha1();
        } catch (NoSuchAlgorithmException e) {
            throw new SrtpException("SHA-1 unavailable", e);
        }
        byte[] k = key.length > 64 ? sha1.digest(key) : key;
        for (int i = 0; i < 64; i++) {
            byte b = i < k.length ? k[i] : 0;
            innerPad[i] = (byte) (b ^ 0x36);
            outerPad[i] = (byte) (b ^ 0x5c);
        }
    }

    void start() {
        sha1.update(innerPad, 0, 64);
    }

    void update(byte[] data, int offset, int length) {
        sha1.update(data, offset, length);
    }

    /** Finishes the MAC into {@code out[0..20)} and leaves the digest ready for {@link #start}. */
    void finish(byte[] out) {
        try {
            sha1.digest(inner, 0, LENGTH);
            sha1.update(outerPad, 0, 64);
            sha1.update(inner, 0, LENGTH);
            sha1.digest(out, 0, LENGTH);
        } catch (DigestException e) {
            throw new SrtpException("SHA-1 failed", e);
        }
    }
}
