package org.rtc4j.sdp;

import java.util.Objects;

/**
 * One {@code <type>=<value>} line exactly as written, without its line terminator.
 *
 * <p>Descriptions keep their lines verbatim, so formatting a parsed description reproduces the
 * input byte for byte; the typed views ({@link Origin}, {@link Attribute}, {@link RtpMap}, ...)
 * are read from these values.
 *
 * @param type  the type letter ({@code v o s i u e p c b t r z k a m} or an unknown letter)
 * @param value everything after the {@code =}
 */
public record SdpLine(char type, String value) {
    /**
     * Checks that the value fits on one line.
     *
     * @param type  the type letter
     * @param value the line value; never null
     * @throws NullPointerException     if {@code value} is null
     * @throws IllegalArgumentException if {@code value} contains CR, LF or NUL
     */
    public SdpLine {
        Objects.requireNonNull(value, "value");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException("an SDP line value cannot contain CR, LF or NUL");
            }
        }
    }

    /** @return true for an {@code a=} line */
    public boolean isAttribute() {
        return type == 'a';
    }

    /** @return the attribute name of an {@code a=} line, or null for other lines */
    public String attributeName() {
        if (type != 'a') {
            return null;
        }
        int colon = value.indexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }

    /** @return this {@code a=} line as an {@link Attribute}, or null for other lines */
    public Attribute asAttribute() {
        return type == 'a' ? Attribute.fromValue(value) : null;
    }

    /** @return {@code type=value} */
    @Override
    public String toString() {
        return type + "=" + value;
    }
}
