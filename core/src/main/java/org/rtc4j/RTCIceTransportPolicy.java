package org.rtc4j;

/**
 * Which local candidates may be used: all of them, or relayed ones only.
 * Constants carry the W3C string values: {@link #value()} gives them, {@link #of(String)} reads them.
 */
public enum RTCIceTransportPolicy implements W3CEnum {
    ALL("all"),
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
     * @throws IllegalArgumentException if {@code value} is not one of this enum's values
     */
    public static RTCIceTransportPolicy of(String value) {
        return W3CEnum.of(RTCIceTransportPolicy.class, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
