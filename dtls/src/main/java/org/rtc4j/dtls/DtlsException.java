package org.rtc4j.dtls;

/**
 * Why a DTLS connection failed. Delivered in {@link DtlsEvent.Failed}; subclasses name the common
 * causes so callers can tell a security failure from a network one.
 */
public class DtlsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong
     */
    public DtlsException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the failure that caused it.
     *
     * @param message what went wrong
     * @param cause   the underlying failure, may be null
     */
    public DtlsException(String message, Throwable cause) {
        super(message, cause);
    }
}
