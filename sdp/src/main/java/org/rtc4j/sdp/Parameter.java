package org.rtc4j.sdp;

import java.util.Objects;

/**
 * One {@code key=value} pair of an fmtp or rid parameter list, kept in order.
 * A bare parameter such as {@code 111/111} (RED) or {@code 0-15} (telephone-event) has a null value.
 * Candidate extension pairs ({@code generation 0}) use the same type.
 *
 * @param key   the parameter name as written (spaces around it trimmed in fmtp and rid lists);
 *              never null
 * @param value the text after the first {@code =} (trimmed), or null for a bare parameter
 */
public record Parameter(String key, String value) {
    /**
     * Checks that the key is present.
     *
     * @param key   the parameter name; never null
     * @param value the parameter value, or null for a bare parameter
     * @throws NullPointerException if {@code key} is null
     */
    public Parameter {
        Objects.requireNonNull(key, "key");
    }

    /** @return {@code key=value} or {@code key} */
    public String format() {
        return value == null ? key : key + "=" + value;
    }

    @Override
    public String toString() {
        return format();
    }
}
