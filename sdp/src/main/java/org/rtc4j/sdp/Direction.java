package org.rtc4j.sdp;

import java.util.Locale;

/** Media direction attributes ({@code a=sendrecv} etc., RFC 8866 §6.7). */
public enum Direction {
    /** Send and receive media; the default when no direction attribute is present. */
    SENDRECV,
    /** Send media only. */
    SENDONLY,
    /** Receive media only. */
    RECVONLY,
    /** Neither send nor receive media. */
    INACTIVE;

    /** @return the attribute name, e.g. {@code sendonly} */
    public String sdpName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param name an attribute name (matched case-sensitively against the lowercase names)
     * @return the direction for an attribute name, or null if the name is not a direction
     */
    public static Direction fromSdpName(String name) {
        switch (name) {
            case "sendrecv": return SENDRECV;
            case "sendonly": return SENDONLY;
            case "recvonly": return RECVONLY;
            case "inactive": return INACTIVE;
            default: return null;
        }
    }

    /** @return the direction seen from the other side (sendonly becomes recvonly) */
    public Direction reverse() {
        switch (this) {
            case SENDONLY: return RECVONLY;
            case RECVONLY: return SENDONLY;
            default: return this;
        }
    }

    /** @return true for sendrecv and sendonly */
    public boolean sends() {
        return this == SENDRECV || this == SENDONLY;
    }

    /** @return true for sendrecv and recvonly */
    public boolean receives() {
        return this == SENDRECV || this == RECVONLY;
    }

    /** @return the flag attribute */
    public Attribute toAttribute() {
        return Attribute.flag(sdpName());
    }
}
