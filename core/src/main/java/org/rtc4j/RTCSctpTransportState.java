package org.rtc4j;

/**
 * The state of the SCTP association that carries a connection's data channels (W3C
 * {@code RTCSctpTransportState}).
 * Constants carry the W3C string values: {@link #value()} gives them, {@link #of(String)} reads them.
 */
public enum RTCSctpTransportState implements W3CEnum {
    /** Negotiated; the association is being set up (or waits for DTLS). */
    CONNECTING("connecting"),
    /** The association is up; data channels can open. */
    CONNECTED("connected"),
    /** Shut down, aborted by either side, or the connection was closed. */
    CLOSED("closed");

    private final String value;

    RTCSctpTransportState(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /**
     * Reads a W3C string value.
     *
     * @param value the W3C string, e.g. {@code "connected"} (case-sensitive)
     * @return the constant whose {@link #value()} is {@code value}
     * @throws IllegalArgumentException if {@code value} is not one of this enum's values (or is
     *                                  null)
     */
    public static RTCSctpTransportState of(String value) {
        return W3CEnum.of(RTCSctpTransportState.class, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
