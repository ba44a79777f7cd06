package org.rtc4j.signaling.engineio;

/** A malformed Engine.IO packet or payload. */
public final class EngineParseException extends Exception {
    /**
     * Creates the exception.
     *
     * @param message what was wrong with the packet or payload
     */
    public EngineParseException(String message) {
        super(message);
    }
}
