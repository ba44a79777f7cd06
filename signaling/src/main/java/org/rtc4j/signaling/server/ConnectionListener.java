package org.rtc4j.signaling.server;

/** Called for each socket that joined a namespace (socket.io's "connection" event). */
@FunctionalInterface
public interface ConnectionListener {
    /**
     * A socket passed the middleware and joined the namespace; the client already has its CONNECT
     * answer. A {@link RuntimeException} thrown here is logged and ignored.
     *
     * @param socket the new socket; register its event handlers here
     */
    void onConnection(SocketIoSocket socket);
}
