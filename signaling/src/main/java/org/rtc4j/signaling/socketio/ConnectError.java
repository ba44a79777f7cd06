package org.rtc4j.signaling.socketio;

/**
 * A refused namespace connection: sent as CONNECT_ERROR {@code {message, data}}; on the client it
 * fails the connect future.
 */
public final class ConnectError extends RuntimeException {
    private final transient Object data;

    public ConnectError(String message) {
        this(message, null);
    }

    public ConnectError(String message, Object data) {
        super(message, null, false, false);
        this.data = data;
    }

    /** Extra data for the client (any JSON-serializable value) or null. */
    public Object data() {
        return data;
    }
}
