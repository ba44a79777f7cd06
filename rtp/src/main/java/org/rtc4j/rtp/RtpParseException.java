package org.rtc4j.rtp;

/**
 * The one error every parser in this module throws on malformed, truncated or oversized input
 * (RTP, RTCP, header extensions, depacketizers and media files). Unchecked so that hot paths stay
 * readable; every method that can throw it declares it.
 */
public class RtpParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong with the input */
    public RtpParseException(String message) {
        super(message);
    }

    /**
     * @param message what was wrong with the input
     * @param cause   the underlying problem (e.g. an I/O error while reading a media file)
     */
    public RtpParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
