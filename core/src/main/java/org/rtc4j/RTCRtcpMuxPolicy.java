package org.rtc4j;

/**
 * Whether RTCP must share the RTP transport; WebRTC requires it.
 * Constants carry the W3C string values: {@link #value()} gives them, {@link #of(String)} reads them.
 */
public enum RTCRtcpMuxPolicy implements W3CEnum {
    /** W3C {@code "require"}: RTP and RTCP share one transport (RFC 5761 rtcp-mux); the only one. */
    REQUIRE("require");

    private final String value;

    RTCRtcpMuxPolicy(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /**
     * Reads a W3C string value.
     *
     * @param value the W3C string, e.g. {@code "require"} (case-sensitive)
     * @return the constant whose {@link #value()} is {@code value}
     * @throws IllegalArgumentException if {@code value} is not one of this enum's values (or is
     *                                  null)
     */
    public static RTCRtcpMuxPolicy of(String value) {
        return W3CEnum.of(RTCRtcpMuxPolicy.class, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
