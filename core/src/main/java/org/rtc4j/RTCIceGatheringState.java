package org.rtc4j;

/**
 * Whether the connection is still gathering local ICE candidates.
 * Constants carry the W3C string values: {@link #value()} gives them, {@link #of(String)} reads them.
 */
public enum RTCIceGatheringState implements W3CEnum {
    NEW("new"),
    GATHERING("gathering"),
    COMPLETE("complete");

    private final String value;

    RTCIceGatheringState(String value) {
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
    public static RTCIceGatheringState of(String value) {
        return W3CEnum.of(RTCIceGatheringState.class, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
