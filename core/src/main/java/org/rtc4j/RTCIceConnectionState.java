package org.rtc4j;

/**
 * The aggregate state of the connection's ICE transports.
 * Constants carry the W3C string values: {@link #value()} gives them, {@link #of(String)} reads them.
 */
public enum RTCIceConnectionState implements W3CEnum {
    NEW("new"),
    CHECKING("checking"),
    CONNECTED("connected"),
    COMPLETED("completed"),
    DISCONNECTED("disconnected"),
    FAILED("failed"),
    CLOSED("closed");

    private final String value;

    RTCIceConnectionState(String value) {
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
    public static RTCIceConnectionState of(String value) {
        return W3CEnum.of(RTCIceConnectionState.class, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
