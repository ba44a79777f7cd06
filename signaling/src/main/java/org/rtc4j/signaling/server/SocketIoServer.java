package org.rtc4j.signaling.server;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.rtc4j.signaling.engineio.EngineHttpHandler;
import org.rtc4j.signaling.engineio.EngineListener;
import org.rtc4j.signaling.engineio.EngineServer;
import org.rtc4j.signaling.engineio.EngineSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Socket.IO v5 server (Engine.IO v4 over long-polling and WebSocket) on Netty, compatible with
 * the stock {@code socket.io-client}. It also serves static files and the client bundle.
 *
 * <pre>{@code
 * SocketIoServer server = SocketIoServer.builder().port(3000).build().start();
 * server.of("/").on("connection", socket -> {
 *     socket.on("chat", (args, ack) -> socket.broadcast().emit("chat", args.get(0)));
 * });
 * }</pre>
 */
public final class SocketIoServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SocketIoServer.class);

    private final Builder cfg;
    private final EngineServer engine;
    private final ConcurrentHashMap<String, Namespace> namespaces = new ConcurrentHashMap<>();
    private final EventLoopGroup group;
    private final boolean ownGroup;
    private Channel serverChannel;

    private SocketIoServer(Builder b) {
        this.cfg = b;
        this.engine = new EngineServer(b.engineOptions, new Listener());
        this.ownGroup = b.group == null;
        this.group = b.group != null ? b.group
                : HttpListener.ownGroup(b.threads, "rtc4j-sio");
        namespaces.put("/", new Namespace(this, "/"));
    }

    /**
     * Starts the configuration of a server.
     *
     * @return a builder with the defaults: 127.0.0.1, a free port, path {@code /socket.io/}
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
    public synchronized SocketIoServer start() {
        if (serverChannel != null) {
            return this;
        }
        EngineHttpHandler eio = new EngineHttpHandler(engine, cfg.path);
        StaticFileHandler files = new StaticFileHandler(cfg.path,
                cfg.serveClient ? new ClientDist(cfg.clientBundle) : null, cfg.staticDirectory,
                cfg.staticClasspath);
        serverChannel = HttpListener.bind(group, cfg.host, cfg.port, cfg.engineOptions.maxHttpBufferSize(), eio, files);
        LOG.info("Socket.IO server listening on {}", serverChannel.localAddress());
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
     * The bound host.
     *
     * @return the host given to {@link Builder#host(String)}, as given
     */
    public String host() {
        return cfg.host;
    }

    /**
     * A namespace, created on first use. Clients can only connect to namespaces created this way
     * (and the main one, {@code "/"}); others are refused with "Invalid namespace".
     *
     * @param name the namespace name; a leading slash is added when missing
     * @return the namespace
     */
    public Namespace of(String name) {
        String n = name.startsWith("/") ? name : "/" + name;
        return namespaces.computeIfAbsent(n, k -> new Namespace(this, k));
    }

    /**
     * The main namespace's "connection" listener.
     *
     * @param event {@code "connection"} or {@code "connect"}
     * @param l     called for each socket that joins the main namespace
     * @return this server
     * @throws IllegalArgumentException if {@code event} is another name
     */
    public SocketIoServer on(String event, ConnectionListener l) {
        of("/").on(event, l);
        return this;
    }

    /**
     * Middleware on the main namespace.
     *
     * @param m the middleware, run after those added before it
     * @return this server
     */
    public SocketIoServer use(Middleware m) {
        of("/").use(m);
        return this;
    }

    /**
     * Rooms of the main namespace.
     *
     * @param rooms distinct, non-null room names
     * @return an operator for the union of these rooms
     * @throws IllegalArgumentException if a name is given twice
     */
    public BroadcastOperator to(String... rooms) {
        return of("/").to(rooms);
    }

    /**
     * Emits to every socket of the main namespace.
     *
     * @param event the event name
     * @param args  the arguments, converted as by
     *              {@link org.rtc4j.signaling.socketio.SioCodec#toNode(Object)}
     */
    public void emit(String event, Object... args) {
        of("/").emit(event, args);
    }

    /**
     * The Engine.IO layer (session count, options).
     *
     * @return the engine behind this server
     */
    public EngineServer engine() {
        return engine;
    }

    Namespace namespace(String name) {
        return namespaces.get(name);
    }

    ScheduledExecutorService scheduler() {
        return group;
    }

    Duration connectTimeout() {
        return cfg.connectTimeout;
    }

    int maxAttachments() {
        return cfg.maxAttachments;
    }

    /** Closes every connection and the listening socket; the event loops too unless given. */
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

    private final class Listener implements EngineListener {
        @Override
        public void onOpen(EngineSocket socket) {
            ServerConnection c = new ServerConnection(SocketIoServer.this, socket);
            EngineServer.attach(socket, c);
            c.armConnectTimeout();
        }

        @Override
        public void onMessage(EngineSocket socket, String text) {
            ServerConnection c = (ServerConnection) EngineServer.attachment(socket);
            if (c != null) {
                c.onText(text);
            }
        }

        @Override
        public void onMessage(EngineSocket socket, byte[] data) {
            ServerConnection c = (ServerConnection) EngineServer.attachment(socket);
            if (c != null) {
                c.onBinary(data);
            }
        }

        @Override
        public void onClose(EngineSocket socket, String reason) {
            ServerConnection c = (ServerConnection) EngineServer.attachment(socket);
            if (c != null) {
                c.onEngineClose(reason);
            }
        }
    }

    /** Server settings. */
    public static final class Builder extends ServerSettings<Builder> {
        private String path = "/socket.io/";
        private Duration connectTimeout = Duration.ofSeconds(45);
        private int maxAttachments = 10;
        private Path clientBundle;
        private boolean serveClient = true;
        private Path staticDirectory;
        private String staticClasspath;

        private Builder() {
        }

        /**
         * Engine.IO path, "/socket.io/" by default.
         *
         * @param path the path, with or without a trailing slash; also where the client builds
         *             are served
         * @return this builder
         */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /**
         * Time a new connection has to join a namespace before it is closed (default 45 s).
         *
         * @param d the timeout, counted from the Engine.IO handshake
         * @return this builder
         * @throws NullPointerException if {@code d} is null
         */
        public Builder connectTimeout(Duration d) {
            this.connectTimeout = Objects.requireNonNull(d);
            return this;
        }

        /**
         * Most binary attachments accepted in one packet (default 10).
         *
         * @param n the limit; a packet announcing more closes its connection
         * @return this builder
         */
        public Builder maxAttachments(int n) {
            this.maxAttachments = n;
            return this;
        }

        /**
         * Replaces the bundled socket.io-client 4.8.1 files. A file is served as
         * {@code <path>socket.io.min.js} (the other builds stay the bundled ones); a directory,
         * such as an npm install's {@code node_modules/socket.io-client/dist}, replaces them all.
         * Without it the server serves the files that rtc4j-signaling carries.
         *
         * @param fileOrDirectory the replacement file or directory, or null for the bundled files
         * @return this builder
         */
        public Builder clientBundle(Path fileOrDirectory) {
            this.clientBundle = fileOrDirectory;
            return this;
        }

        /**
         * Whether the socket.io client builds are served under the path (default true), as the
         * stock server's {@code serveClient} option: {@code socket.io.js}, {@code socket.io.min.js},
         * {@code socket.io.msgpack.min.js}, {@code socket.io.esm.min.js} and their {@code .map}s.
         *
         * @param serve false to answer those names like any other static path
         * @return this builder
         */
        public Builder serveClient(boolean serve) {
            this.serveClient = serve;
            return this;
        }

        /**
         * Directory of static files served for other paths ("/" maps to index.html). Requests
         * cannot reach files outside it; missing files fall through to {@link #staticClasspath}.
         *
         * @param dir the root directory, or null (default) for none
         * @return this builder
         */
        public Builder staticDirectory(Path dir) {
            this.staticDirectory = dir;
            return this;
        }

        /**
         * Classpath prefix of static files, used after {@link #staticDirectory}.
         *
         * @param prefix a resource folder such as {@code "web/"} (a leading slash is ignored), or
         *               null (default) for none
         * @return this builder
         */
        public Builder staticClasspath(String prefix) {
            this.staticClasspath = prefix;
            return this;
        }

        /**
         * Creates the server with the main namespace {@code "/"}; it is not listening yet, but its
         * own event loop group already exists, so {@link SocketIoServer#close()} it even if it is
         * never started.
         *
         * @return the server; call {@link SocketIoServer#start()} to bind it
         */
        public SocketIoServer build() {
            return new SocketIoServer(this);
        }
    }
}
