package org.rtc4j.signaling.socketio;

/** A malformed or invalid Socket.IO packet; the connection that sent it is closed. */
public final class SioParseException extends Exception {
    /**
     * Creates the exception.
     *
     * @param message what was wrong with the packet
     */
    public SioParseException(String message) {
        super(message);
    }
}
