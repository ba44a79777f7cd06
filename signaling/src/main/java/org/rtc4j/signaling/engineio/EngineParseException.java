package org.rtc4j.signaling.engineio;

/** A malformed Engine.IO packet or payload. */
public final class EngineParseException extends Exception {
    public EngineParseException(String message) {
        super(message);
    }
}
