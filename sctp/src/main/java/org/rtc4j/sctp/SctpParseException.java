package org.rtc4j.sctp;

/**
 * A malformed, truncated or otherwise invalid SCTP packet, chunk, parameter or DCEP message.
 * The only exception the parsers in this package throw for bad input.
 */
public final class SctpParseException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong with the input */
    public SctpParseException(String message) {
        super(message);
    }
}
