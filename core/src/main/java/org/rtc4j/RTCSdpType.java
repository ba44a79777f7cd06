package org.rtc4j;

/**
 * The type of a session description (JSEP, RFC 8829).
 * Constants carry the W3C string values: {@link #value()} gives them, {@link #of(String)} reads them.
 */
public enum RTCSdpType implements W3CEnum {
    /** An offer (JSEP §5.2): proposes the session; answered with a pranswer or an answer. */
    OFFER("offer"),
    /** A provisional answer: applied like an answer, but a final answer must still follow. */
    PRANSWER("pranswer"),
    /** The final answer to the pending offer: completes the negotiation (back to {@code stable}). */
    ANSWER("answer"),
    /** Cancels the pending offer, ours or the peer's, and returns to {@code stable}; has no SDP. */
    ROLLBACK("rollback");

    private final String value;

    RTCSdpType(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /**
     * Reads a W3C string value.
     *
     * @param value the W3C string, e.g. {@code "offer"} (case-sensitive)
     * @return the constant whose {@link #value()} is {@code value}
     * @throws IllegalArgumentException if {@code value} is not one of this enum's values (or is
     *                                  null)
     */
    public static RTCSdpType of(String value) {
        return W3CEnum.of(RTCSdpType.class, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
