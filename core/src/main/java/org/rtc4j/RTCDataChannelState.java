package org.rtc4j;

/**
 * The state of a data channel.
 * Constants carry the W3C string values: {@link #value()} gives them, {@link #of(String)} reads them.
 */
public enum RTCDataChannelState implements W3CEnum {
    /** Being set up, until the SCTP association is up and the channel opens; cannot send yet. */
    CONNECTING("connecting"),
    /** Messages can be sent and received. */
    OPEN("open"),
    /** Closing (an SCTP stream reset is under way): messages may still arrive, none can be sent. */
    CLOSING("closing"),
    /**
     * Closed for good: by either side, or because the connection, its SCTP association or its
     * DTLS transport ended.
     */
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
     * @param value the W3C string, e.g. {@code "open"} (case-sensitive)
     * @return the constant whose {@link #value()} is {@code value}
     * @throws IllegalArgumentException if {@code value} is not one of this enum's values (or is
     *                                  null)
     */
    public static RTCDataChannelState of(String value) {
        return W3CEnum.of(RTCDataChannelState.class, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
