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
    public Attribute {
        Objects.requireNonNull(name, "name");
    }

    /** A flag attribute such as {@code rtcp-mux}. */
    public static Attribute flag(String name) {
        return new Attribute(name, null);
    }

    /** A name/value attribute. */
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
