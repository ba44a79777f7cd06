package org.rtc4j.srtp;

import javax.crypto.SecretKey;

/**
 * A key that hands providers the same array on every {@code Cipher.init}, refilled each time.
 * SunJCE copies {@code getEncoded()} and wipes its copy after every init: with a
 * {@code SecretKeySpec} that is a fresh array per packet. Here the wiped array is ours, so it is
 * rewritten before each use and nothing is allocated.
 */
final class ReusableKey implements SecretKey {
    private static final long serialVersionUID = 1L;

    private final transient byte[] key;
    private final transient byte[] handedOut;

    ReusableKey(byte[] key) {
        this.key = key.clone();
        this.handedOut = new byte[key.length];
    }

    @Override
    public String getAlgorithm() {
        return "AES";
    }

    @Override
    public String getFormat() {
        return "RAW";
    }

    @Override
    public byte[] getEncoded() {
        System.arraycopy(key, 0, handedOut, 0, key.length);
        return handedOut;
    }
}
