package org.rtc4j;

/**
 * Where a connection stands in the offer/answer exchange.
 * Constants carry the W3C string values: {@link #value()} gives them, {@link #of(String)} reads them.
 */
public enum RTCSignalingState implements W3CEnum {
    /** No exchange is under way: the initial state, and the one after each answer or rollback. */
    STABLE("stable"),
    /** A local offer is set; waiting for the peer's answer. */
    HAVE_LOCAL_OFFER("have-local-offer"),
    /** The peer's offer is set; a local answer is expected. */
    HAVE_REMOTE_OFFER("have-remote-offer"),
    /** The peer's offer and a local provisional answer are set; a local final answer follows. */
    HAVE_LOCAL_PRANSWER("have-local-pranswer"),
    /** A local offer and the peer's provisional answer are set; the peer's final answer follows. */
    HAVE_REMOTE_PRANSWER("have-remote-pranswer"),
    /** The connection is closed; no description can be set any more. */
    CLOSED("closed");

    private final String value;

    RTCSignalingState(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /**
     * Reads a W3C string value.
     *
     * @param value the W3C string, e.g. {@code "stable"} (case-sensitive)
     * @return the constant whose {@link #value()} is {@code value}
     * @throws IllegalArgumentException if {@code value} is not one of this enum's values (or is
     *                                  null)
     */
    public static RTCSignalingState of(String value) {
        return W3CEnum.of(RTCSignalingState.class, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
