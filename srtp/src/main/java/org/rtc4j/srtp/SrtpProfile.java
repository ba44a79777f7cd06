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

    /** The DTLS-SRTP protection profile number (the {@code use_srtp} extension's value). */
    public int id() {
        return id;
    }

    /** Master (and session) encryption key length in bytes. */
    public int keyLength() {
        return keyLength;
    }

    /** Master (and session) salt length in bytes: 14 for AES-CM, 12 for GCM. */
    public int saltLength() {
        return saltLength;
    }

    /** Session authentication key length in bytes (0 for the AEAD profiles). */
    public int authKeyLength() {
        return authKeyLength;
    }

    /** Bytes an SRTP packet grows by when protected (the authentication tag). */
    public int srtpOverhead() {
        return srtpTagLength;
    }

    /** Bytes an SRTCP packet grows by when protected (E flag and index word, plus tag). */
    public int srtcpOverhead() {
        return srtcpTagLength + 4;
    }

    /** Length of the SRTP authentication tag in bytes. */
    public int srtpTagLength() {
        return srtpTagLength;
    }

    /** Length of the SRTCP authentication tag in bytes. */
    public int srtcpTagLength() {
        return srtcpTagLength;
    }

    /** Whether this is an AEAD (AES-GCM) profile. */
    public boolean isAead() {
        return aead;
    }

    /** Bytes of DTLS-SRTP exported keying material this profile needs: 2 keys and 2 salts. */
    public int keyingMaterialLength() {
        return 2 * (keyLength + saltLength);
    }

    /**
     * The profile with the given DTLS-SRTP number.
     *
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
