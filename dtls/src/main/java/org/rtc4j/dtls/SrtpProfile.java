package org.rtc4j.dtls;

import java.util.Optional;

/**
 * SRTP protection profiles negotiable through the DTLS {@code use_srtp} extension (RFC 5764,
 * RFC 7714), with the master key and salt lengths that DTLS-SRTP keying exports for each.
 */
public enum SrtpProfile {
    /** AES-128-GCM, 16-byte key, 12-byte salt (RFC 7714). */
    AEAD_AES_128_GCM(0x0007, "SRTP_AEAD_AES_128_GCM", 16, 12),
    /** AES-256-GCM, 32-byte key, 12-byte salt (RFC 7714). */
    AEAD_AES_256_GCM(0x0008, "SRTP_AEAD_AES_256_GCM", 32, 12),
    /** AES-128 counter mode with an 80-bit HMAC-SHA1 tag, 16-byte key, 14-byte salt. */
    AES128_CM_HMAC_SHA1_80(0x0001, "SRTP_AES128_CM_SHA1_80", 16, 14),
    /** AES-128 counter mode with a 32-bit HMAC-SHA1 tag, 16-byte key, 14-byte salt. */
    AES128_CM_HMAC_SHA1_32(0x0002, "SRTP_AES128_CM_SHA1_32", 16, 14);

    private final int id;
    private final String opensslName;
    private final int keyLength;
    private final int saltLength;

    SrtpProfile(int id, String opensslName, int keyLength, int saltLength) {
        this.id = id;
        this.opensslName = opensslName;
        this.keyLength = keyLength;
        this.saltLength = saltLength;
    }

    /**
     * The two-byte profile identifier carried in {@code use_srtp}.
     *
     * @return the profile number, e.g. {@code 0x0007} for {@link #AEAD_AES_128_GCM}
     */
    public int id() {
        return id;
    }

    /**
     * The name OpenSSL uses for this profile ({@code -use_srtp} and its handshake report).
     *
     * @return the OpenSSL name, e.g. {@code SRTP_AEAD_AES_128_GCM}
     */
    public String opensslName() {
        return opensslName;
    }

    /**
     * Master key length in bytes.
     *
     * @return 16, or 32 for {@link #AEAD_AES_256_GCM}
     */
    public int keyLength() {
        return keyLength;
    }

    /**
     * Master salt length in bytes.
     *
     * @return 12 for the GCM profiles, 14 for AES-CM
     */
    public int saltLength() {
        return saltLength;
    }

    /**
     * Bytes to export with {@code EXTRACTOR-dtls_srtp}: both sides' key and salt.
     *
     * @return {@code 2 * (keyLength() + saltLength())}
     */
    public int keyingMaterialLength() {
        return 2 * (keyLength + saltLength);
    }

    /**
     * The profile with this {@code use_srtp} identifier, if it is one we support.
     *
     * @param id the two-byte profile identifier
     * @return the profile, or empty if rtc4j does not support {@code id}
     */
    public static Optional<SrtpProfile> fromId(int id) {
        for (SrtpProfile p : values()) {
            if (p.id == id) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
