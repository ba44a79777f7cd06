package org.rtc4j.signaling.engineio;

/** Receives the events of Engine.IO sessions (the Socket.IO layer implements it). */
public interface EngineListener {
    /** A session completed its handshake. */
    void onOpen(EngineSocket socket);

    /** A text message arrived. */
    void onMessage(EngineSocket socket, String text);

    /** A binary message arrived. */
    void onMessage(EngineSocket socket, byte[] data);

    /** The session closed (ping timeout, transport close, parse error, server close…). */
    void onClose(EngineSocket socket, String reason);
}
