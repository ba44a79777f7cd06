package org.rtc4j.dtls;

/** The handshake did not complete before the configured deadline. */
public final class DtlsTimeoutException extends DtlsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception saying which deadline passed.
     *
     * @param message which deadline passed
     */
    public DtlsTimeoutException(String message) {
        super(message);
    }
}
