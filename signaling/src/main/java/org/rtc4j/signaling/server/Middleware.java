package org.rtc4j.signaling.server;

/**
 * Runs before a socket joins a namespace, like socket.io's {@code io.use((socket, next) => …)}.
 * Call {@link Next#proceed()} to accept or {@link Next#fail} to refuse with CONNECT_ERROR; either
 * may happen later, from any thread.
 */
@FunctionalInterface
public interface Middleware {
    /**
     * Inspects a connecting socket. A {@link RuntimeException} thrown here refuses the connection
     * with the exception's message (or "middleware error").
     *
     * @param socket the socket, not yet connected: its {@link SocketIoSocket#handshake()} is set,
     *               but emits are dropped until it joins
     * @param next   call exactly one of its methods, once; later calls are ignored
     */
    void apply(SocketIoSocket socket, Next next);

    /** Continues or ends the middleware chain. */
    interface Next {
        /** Runs the next middleware, or connects the socket after the last one. */
        void proceed();

        /**
         * Refuses the connection: the client gets CONNECT_ERROR {message, data}.
         *
         * @param message the reason shown to the client
         * @param data    extra JSON-serializable data for the client, or null for none
         */
        void fail(String message, Object data);

        /**
         * Refuses the connection without extra data.
         *
         * @param message the reason shown to the client
         */
        default void fail(String message) {
            fail(message, null);
        }
    }
}
