package org.rtc4j.signaling.engineio;

import java.util.List;

/** The server's view of one Engine.IO session, whatever its current transport. */
public interface EngineSocket {
    /**
     * The session id (sid).
     *
     * @return the sid sent in the open packet and used in the {@code sid} query parameter
     */
    String id();

    /**
     * The handshake request.
     *
     * @return what the request that opened the session carried
     */
    EngineRequest request();

    /**
     * The transport currently carrying the session.
     *
     * @return {@code "polling"} or {@code "websocket"}; switches to {@code "websocket"} once an
     *         upgrade completes
     */
    String transport();

    /**
     * Queues packets to the client, in order and without interleaving with other sends. Does
     * nothing once the session is closed.
     *
     * @param packets the packets to send
     */
    void send(List<EnginePacket> packets);

    /**
     * Sends one packet.
     *
     * @param packet the packet to send
     */
    default void send(EnginePacket packet) {
        send(List.of(packet));
    }

    /**
     * Closes the session; the listener sees {@code reason}. Does nothing if already closed.
     *
     * @param reason the close reason passed to {@link EngineListener#onClose}
     */
    void close(String reason);

    /**
     * Whether the session is still open.
     *
     * @return false once the session has closed, for whatever reason
     */
    boolean isOpen();
}
