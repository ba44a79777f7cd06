package org.rtc4j.dtls;

import org.bouncycastle.tls.AlertDescription;

/** A fatal TLS alert ended the connection, either sent by the peer or raised by us. */
public final class DtlsAlertException extends DtlsException {
    private static final long serialVersionUID = 1L;

    /** The alert description code (RFC 5246 section 7.2). */
    private final short description;
    /** Whether the peer sent the alert rather than us. */
    private final boolean received;

    /**
     * Creates an exception for a fatal alert; the message names the alert and its direction.
     *
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

    /**
     * The alert description code, e.g. 40 for handshake_failure.
     *
     * @return the RFC 5246 section 7.2 {@code AlertDescription} value
     */
    public short getDescription() {
        return description;
    }

    /**
     * The alert's name, e.g. {@code handshake_failure}.
     *
     * @return the name BouncyCastle's {@code AlertDescription} gives the code
     */
    public String getDescriptionName() {
        return AlertDescription.getName(description);
    }

    /**
     * Whether the peer sent the alert.
     *
     * @return true if the peer sent it, false if we raised it locally
     */
    public boolean isReceived() {
        return received;
    }
}
