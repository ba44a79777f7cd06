package org.rtc4j.srtp;

import javax.crypto.spec.GCMParameterSpec;

/**
 * A GCM parameter whose nonce the owner rewrites before each {@code Cipher.init}. SunJCE keeps
 * the last encryption nonce by reference to refuse reuse, so owners alternate two of these.
 */
final class ReusableGcmSpec extends GCMParameterSpec {
    private final byte[] iv;

    ReusableGcmSpec(byte[] iv) {
        super(128, iv);
        this.iv = iv;
    }

    @Override
    public byte[] getIV() {
        return iv;
    }
}
