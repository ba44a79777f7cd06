package org.rtc4j;

/**
 * The aggregate state of the connection's ICE transports.
 * Constants carry the W3C string values: {@link #value()} gives them, {@link #of(String)} reads them.
 */
public enum RTCIceConnectionState implements W3CEnum {
    /** Gathering, or waiting for the remote credentials and candidates; no checks yet. */
    NEW("new"),
    /** Connectivity checks are running; no pair is usable yet. */
    CHECKING("checking"),
    /** A candidate pair is selected and has consent; checks may go on. */
    CONNECTED("connected"),
    /** Checks are finished, both sides signalled end of candidates, and a pair is selected. */
    COMPLETED("completed"),
    /** Consent is overdue on the selected pair (RFC 7675); it may come back to connected. */
    DISCONNECTED("disconnected"),
    /**
     * No pair works, or consent expired (30 s without a response); only an ICE restart
     * ({@link RTCPeerConnection#restartIce()}) recovers.
     */
    FAILED("failed"),
    /** The connection was closed. */
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
     * @param value the W3C string, e.g. {@code "checking"} (case-sensitive)
     * @return the constant whose {@link #value()} is {@code value}
     * @throws IllegalArgumentException if {@code value} is not one of this enum's values (or is
     *                                  null)
     */
    public static RTCIceConnectionState of(String value) {
        return W3CEnum.of(RTCIceConnectionState.class, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
