package org.rtc4j.dtls;

/**
 * Why a DTLS connection failed. Delivered in {@link DtlsEvent.Failed}; subclasses name the common
 * causes so callers can tell a security failure from a network one.
 */
public class DtlsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public DtlsException(String message) {
        super(message);
    }

    /** @param message what went wrong; @param cause the underlying failure */
    public DtlsException(String message, Throwable cause) {
        super(message, cause);
    }
}
