package org.rtc4j;

/**
 * How media sections are bundled on one transport (RFC 8843).
 * Constants carry the W3C string values: {@link #value()} gives them, {@link #of(String)} reads them.
 */
public enum RTCBundlePolicy implements W3CEnum {
    BALANCED("balanced"),
    MAX_COMPAT("max-compat"),
    MAX_BUNDLE("max-bundle");

    private final String value;

    RTCBundlePolicy(String value) {
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
    public static RTCBundlePolicy of(String value) {
        return W3CEnum.of(RTCBundlePolicy.class, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
