package org.rtc4j.sdp;

import java.util.Locale;

/** The DTLS role attribute {@code a=setup:} (RFC 4145, RFC 8842). */
public enum Setup implements AttributeValue {
    ACTIVE, PASSIVE, ACTPASS, HOLDCONN;

    /** Parses {@code active|passive|actpass|holdconn}. */
    public static Setup parse(String value) throws SdpParseException {
        switch (value) {
            case "active": return ACTIVE;
            case "passive": return PASSIVE;
            case "actpass": return ACTPASS;
            case "holdconn": return HOLDCONN;
            default:
                throw SdpParseException.of("setup must be active, passive, actpass or holdconn, got \""
                        + value + "\"");
        }
    }

    @Override
    public String attributeName() {
        return "setup";
    }

    @Override
    public String format() {
        return name().toLowerCase(Locale.ROOT);
    }
}
