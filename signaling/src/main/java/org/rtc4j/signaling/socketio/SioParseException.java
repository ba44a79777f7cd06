package org.rtc4j.signaling.socketio;

/** A malformed or invalid Socket.IO packet; the connection that sent it is closed. */
public final class SioParseException extends Exception {
    public SioParseException(String message) {
        super(message);
    }
}
