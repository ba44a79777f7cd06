package org.rtc4j.sdp;

import java.util.Objects;

/**
 * One {@code key=value} pair of an fmtp or rid parameter list, kept in order.
 * A bare parameter such as {@code 111/111} (RED) or {@code 0-15} (telephone-event) has a null value.
 */
public record Parameter(String key, String value) {
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
