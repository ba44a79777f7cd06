package org.rtc4j;

/**
 * The aggregate state of the connection's ICE and DTLS transports.
 * Constants carry the W3C string values: {@link #value()} gives them, {@link #of(String)} reads them.
 */
public enum RTCPeerConnectionState implements W3CEnum {
    NEW("new"),
    CONNECTING("connecting"),
    CONNECTED("connected"),
    DISCONNECTED("disconnected"),
    FAILED("failed"),
    CLOSED("closed");

    private final String value;

    RTCPeerConnectionState(String value) {
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
    public static RTCPeerConnectionState of(String value) {
        return W3CEnum.of(RTCPeerConnectionState.class, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
