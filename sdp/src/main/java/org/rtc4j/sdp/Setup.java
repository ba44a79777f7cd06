package org.rtc4j.sdp;

import java.util.Locale;

/** The DTLS role attribute {@code a=setup:} (RFC 4145, RFC 8842). */
public enum Setup implements AttributeValue {
    /** The endpoint initiates the connection: it is the DTLS client. */
    ACTIVE,
    /** The endpoint accepts an incoming connection: it is the DTLS server. */
    PASSIVE,
    /** The endpoint can take either role; an offer must use this (RFC 8842). */
    ACTPASS,
    /** The endpoint does not want a connection for now. */
    HOLDCONN;

    /**
     * Parses {@code active|passive|actpass|holdconn}.
     *
     * @param value the text after {@code a=setup:}, lowercase (the match is case-sensitive)
     * @return the role
     * @throws SdpParseException if the value is none of the four names (line number 0)
     */
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
