package org.rtc4j;

/**
 * Which way a transceiver carries media (W3C {@code RTCRtpTransceiverDirection}, the SDP
 * direction attributes of RFC 8866 §6.7). {@link #STOPPED} is never negotiated; it is what a
 * stopped transceiver reports.
 */
public enum RTCRtpTransceiverDirection implements W3CEnum {
    /** Sends and receives. */
    SENDRECV("sendrecv"),
    /** Sends only. */
    SENDONLY("sendonly"),
    /** Receives only. */
    RECVONLY("recvonly"),
    /** Neither sends nor receives; the section stays negotiated. */
    INACTIVE("inactive"),
    /** The transceiver is stopped (or stopping); not an SDP direction. */
    STOPPED("stopped");

    private final String value;

    RTCRtpTransceiverDirection(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /**
     * Whether this direction sends.
     *
     * @return true for {@link #SENDRECV} and {@link #SENDONLY}
     */
    public boolean sends() {
        return this == SENDRECV || this == SENDONLY;
    }

    /**
     * Whether this direction receives.
     *
     * @return true for {@link #SENDRECV} and {@link #RECVONLY}
     */
    public boolean receives() {
        return this == SENDRECV || this == RECVONLY;
    }

    /**
     * The direction that sends and receives as asked.
     *
     * @param send    whether to send
     * @param receive whether to receive
     * @return {@link #SENDRECV}, {@link #SENDONLY}, {@link #RECVONLY} or {@link #INACTIVE}
     */
    public static RTCRtpTransceiverDirection of(boolean send, boolean receive) {
        return send ? (receive ? SENDRECV : SENDONLY) : (receive ? RECVONLY : INACTIVE);
    }

    /**
     * The same direction seen from the peer (sendonly becomes recvonly).
     *
     * @return the reverse of this direction; sendrecv, inactive and stopped stay as they are
     */
    public RTCRtpTransceiverDirection reversed() {
        return this == STOPPED ? STOPPED : of(receives(), sends());
    }

    /**
     * Reads a W3C string value.
     *
     * @param value the W3C string, e.g. {@code "sendrecv"} (case-sensitive)
     * @return the constant whose {@link #value()} is {@code value}
     * @throws IllegalArgumentException if {@code value} is not one of this enum's values (or is
     *                                  null)
     */
    public static RTCRtpTransceiverDirection of(String value) {
        return W3CEnum.of(RTCRtpTransceiverDirection.class, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
