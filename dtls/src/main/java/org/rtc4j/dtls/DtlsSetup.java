package org.rtc4j.dtls;

import java.util.Locale;

/** The SDP {@code a=setup} attribute values that decide DTLS roles (RFC 4145, RFC 5763, RFC 8842). */
public enum DtlsSetup {
    /** Either role; what an offerer must say. */
    ACTPASS,
    /** Initiates the connection: the DTLS client. */
    ACTIVE,
    /** Waits for the connection: the DTLS server. */
    PASSIVE;

    /**
     * Parses the attribute value ({@code actpass}, {@code active}, {@code passive}, case-insensitive).
     *
     * @param value the attribute value after {@code a=setup:}; surrounding whitespace is ignored
     * @return the setup value
     * @throws IllegalArgumentException for null or anything else ({@code holdconn} is not usable
     *                                  for DTLS)
     */
    public static DtlsSetup parse(String value) {
        if (value != null) {
            switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "actpass":
                    return ACTPASS;
                case "active":
                    return ACTIVE;
                case "passive":
                    return PASSIVE;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("unsupported a=setup value: " + value);
    }

    /**
     * The value as written in SDP.
     *
     * @return {@code actpass}, {@code active} or {@code passive}
     */
    public String sdpValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * What an answerer puts in its answer for a remote offer's setup. RFC 5763 section 5 recommends
     * {@code active} when the offer allows both, which also saves the offerer a round trip.
     *
     * @param remoteOffer the setup value of the remote offer, not null
     * @return {@link #ACTIVE} for an {@code actpass} or {@code passive} offer, {@link #PASSIVE} for
     *     an {@code active} one
     */
    public static DtlsSetup answerTo(DtlsSetup remoteOffer) {
        switch (remoteOffer) {
            case ACTPASS:
            case PASSIVE:
                return ACTIVE;
            case ACTIVE:
            default:
                return PASSIVE;
        }
    }
}
