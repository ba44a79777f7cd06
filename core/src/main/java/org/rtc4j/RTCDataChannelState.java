package org.rtc4j;

/**
 * The state of a data channel.
 * Constants carry the W3C string values: {@link #value()} gives them, {@link #of(String)} reads them.
 */
public enum RTCDataChannelState implements W3CEnum {
    CONNECTING("connecting"),
    OPEN("open"),
    CLOSING("closing"),
    CLOSED("closed");

    private final String value;

    RTCDataChannelState(String value) {
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
    public static RTCDataChannelState of(String value) {
        return W3CEnum.of(RTCDataChannelState.class, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
