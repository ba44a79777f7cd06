package org.rtc4j;

/**
 * An enum whose constants stand for W3C WebRTC string values ({@code "have-local-offer"},
 * {@code "max-bundle"}, ...), so JSON from a browser maps onto it and back without tables.
 */
public interface W3CEnum {

    /**
     * The W3C string value, as a browser's JavaScript sees it.
     *
     * @return the value, e.g. {@code "have-local-offer"}; the enums' {@code toString()} gives it
     *         too
     */
    String value();

    /**
     * Reads a W3C string value into a constant of {@code type}.
     *
     * @param <E>   the enum type
     * @param type  the enum's class
     * @param value the W3C string value, e.g. {@code "max-bundle"} (case-sensitive)
     * @return the constant of {@code type} whose {@link #value()} equals {@code value}
     * @throws IllegalArgumentException if no constant has that value (or {@code value} is null)
     */
    static <E extends Enum<E> & W3CEnum> E of(Class<E> type, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.value().equals(value)) {
                return e;
            }
        }
        throw new IllegalArgumentException("not a " + type.getSimpleName() + " value: " + value);
    }
}
