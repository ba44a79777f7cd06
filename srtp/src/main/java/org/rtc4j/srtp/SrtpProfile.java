package org.rtc4j.srtp;

/**
 * The SRTP protection profiles rtc4j supports, with the numbers DTLS-SRTP negotiates them by
 * (RFC 5764 section 4.1.2, RFC 7714 section 14.2).
 */
public enum SrtpProfile {
    /** AES-128 counter mode, HMAC-SHA1 truncated to 80 bits. */
    AES_CM_128_HMAC_SHA1_80(0x0001, 16, 14, 20, 10, 10, false),
    /**
     * AES-128 counter mode, HMAC-SHA1 truncated to 32 bits for SRTP. SRTCP keeps an 80-bit tag
     * (RFC 5764 section 4.1.2: the short tag applies to SRTP only).
     */
    AES_CM_128_HMAC_SHA1_32(0x0002, 16, 14, 20, 4, 10, false),
    /** AES-128 in Galois/counter mode with a 128-bit tag (RFC 7714). */
    AEAD_AES_128_GCM(0x0007, 16, 12, 0, 16, 16, true),
    /** AES-256 in Galois/counter mode with a 128-bit tag (RFC 7714). */
    AEAD_AES_256_GCM(0x0008, 32, 12, 0, 16, 16, true);

    private final int id;
    private final int keyLength;
    private final int saltLength;
    private final int authKeyLength;
    private final int srtpTagLength;
    private final int srtcpTagLength;
    private final boolean aead;

    SrtpProfile(int id, int keyLength, int saltLength, int authKeyLength, int srtpTagLength,
                int srtcpTagLength, boolean aead) {
        this.id = id;
        this.keyLength = keyLength;
        this.saltLength = saltLength;
        this.authKeyLength = authKeyLength;
        this.srtpTagLength = srtpTagLength;
        this.srtcpTagLength = srtcpTagLength;
        this.aead = aead;
    }

    /**
     * The DTLS-SRTP protection profile number (the {@code use_srtp} extension's value).
     *
     * @return the 16-bit profile number, e.g. {@code 0x0001} for {@link #AES_CM_128_HMAC_SHA1_80}
     */
    public int id() {
        return id;
    }

    /**
     * Master (and session) encryption key length in bytes.
     *
     * @return 16 for the AES-128 profiles, 32 for {@link #AEAD_AES_256_GCM}
     */
    public int keyLength() {
        return keyLength;
    }

    /**
     * Master (and session) salt length in bytes.
     *
     * @return 14 for AES-CM, 12 for GCM
     */
    public int saltLength() {
        return saltLength;
    }

    /**
     * Session authentication key length in bytes.
     *
     * @return 20 (the HMAC-SHA1 key) for AES-CM, 0 for the AEAD profiles
     */
    public int authKeyLength() {
        return authKeyLength;
    }

    /**
     * Bytes an SRTP packet grows by when protected: the authentication tag. This is the tailroom
     * {@link SrtpSession#protectRtp(byte[], int, int)} needs (4 more with cryptex on a packet with
     * CSRCs but no header extension).
     *
     * @return the SRTP overhead in bytes, equal to {@link #srtpTagLength()}
     */
    public int srtpOverhead() {
        return srtpTagLength;
    }

    /**
     * Bytes an SRTCP packet grows by when protected: the 4-byte E flag and index word plus the
     * tag. This is the tailroom {@link SrtpSession#protectRtcp(byte[], int, int)} needs.
     *
     * @return the SRTCP overhead in bytes, {@link #srtcpTagLength()} + 4
     */
    public int srtcpOverhead() {
        return srtcpTagLength + 4;
    }

    /**
     * Length of the SRTP authentication tag in bytes.
     *
     * @return 10 or 4 for AES-CM (80- or 32-bit HMAC-SHA1), 16 for GCM
     */
    public int srtpTagLength() {
        return srtpTagLength;
    }

    /**
     * Length of the SRTCP authentication tag in bytes.
     *
     * @return 10 for both AES-CM profiles, 16 for GCM
     */
    public int srtcpTagLength() {
        return srtcpTagLength;
    }

    /**
     * Whether this is an AEAD (AES-GCM, RFC 7714) profile.
     *
     * @return true for the GCM profiles, false for AES-CM with HMAC-SHA1
     */
    public boolean isAead() {
        return aead;
    }

    /**
     * Bytes of DTLS-SRTP exported keying material this profile needs: 2 keys and 2 salts.
     *
     * @return {@code 2 * (keyLength() + saltLength())}: 60 for AES-CM, 56 for AES-128-GCM, 88 for
     *     AES-256-GCM
     */
    public int keyingMaterialLength() {
        return 2 * (keyLength + saltLength);
    }

    /**
     * The profile with the given DTLS-SRTP number.
     *
     * @param id the protection profile number from the {@code use_srtp} extension
     * @return the matching profile, never null
     * @throws SrtpException if rtc4j does not support that profile
     */
    public static SrtpProfile fromId(int id) {
        for (SrtpProfile p : values()) {
            if (p.id == id) {
                return p;
            }
        }
        throw new SrtpException("unsupported SRTP protection profile 0x" + Integer.toHexString(id));
    }
}
