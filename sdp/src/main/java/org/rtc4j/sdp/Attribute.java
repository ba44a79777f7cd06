package org.rtc4j.sdp;

import java.util.Objects;

/**
 * A generic {@code a=} line: {@code a=<name>} (a flag, {@code value == null}) or
 * {@code a=<name>:<value>}. The value is kept exactly as written, including any leading space
 * (Chromium writes {@code a=msid-semantic: WMS}).
 *
 * @param name  attribute name (an RFC 8866 token)
 * @param value the text after the first colon, or null for a flag attribute
 */
public record Attribute(String name, String value) {
    /**
     * Checks that the name is present. The name's syntax is checked when the description is
     * parsed or built.
     *
     * @param name  the attribute name; never null
     * @param value the value, or null for a flag attribute
     * @throws NullPointerException if {@code name} is null
     */
    public Attribute {
        Objects.requireNonNull(name, "name");
    }

    /**
     * A flag attribute such as {@code rtcp-mux}.
     *
     * @param name the attribute name
     * @return the attribute {@code a=<name>}
     * @throws NullPointerException if {@code name} is null
     */
    public static Attribute flag(String name) {
        return new Attribute(name, null);
    }

    /**
     * A name/value attribute.
     *
     * @param name  the attribute name
     * @param value the text after the colon, kept as given (may be empty)
     * @return the attribute {@code a=<name>:<value>}
     * @throws NullPointerException if {@code name} or {@code value} is null
     */
    public static Attribute of(String name, String value) {
        return new Attribute(name, Objects.requireNonNull(value, "value"));
    }

    static Attribute fromValue(String lineValue) {
        int colon = lineValue.indexOf(':');
        return colon < 0 ? new Attribute(lineValue, null)
                : new Attribute(lineValue.substring(0, colon), lineValue.substring(colon + 1));
    }

    /** @return true for a flag attribute (no colon) */
    public boolean isFlag() {
        return value == null;
    }

    /** @return the line this attribute is written as */
    public SdpLine toLine() {
        return new SdpLine('a', value == null ? name : name + ":" + value);
    }

    @Override
    public String toString() {
        return toLine().toString();
    }
}
