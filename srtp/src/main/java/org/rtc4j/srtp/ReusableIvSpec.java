package org.rtc4j.srtp;

import javax.crypto.spec.IvParameterSpec;

/**
 * An IV parameter whose bytes the owner rewrites before each {@code Cipher.init}, so counter mode
 * can be re-keyed per packet without a new spec and a defensive copy each time.
 */
final class ReusableIvSpec extends IvParameterSpec {
    private final byte[] iv;

    ReusableIvSpec(byte[] iv) {
        super(iv);
        this.iv = iv;
    }

    @Override
    public byte[] getIV() {
        return iv;
    }
}
