package org.rtc4j;

/**
 * The aggregate state of the connection's ICE and DTLS transports.
 * Constants carry the W3C string values: {@link #value()} gives them, {@link #of(String)} reads them.
 */
public enum RTCPeerConnectionState implements W3CEnum {
    /** ICE has not started checking yet. */
    NEW("new"),
    /** ICE is checking, or ICE has connected and the DTLS handshake is not done yet. */
    CONNECTING("connecting"),
    /** ICE is connected (or completed) and DTLS is up, or was ended by the peer's close_notify. */
    CONNECTED("connected"),
    /** ICE has lost consent on the selected pair for now; it may recover. */
    DISCONNECTED("disconnected"),
    /** ICE failed, or the DTLS handshake failed (e.g. a fingerprint that does not match). */
    FAILED("failed"),
    /** The connection was closed with {@link RTCPeerConnection#close()}. */
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
     * @param value the W3C string, e.g. {@code "connected"} (case-sensitive)
     * @return the constant whose {@link #value()} is {@code value}
     * @throws IllegalArgumentException if {@code value} is not one of this enum's values (or is
     *                                  null)
     */
    public static RTCPeerConnectionState of(String value) {
        return W3CEnum.of(RTCPeerConnectionState.class, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
