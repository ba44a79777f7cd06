package org.rtc4j.signaling.socketio;

import java.util.concurrent.TimeoutException;

/** No acknowledgement arrived in time (or the connection closed first). */
public final class AckTimeoutException extends TimeoutException {
    public AckTimeoutException(String message) {
        super(message);
    }
}
