package org.rtc4j;

/**
 * Whether the connection is still gathering local ICE candidates.
 * Constants carry the W3C string values: {@link #value()} gives them, {@link #of(String)} reads them.
 */
public enum RTCIceGatheringState implements W3CEnum {
    /** Nothing gathered yet: gathering starts when a local description is set. */
    NEW("new"),
    /** Local candidates are being gathered; each one is passed to the candidate listener. */
    GATHERING("gathering"),
    /** Gathering has finished; the candidate listener was called with null (end of candidates). */
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
     * @param value the W3C string, e.g. {@code "gathering"} (case-sensitive)
     * @return the constant whose {@link #value()} is {@code value}
     * @throws IllegalArgumentException if {@code value} is not one of this enum's values (or is
     *                                  null)
     */
    public static RTCIceGatheringState of(String value) {
        return W3CEnum.of(RTCIceGatheringState.class, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
