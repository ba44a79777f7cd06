package org.rtc4j.signaling.server;

import io.netty.channel.EventLoopGroup;
import java.util.Objects;
import org.rtc4j.signaling.engineio.EngineOptions;

/**
 * What {@link SocketIoServer.Builder} and {@link EngineIoServer.Builder} both configure: where to
 * listen, the Engine.IO settings and the event loops.
 *
 * @param <B> the builder type, returned by every setter
 */
abstract class ServerSettings<B extends ServerSettings<B>> {
    String host = "127.0.0.1";
    int port;
    EngineOptions engineOptions = EngineOptions.defaults();
    EventLoopGroup group;
    int threads;

    ServerSettings() {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * Address to bind; 127.0.0.1 by default.
     *
     * @param host a host name or IP address; {@code 0.0.0.0} for every interface
     * @return this builder
     * @throws NullPointerException if {@code host} is null
     */
    public B host(String host) {
        this.host = Objects.requireNonNull(host);
        return self();
    }

    /**
     * Port to bind; 0 (default) picks a free one.
     *
     * @param port the TCP port, 0 to 65535
     * @return this builder
     */
    public B port(int port) {
        this.port = port;
        return self();
    }

    /**
     * Engine.IO settings: heartbeat, size limit, CORS, handshake filter, transports.
     *
     * @param o the settings; {@link EngineOptions#defaults()} by default
     * @return this builder
     * @throws NullPointerException if {@code o} is null
     */
    public B engineOptions(EngineOptions o) {
        this.engineOptions = Objects.requireNonNull(o);
        return self();
    }

    /**
     * Event loops to share (not shut down when the server closes). They also run the server's
     * timers.
     *
     * @param g the group, or null (default) for a group of the server's own
     * @return this builder
     */
    public B eventLoopGroup(EventLoopGroup g) {
        this.group = g;
        return self();
    }

    /**
     * Threads of the server's own event loop group (0: Netty's default).
     *
     * @param n the thread count; ignored when an {@link #eventLoopGroup} is given
     * @return this builder
     */
    public B threads(int n) {
        this.threads = n;
        return self();
    }
}
