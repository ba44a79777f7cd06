package org.rtc4j.sctp;

/**
 * Thrown by {@link DataChannel#send} when a message is larger than the peer's max-message-size
 * (RFC 8841). The W3C API maps this to a {@code TypeError}; nothing was queued.
 */
public final class MessageTooLargeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    /** Size of the refused message, in bytes. */
    private final long size;
    /** The peer's max-message-size, in bytes. */
    private final long limit;

    /**
     * Creates an exception whose message states both sizes.
     *
     * @param size  the message size in bytes
     * @param limit the largest size the peer accepts
     */
    public MessageTooLargeException(long size, long limit) {
        super("message of " + size + " bytes exceeds the peer's max-message-size of " + limit + " bytes");
        this.size = size;
        this.limit = limit;
    }

    /** @return the refused message size in bytes */
    public long size() {
        return size;
    }

    /** @return the peer's max-message-size in bytes */
    public long limit() {
        return limit;
    }
}
