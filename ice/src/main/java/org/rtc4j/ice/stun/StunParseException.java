package org.rtc4j.ice.stun;

/**
 * Thrown when bytes are not a well-formed STUN message (or ChannelData frame). This is the only
 * exception the STUN codec throws for bad input: truncated, oversized or malformed data never
 * surfaces as an index or null-pointer error.
 */
public final class StunParseException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was wrong with the input
     */
    public StunParseException(String message) {
        super(message, null, false, false);
    }
}
