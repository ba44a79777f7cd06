package org.rtc4j.signaling.engineio;

/** Receives the events of Engine.IO sessions (the Socket.IO layer implements it). */
public interface EngineListener {
    /**
     * A session completed its handshake: the open packet was sent and the heartbeat started. A
     * {@link RuntimeException} thrown here is logged and closes the session ("server error").
     *
     * @param socket the new session
     */
    void onOpen(EngineSocket socket);

    /**
     * A text message arrived.
     *
     * @param socket the session it arrived on
     * @param text   the message data, without the packet type digit
     */
    void onMessage(EngineSocket socket, String text);

    /**
     * A binary message arrived (a WebSocket binary frame or a base64 polling packet).
     *
     * @param socket the session it arrived on
     * @param data   the message bytes
     */
    void onMessage(EngineSocket socket, byte[] data);

    /**
     * The session closed (ping timeout, transport close, parse error, server close…). Called once
     * per session; a {@link RuntimeException} thrown here is logged and ignored.
     *
     * @param socket the closed session
     * @param reason why, e.g. {@code "ping timeout"}, {@code "transport close"},
     *               {@code "transport error"}, {@code "parse error"} or the reason given to
     *               {@link EngineSocket#close(String)}
     */
    void onClose(EngineSocket socket, String reason);
}
