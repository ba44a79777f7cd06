package org.rtc4j;

/**
 * Which local candidates may be used: all of them, or relayed ones only.
 * Constants carry the W3C string values: {@link #value()} gives them, {@link #of(String)} reads them.
 */
public enum RTCIceTransportPolicy implements W3CEnum {
    /** W3C {@code "all"}: host, server-reflexive and relay candidates are all used (the default). */
    ALL("all"),
    /**
     * W3C {@code "relay"}: only relay candidates, from the configured TURN servers, are gathered,
     * signalled and paired, so the peer never learns the host's addresses.
     */
    RELAY("relay");

    private final String value;

    RTCIceTransportPolicy(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /**
     * Reads a W3C string value.
     *
     * @param value the W3C string, e.g. {@code "relay"} (case-sensitive)
     * @return the constant whose {@link #value()} is {@code value}
     * @throws IllegalArgumentException if {@code value} is not one of this enum's values (or is
     *                                  null)
     */
    public static RTCIceTransportPolicy of(String value) {
        return W3CEnum.of(RTCIceTransportPolicy.class, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
