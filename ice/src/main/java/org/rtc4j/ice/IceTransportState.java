package org.rtc4j.ice;

/**
 * The W3C RTCIceTransportState values.
 */
public enum IceTransportState {
    /** Gathering or waiting for remote candidates. */
    NEW,
    /** Checks in progress, nothing usable yet. */
    CHECKING,
    /** A pair is selected and has consent. */
    CONNECTED,
    /** Checks finished, both sides signalled end-of-candidates, a pair is selected. */
    COMPLETED,
    /** Consent is overdue on the selected pair (may recover). */
    DISCONNECTED,
    /** No usable pair, or consent expired (30 s). */
    FAILED,
    /** The agent was closed. */
    CLOSED;

    /** @return the W3C string ("new", "checking", ...) */
    public String w3cName() {
        return name().toLowerCase();
    }
}
