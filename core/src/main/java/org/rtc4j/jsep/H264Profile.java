package org.rtc4j.jsep;

/**
 * The H.264 profile a {@code profile-level-id} names, by the rules of RFC 6184 §8.1 (profile_idc
 * plus the constraint flags of profile-iop): offer and answer must agree on the profile, while
 * the level may differ (§8.2.2). Constrained Baseline is recognised in each of the three
 * spellings encoders use.
 */
public enum H264Profile {
    /**
     * Constrained Baseline: profile_idc 0x42 with constraint_set1, 0x4D with constraint_set0, or
     * 0x58 with constraint_set0 and constraint_set1 (e.g. {@code 42e01f}, what browsers send).
     */
    CONSTRAINED_BASELINE,
    /** Baseline: profile_idc 0x42 without constraint_set1, or 0x58 with constraint_set0 only. */
    BASELINE,
    /** Main: profile_idc 0x4D without constraint_set0. */
    MAIN,
    /** Extended: profile_idc 0x58 without constraint_set0; not negotiated. */
    EXTENDED,
    /** High: profile_idc 0x64 without constraint_set3 and not Constrained High. */
    HIGH,
    /** Constrained High: profile_idc 0x64 with constraint_set4 and constraint_set5. */
    CONSTRAINED_HIGH,
    /**
     * A malformed profile-level-id, another profile_idc (e.g. High 10, High 4:4:4), or 0x64 with
     * constraint_set3; not negotiated.
     */
    UNSUPPORTED;

    /** RFC 6184 §8.1: without the parameter, the profile-level-id is 420010 (Baseline, level 1). */
    public static final String DEFAULT_PROFILE_LEVEL_ID = "420010";

    /**
     * The profile of a six-hex-digit {@code profile-level-id}; {@link #UNSUPPORTED} if malformed.
     *
     * @param profileLevelId the fmtp value, e.g. {@code 42e01f}, or null for
     *                       {@link #DEFAULT_PROFILE_LEVEL_ID}
     * @return the profile; the level (last two digits) is not looked at
     */
    public static H264Profile of(String profileLevelId) {
        String id = profileLevelId == null ? DEFAULT_PROFILE_LEVEL_ID : profileLevelId;
        if (id.length() != 6) {
            return UNSUPPORTED;
        }
        int idc;
        int iop;
        try {
            idc = Integer.parseInt(id.substring(0, 2), 16);
            iop = Integer.parseInt(id.substring(2, 4), 16);
        } catch (NumberFormatException e) {
            return UNSUPPORTED;
        }
        boolean cs0 = (iop & 0x80) != 0;
        boolean cs1 = (iop & 0x40) != 0;
        boolean cs3 = (iop & 0x10) != 0;
        switch (idc) {
            case 0x42:
                // Baseline with constraint_set1 is Constrained Baseline (a subset of Main too).
                return cs1 ? CONSTRAINED_BASELINE : BASELINE;
            case 0x4D:
                return cs0 ? CONSTRAINED_BASELINE : MAIN;
            case 0x58:
                if (cs0 && cs1) {
                    return CONSTRAINED_BASELINE;
                }
                return cs0 ? BASELINE : EXTENDED;
            case 0x64:
                // Constrained High sets constraint_set4 and constraint_set5 (0x0C).
                if ((iop & 0x0C) == 0x0C) {
                    return CONSTRAINED_HIGH;
                }
                return cs3 ? UNSUPPORTED : HIGH;
            default:
                return UNSUPPORTED;
        }
    }

    /**
     * Whether rtc4j negotiates this profile (it carries the bitstream, it does not decode it).
     *
     * @return false for {@link #EXTENDED} and {@link #UNSUPPORTED}
     */
    public boolean supported() {
        return this == CONSTRAINED_BASELINE || this == BASELINE || this == MAIN || this == CONSTRAINED_HIGH
                || this == HIGH;
    }
}
