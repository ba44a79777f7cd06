package org.rtc4j.signaling.socketio;

/**
 * A refused namespace connection: sent as CONNECT_ERROR {@code {message, data}}; on the client it
 * fails the connect future.
 */
public final class ConnectError extends RuntimeException {
    private final transient Object data;

    /**
     * A refusal without extra data.
     *
     * @param message the reason shown to the client
     */
    public ConnectError(String message) {
        this(message, null);
    }

    /**
     * A refusal with extra data. The exception records no stack trace (it is a protocol answer,
     * not a bug).
     *
     * @param message the reason shown to the client
     * @param data    extra data for the client (any JSON-serializable value) or null
     */
    public ConnectError(String message, Object data) {
        super(message, null, false, false);
        this.data = data;
    }

    /**
     * Extra data for the client (any JSON-serializable value) or null.
     *
     * @return the data given to the constructor; on the client, the {@code data} member of the
     *         CONNECT_ERROR packet as a JSON node, or null. Not serialized with the exception.
     */
    public Object data() {
        return data;
    }
}
