package org.rtc4j;

/**
 * How media sections are bundled on one transport (RFC 8843).
 * rtc4j always puts every accepted section on one transport, as {@link #MAX_BUNDLE} asks: the
 * other values are accepted and kept in {@link RTCConfiguration#bundlePolicy()}, but change
 * nothing.
 * Constants carry the W3C string values: {@link #value()} gives them, {@link #of(String)} reads them.
 */
public enum RTCBundlePolicy implements W3CEnum {
    /** W3C {@code "balanced"}: a transport per media type in use, unless the peer bundles. */
    BALANCED("balanced"),
    /** W3C {@code "max-compat"}: a transport per track, unless the peer bundles. */
    MAX_COMPAT("max-compat"),
    /** W3C {@code "max-bundle"}: one transport for every section (the default). */
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
     * @param value the W3C string, e.g. {@code "max-bundle"} (case-sensitive)
     * @return the constant whose {@link #value()} is {@code value}
     * @throws IllegalArgumentException if {@code value} is not one of this enum's values (or is
     *                                  null)
     */
    public static RTCBundlePolicy of(String value) {
        return W3CEnum.of(RTCBundlePolicy.class, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
