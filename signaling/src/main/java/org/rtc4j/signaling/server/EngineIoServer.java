package org.rtc4j.signaling.server;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.rtc4j.signaling.engineio.EngineHttpHandler;
import org.rtc4j.signaling.engineio.EngineListener;
import org.rtc4j.signaling.engineio.EngineServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bare Engine.IO v4 server (long-polling, WebSocket, upgrade, heartbeat) without the Socket.IO
 * layer, for applications that speak their own protocol over Engine.IO sessions, as the
 * {@code engine.io} package's {@code listen()} does. Other paths are answered 404.
 *
 * <pre>{@code
 * EngineIoServer server = EngineIoServer.builder().port(3000).listener(new EngineListener() {
 *     public void onOpen(EngineSocket s) { }
 *     public void onMessage(EngineSocket s, String text) { s.send(EnginePacket.message(text)); }
 *     public void onMessage(EngineSocket s, byte[] data) { s.send(EnginePacket.message(data)); }
 *     public void onClose(EngineSocket s, String reason) { }
 * }).build().start();
 * }</pre>
 */
public final class EngineIoServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EngineIoServer.class);

    private final Builder cfg;
    private final EngineServer engine;
    private final EventLoopGroup group;
    private final boolean ownGroup;
    private Channel serverChannel;

    private EngineIoServer(Builder b) {
        this.cfg = b;
        this.engine = new EngineServer(b.engineOptions, b.listener);
        this.ownGroup = b.group == null;
        this.group = ownGroup ? HttpListener.ownGroup(b.threads, "rtc4j-eio") : b.group;
    }

    /**
     * Starts the configuration of a server.
     *
     * @return a builder with the defaults: 127.0.0.1, a free port, path {@code /engine.io/}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the listening socket and blocks until it is bound. Calling it again does nothing.
     *
     * @return this server
     * @throws IllegalStateException if the thread is interrupted while binding
     */
    public synchronized EngineIoServer start() {
        if (serverChannel == null) {
            serverChannel = HttpListener.bind(group, cfg.host, cfg.port, cfg.engineOptions.maxHttpBufferSize(),
                    new EngineHttpHandler(engine, cfg.path), new StaticFileHandler(cfg.path, null, null, null));
            LOG.info("Engine.IO server listening on {}", serverChannel.localAddress());
        }
        return this;
    }

    /**
     * The bound port (useful with port 0).
     *
     * @return the local TCP port; only valid once {@link #start()} has returned
     */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /**
     * The sessions and options.
     *
     * @return the engine this server serves
     */
    public EngineServer engine() {
        return engine;
    }

    /** Closes every session and the listening socket; the event loops too unless given. */
    @Override
    public synchronized void close() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        engine.closeAll("server shutting down");
        if (ownGroup) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Server settings. */
    public static final class Builder extends ServerSettings<Builder> {
        private String path = "/engine.io/";
        private EngineListener listener;

        private Builder() {
        }

        /**
         * Engine.IO path, "/engine.io/" by default (the {@code engine.io} package's).
         *
         * @param path the path, with or without a trailing slash
         * @return this builder
         * @throws NullPointerException if {@code path} is null
         */
        public Builder path(String path) {
            this.path = Objects.requireNonNull(path);
            return this;
        }

        /**
         * What receives the sessions' events; required.
         *
         * @param l the listener, called on the session's event loop
         * @return this builder
         * @throws NullPointerException if {@code l} is null
         */
        public Builder listener(EngineListener l) {
            this.listener = Objects.requireNonNull(l);
            return this;
        }

        /**
         * Creates the server; it is not listening yet.
         *
         * @return the server; call {@link EngineIoServer#start()} to bind it
         * @throws IllegalStateException if no {@link #listener} was given
         */
        public EngineIoServer build() {
            if (listener == null) {
                throw new IllegalStateException("an EngineIoServer needs a listener");
            }
            return new EngineIoServer(this);
        }
    }
}
