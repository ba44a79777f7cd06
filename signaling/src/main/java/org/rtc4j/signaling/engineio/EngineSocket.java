package org.rtc4j.signaling.engineio;

import java.util.List;

/** The server's view of one Engine.IO session, whatever its current transport. */
public interface EngineSocket {
    /** The session id (sid). */
    String id();

    /** The handshake request. */
    EngineRequest request();

    /** "polling" or "websocket". */
    String transport();

    /** Queues packets to the client, in order and without interleaving with other sends. */
    void send(List<EnginePacket> packets);

    /** Sends one packet. */
    default void send(EnginePacket packet) {
        send(List.of(packet));
    }

    /** Closes the session; the listener sees {@code reason}. */
    void close(String reason);

    /** Whether the session is still open. */
    boolean isOpen();
}
