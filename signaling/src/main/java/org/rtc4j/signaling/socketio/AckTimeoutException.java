package org.rtc4j.signaling.socketio;

import java.util.concurrent.TimeoutException;

/** No acknowledgement arrived in time (or the connection closed first). */
public final class AckTimeoutException extends TimeoutException {
    /**
     * Creates the exception.
     *
     * @param message which event went unanswered and why, e.g. the timeout or the disconnect
     *                reason
     */
    public AckTimeoutException(String message) {
        super(message);
    }
}
