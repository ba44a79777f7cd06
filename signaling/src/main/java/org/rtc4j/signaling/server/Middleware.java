package org.rtc4j.signaling.server;

/**
 * Runs before a socket joins a namespace, like socket.io's {@code io.use((socket, next) => …)}.
 * Call {@link Next#proceed()} to accept or {@link Next#fail} to refuse with CONNECT_ERROR; either
 * may happen later, from any thread.
 */
@FunctionalInterface
public interface Middleware {
    void apply(SocketIoSocket socket, Next next);

    /** Continues or ends the middleware chain. */
    interface Next {
        void proceed();

        /** Refuses the connection: the client gets CONNECT_ERROR {message, data}. */
        void fail(String message, Object data);

        default void fail(String message) {
            fail(message, null);
        }
    }
}
