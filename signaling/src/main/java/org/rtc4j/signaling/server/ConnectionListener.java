package org.rtc4j.signaling.server;

/** Called for each socket that joined a namespace (socket.io's "connection" event). */
@FunctionalInterface
public interface ConnectionListener {
    void onConnection(SocketIoSocket socket);
}
