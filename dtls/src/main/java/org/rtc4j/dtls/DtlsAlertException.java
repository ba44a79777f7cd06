package org.rtc4j.dtls;

import org.bouncycastle.tls.AlertDescription;

/** A fatal TLS alert ended the connection, either sent by the peer or raised by us. */
public final class DtlsAlertException extends DtlsException {
    private static final long serialVersionUID = 1L;

    private final short description;
    private final boolean received;

    /**
     * @param description the alert description code (RFC 5246 section 7.2)
     * @param received    true if the peer sent it, false if we raised it
     * @param detail      extra context, may be null
     * @param cause       the underlying failure, may be null
     */
    public DtlsAlertException(short description, boolean received, String detail, Throwable cause) {
        super((received ? "peer sent fatal alert " : "fatal alert raised locally: ")
                + AlertDescription.getText(description) + (detail == null ? "" : " (" + detail + ")"), cause);
        this.description = description;
        this.received = received;
    }

    /** The alert description code, e.g. 40 for handshake_failure. */
    public short getDescription() {
        return description;
    }

    /** The alert's name, e.g. {@code handshake_failure}. */
    public String getDescriptionName() {
        return AlertDescription.getName(description);
    }

    /** True if the peer sent the alert. */
    public boolean isReceived() {
        return received;
    }
}
