package org.rtc4j;

/**
 * The type of a session description (JSEP, RFC 8829).
 * Constants carry the W3C string values: {@link #value()} gives them, {@link #of(String)} reads them.
 */
public enum RTCSdpType implements W3CEnum {
    OFFER("offer"),
    PRANSWER("pranswer"),
    ANSWER("answer"),
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
     * @throws IllegalArgumentException if {@code value} is not one of this enum's values
     */
    public static RTCSdpType of(String value) {
        return W3CEnum.of(RTCSdpType.class, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
