package org.rtc4j;

/**
 * Which way a transceiver carries media (W3C {@code RTCRtpTransceiverDirection}, the SDP
 * direction attributes of RFC 8866 §6.7). {@link #STOPPED} is never negotiated; it is what a
 * stopped transceiver reports.
 */
public enum RTCRtpTransceiverDirection implements W3CEnum {
    SENDRECV("sendrecv"),
    SENDONLY("sendonly"),
    RECVONLY("recvonly"),
    INACTIVE("inactive"),
    STOPPED("stopped");

    private final String value;

    RTCRtpTransceiverDirection(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** Whether this direction sends. */
    public boolean sends() {
        return this == SENDRECV || this == SENDONLY;
    }

    /** Whether this direction receives. */
    public boolean receives() {
        return this == SENDRECV || this == RECVONLY;
    }

    /** The direction that sends and receives as asked. */
    public static RTCRtpTransceiverDirection of(boolean send, boolean receive) {
        return send ? (receive ? SENDRECV : SENDONLY) : (receive ? RECVONLY : INACTIVE);
    }

    /** The same direction seen from the peer (sendonly becomes recvonly). */
    public RTCRtpTransceiverDirection reversed() {
        return this == STOPPED ? STOPPED : of(receives(), sends());
    }

    /**
     * Reads a W3C string value.
     *
     * @throws IllegalArgumentException if {@code value} is not one of this enum's values
     */
    public static RTCRtpTransceiverDirection of(String value) {
        return W3CEnum.of(RTCRtpTransceiverDirection.class, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
