package org.rtc4j.srtp;

/**
 * Setup errors (unsupported profile, MKI, wrong key length) and caller mistakes on the protect
 * side (not an RTP/RTCP packet, no tailroom for the tag). Unprotect never throws it: received
 * packets are judged with {@link SrtpStatus}.
 */
public class SrtpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message saying what was wrong.
     *
     * @param message what was wrong, e.g. the expected and actual key length
     */
    public SrtpException(String message) {
        super(message);
    }

    /**
     * Creates an exception wrapping the provider failure that caused it.
     *
     * @param message what was being done when it failed
     * @param cause   the underlying (typically JCA provider) exception
     */
    public SrtpException(String message, Throwable cause) {
        super(message, cause);
    }
}
