package org.rtc4j.signaling.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.rtc4j.signaling.engineio.EngineCodec;
import org.rtc4j.signaling.engineio.EnginePacket;
import org.rtc4j.signaling.engineio.EngineParseException;
import org.rtc4j.signaling.socketio.Ack;
import org.rtc4j.signaling.socketio.AckTimeoutException;
import org.rtc4j.signaling.socketio.Args;
import org.rtc4j.signaling.socketio.ConnectError;
import org.rtc4j.signaling.socketio.EventHandler;
import org.rtc4j.signaling.socketio.SioCodec;
import org.rtc4j.signaling.socketio.SioPacket;
import org.rtc4j.signaling.socketio.SioParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Socket.IO v5 client over the Engine.IO v4 WebSocket transport, for one namespace. Emits made
 * while disconnected are buffered and sent on (re)connect; after a lost connection it reconnects
 * with exponential back-off and jitter. Callbacks run on the client's Netty event loop.
 *
 * <pre>{@code
 * SocketIoClient c = SocketIoClient.builder(URI.create("http://127.0.0.1:3000"))
 *         .auth(Map.of("token", token)).build();
 * c.on("peer-joined", (args, ack) -> …);
 * c.connect().get(5, SECONDS);
 * Args reply = c.emitWithAck(Duration.ofSeconds(5), "join", Map.of("room", "r1")).get();
 * }</pre>
 */
public final class SocketIoClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SocketIoClient.class);
    private static volatile EventLoopGroup sharedGroup;

    private final Builder cfg;
    private final EventLoopGroup group;
    private final Map<String, List<EventHandler>> handlers = new HashMap<>();
    private final List<Runnable> connectListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> disconnectListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<ConnectError>> errorListeners = new CopyOnWriteArrayList<>();

    // Guarded by this.
    private Channel channel;
    private boolean connected;
    private boolean closedByUser;
    private boolean refused;
    private String id;
    private int attempts;
    private long nextAckId;
    private final Map<Long, CompletableFuture<Args>> acks = new HashMap<>();
    private final List<SioPacket> sendBuffer = new ArrayList<>();
    private CompletableFuture<String> firstConnect = new CompletableFuture<>();
    private ScheduledFuture<?> watchdog;
    private ScheduledFuture<?> reconnectTimer;
    private long heartbeatMillis = 45_000;
    private SioPacket pendingBinary;
    private List<byte[]> attachments;
    private int expected;

    private SocketIoClient(Builder b) {
        this.cfg = b;
        this.group = b.group != null ? b.group : shared();
    }

    private static EventLoopGroup shared() {
        EventLoopGroup g = sharedGroup;
        if (g == null) {
            synchronized (SocketIoClient.class) {
                if (sharedGroup == null) {
                    sharedGroup = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("rtc4j-sio-client", true),
                            NioIoHandler.newFactory());
                }
                g = sharedGroup;
            }
        }
        return g;
    }

    /**
     * A client for {@code uri} (http://host:port or ws://host:port). Only the URI's host and port
     * are used (port 80 when it has none); the engine path comes from {@link Builder#path}, not
     * from the URI, and the connection is always plain WebSocket (no TLS), whatever the scheme.
     *
     * @param uri the server address
     * @return a builder with the defaults: path {@code /socket.io/}, namespace {@code "/"},
     *         reconnection forever with 1 s to 5 s back-off
     * @throws NullPointerException if {@code uri} is null
     */
    public static Builder builder(URI uri) {
        return new Builder(uri);
    }

    /**
     * Registers an event handler (server-sent events). Handlers of one event run in registration
     * order on the event loop; a {@link RuntimeException} thrown by one is logged and the next
     * still runs.
     *
     * @param event the event name
     * @param h     called with the event's arguments and its ack
     * @return this client
     */
    public SocketIoClient on(String event, EventHandler h) {
        synchronized (handlers) {
            handlers.computeIfAbsent(event, k -> new ArrayList<>(1)).add(h);
        }
        return this;
    }

    /**
     * Called on every successful (re)connection to the namespace, after buffered emits were sent.
     *
     * @param r the listener; a {@link RuntimeException} it throws is logged
     * @return this client
     */
    public SocketIoClient onConnect(Runnable r) {
        connectListeners.add(r);
        return this;
    }

    /**
     * Called with the reason when a connected client loses its namespace connection.
     *
     * @param c receives {@code "io server disconnect"} (the server sent DISCONNECT; no
     *          reconnection follows), {@code "io client disconnect"} (after {@link #disconnect()})
     *          or {@code "transport close"} (the connection dropped or the server stopped pinging)
     * @return this client
     */
    public SocketIoClient onDisconnect(Consumer<String> c) {
        disconnectListeners.add(c);
        return this;
    }

    /**
     * Called when the server refuses the connection or the transport fails to connect; once per
     * failed attempt, so also between reconnection attempts.
     *
     * @param c receives the error: the server's CONNECT_ERROR message and data, or
     *          "connection failed: ..." for a TCP failure
     * @return this client
     */
    public SocketIoClient onConnectError(Consumer<ConnectError> c) {
        errorListeners.add(c);
        return this;
    }

    /**
     * Connects; completes with the socket id, or fails with {@link ConnectError}. Calling it while
     * connected or connecting returns the same future. While reconnection is on, transport
     * failures are retried and the future waits; it fails when the server refuses, when the
     * attempts are exhausted, or when the connection closes with reconnection off.
     *
     * @return the future of the first successful connection; its value is the {@code sid} of the
     *         server's CONNECT answer, or null if the server sent none
     */
    public synchronized CompletableFuture<String> connect() {
        closedByUser = false;
        refused = false;
        if (firstConnect.isDone() && !connected) {
            firstConnect = new CompletableFuture<>();
        }
        if (channel == null) {
            open();
        }
        return firstConnect;
    }

    /**
     * The socket id of the current connection, or null.
     *
     * @return the id of the latest namespace connection (kept after a disconnect), or null before
     *         the first one
     */
    public synchronized String id() {
        return id;
    }

    /**
     * Whether the client is connected to its namespace.
     *
     * @return true between the server's CONNECT answer and the loss of the connection
     */
    public synchronized boolean connected() {
        return connected;
    }

    /**
     * Emits an event (buffered while disconnected). The buffer has no size limit and is sent, in
     * order, on the next (re)connection.
     *
     * @param event the event name
     * @param args  the arguments, converted as by {@link SioCodec#toNode(Object)} ({@code byte[]}
     *              travels as a binary attachment)
     */
    public void emit(String event, Object... args) {
        send(new SioPacket(SioPacket.Type.EVENT, cfg.namespace, -1, SioCodec.array(event, args)));
    }

    /**
     * Emits an event and waits for the server's ack, failing after {@code timeout}. The timeout
     * runs from this call, also while the emit is buffered; a disconnect does not fail the future
     * early.
     *
     * @param timeout how long the server has to answer
     * @param event   the event name
     * @param args    the arguments, converted as by {@link SioCodec#toNode(Object)}
     * @return completes with the ack's arguments, or fails with {@link AckTimeoutException}
     */
    public CompletableFuture<Args> emitWithAck(Duration timeout, String event, Object... args) {
        CompletableFuture<Args> f = new CompletableFuture<>();
        long ackId;
        synchronized (this) {
            ackId = nextAckId++;
            acks.put(ackId, f);
        }
        ScheduledFuture<?> t = group.schedule(() -> {
            synchronized (this) {
                acks.remove(ackId);
            }
            f.completeExceptionally(new AckTimeoutException("no ack for '" + event + "' within " + timeout));
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        f.whenComplete((a, e) -> t.cancel(false));
        send(new SioPacket(SioPacket.Type.EVENT, cfg.namespace, ackId, SioCodec.array(event, args)));
        return f;
    }

    /** Leaves the namespace and closes the connection; no reconnection. */
    public void disconnect() {
        Channel ch;
        synchronized (this) {
            closedByUser = true;
            cancelTimers();
            ch = channel;
            if (connected && ch != null) {
                writePacket(ch, new SioPacket(SioPacket.Type.DISCONNECT, cfg.namespace, -1, null));
            }
        }
        if (ch != null) {
            ch.close();
        }
    }

    /** Same as {@link #disconnect()}; the shared event loops keep running. */
    @Override
    public void close() {
        disconnect();
    }

    private void send(SioPacket p) {
        synchronized (this) {
            if (!connected || channel == null) {
                sendBuffer.add(p);
                return;
            }
            writePacket(channel, p);
        }
    }

    private static void writePacket(Channel ch, SioPacket p) {
        SioCodec.Encoded e = SioCodec.encode(p);
        ch.write(new TextWebSocketFrame("4" + e.text()));
        for (byte[] b : e.attachments()) {
            ch.write(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(b)));
        }
        ch.flush();
    }

    // Caller holds the monitor.
    private void open() {
        URI u = cfg.uri;
        String scheme = "ws";
        int port = u.getPort() > 0 ? u.getPort() : 80;
        String path = cfg.path.endsWith("/") ? cfg.path : cfg.path + "/";
        URI ws = URI.create(scheme + "://" + u.getHost() + ":" + port + path + "?EIO=4&transport=websocket");
        WebSocketClientProtocolConfig wsCfg = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(ws)
                .maxFramePayloadLength(cfg.maxPayload)
                .handleCloseFrames(true)
                .dropPongFrames(true)
                .handshakeTimeoutMillis(cfg.connectTimeout.toMillis())
                .build();
        Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) cfg.connectTimeout.toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(65536),
                                new WebSocketClientProtocolHandler(wsCfg),
                                new WebSocketFrameAggregator(cfg.maxPayload), new Handler());
                    }
                });
        io.netty.channel.ChannelFuture cf = b.connect(u.getHost(), port);
        channel = cf.channel();
        cf.addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                onTransportFailure(f.channel(), new ConnectError("connection failed: " + f.cause().getMessage()));
            }
        });
    }

    private void onTransportFailure(Channel ch, ConnectError err) {
        boolean retry;
        synchronized (this) {
            if (channel != ch) {
                return;
            }
            channel = null;
            retry = cfg.reconnection && !closedByUser && !refused;
            if (!retry) {
                firstConnect.completeExceptionally(err);
            }
        }
        for (Consumer<ConnectError> c : errorListeners) {
            c.accept(err);
        }
        if (retry) {
            scheduleReconnect();
        }
    }

    private synchronized void scheduleReconnect() {
        if (closedByUser || reconnectTimer != null) {
            return;
        }
        if (cfg.reconnectionAttempts >= 0 && attempts >= cfg.reconnectionAttempts) {
            firstConnect.completeExceptionally(new ConnectError("reconnection attempts exhausted"));
            return;
        }
        long base = cfg.reconnectionDelay.toMillis() * (1L << Math.min(attempts, 20));
        double jitter = 1 + (ThreadLocalRandom.current().nextDouble() * 2 - 1) * cfg.randomizationFactor;
        long delay = Math.min(cfg.reconnectionDelayMax.toMillis(), (long) (base * jitter));
        attempts++;
        reconnectTimer = group.schedule(() -> {
            synchronized (this) {
                reconnectTimer = null;
                if (!closedByUser && channel == null) {
                    open();
                }
            }
        }, Math.max(0, delay), TimeUnit.MILLISECONDS);
    }

    // Caller holds the monitor.
    private void cancelTimers() {
        if (watchdog != null) {
            watchdog.cancel(false);
            watchdog = null;
        }
        if (reconnectTimer != null) {
            reconnectTimer.cancel(false);
            reconnectTimer = null;
        }
    }

    private synchronized void armWatchdog(Channel ch) {
        if (watchdog != null) {
            watchdog.cancel(false);
        }
        // A server that neither pings nor closes for pingInterval+pingTimeout is gone.
        watchdog = ch.eventLoop().schedule(() -> {
            LOG.debug("no ping from server, closing");
            ch.close();
        }, heartbeatMillis, TimeUnit.MILLISECONDS);
    }

    private void onEnginePacket(Channel ch, EnginePacket p) {
        switch (p.type()) {
            case OPEN -> {
                try {
                    JsonNode open = SioCodec.MAPPER.readTree(p.text());
                    synchronized (this) {
                        heartbeatMillis = open.path("pingInterval").asLong(25_000) + open.path("pingTimeout").asLong(20_000);
                    }
                } catch (java.io.IOException e) {
                    ch.close();
                    return;
                }
                armWatchdog(ch);
                JsonNode auth = cfg.auth == null ? null : SioCodec.toNode(cfg.auth);
                writePacket(ch, new SioPacket(SioPacket.Type.CONNECT, cfg.namespace, -1, auth));
            }
            case PING -> {
                armWatchdog(ch);
                if (!cfg.ignorePings) {
                    ch.writeAndFlush(new TextWebSocketFrame("3"));
                }
            }
            case MESSAGE -> {
                if (p.isBinary()) {
                    onBinary(ch, p.binary());
                } else {
                    onText(ch, p.text());
                }
            }
            case CLOSE -> ch.close();
            default -> {
            }
        }
    }

    private void onText(Channel ch, String text) {
        SioCodec.Decoded d;
        try {
            d = SioCodec.decode(text, cfg.maxAttachments, true);
        } catch (SioParseException e) {
            LOG.debug("bad packet from server: {}", e.getMessage());
            ch.close();
            return;
        }
        if (d.attachments() > 0) {
            pendingBinary = d.packet();
            expected = d.attachments();
            attachments = new ArrayList<>();
            return;
        }
        onPacket(ch, d.packet());
    }

    private void onBinary(Channel ch, byte[] data) {
        if (pendingBinary == null) {
            ch.close();
            return;
        }
        attachments.add(data);
        if (attachments.size() < expected) {
            return;
        }
        SioPacket p;
        try {
            p = SioCodec.reconstruct(pendingBinary, attachments);
        } catch (SioParseException e) {
            ch.close();
            return;
        } finally {
            pendingBinary = null;
            attachments = null;
        }
        onPacket(ch, p);
    }

    private void onPacket(Channel ch, SioPacket p) {
        if (!p.nsp().equals(cfg.namespace)) {
            return;
        }
        switch (p.type()) {
            case CONNECT -> {
                List<SioPacket> buffered;
                synchronized (this) {
                    connected = true;
                    attempts = 0;
                    id = p.data() == null ? null : p.data().path("sid").asText(null);
                    buffered = new ArrayList<>(sendBuffer);
                    sendBuffer.clear();
                    for (SioPacket b : buffered) {
                        writePacket(ch, b);
                    }
                }
                for (Runnable r : connectListeners) {
                    safe(r);
                }
                firstConnect.complete(id);
            }
            case CONNECT_ERROR -> {
                JsonNode d = p.data();
                String msg = d.isTextual() ? d.asText() : d.path("message").asText("connect error");
                ConnectError err = new ConnectError(msg, d.isObject() ? d.get("data") : null);
                synchronized (this) {
                    refused = true;
                    firstConnect.completeExceptionally(err);
                }
                for (Consumer<ConnectError> c : errorListeners) {
                    c.accept(err);
                }
                ch.close();
            }
            case EVENT, BINARY_EVENT -> {
                ArrayNode arr = (ArrayNode) p.data();
                String event = arr.get(0).asText();
                Ack ack = p.hasId() ? new AckReply(ch, p.id()) : Ack.NONE;
                List<EventHandler> hs;
                synchronized (handlers) {
                    hs = List.copyOf(handlers.getOrDefault(event, List.of()));
                }
                Args args = Args.afterEventName(arr);
                for (EventHandler h : hs) {
                    try {
                        h.handle(args, ack);
                    } catch (RuntimeException e) {
                        LOG.warn("client handler for '{}' failed", event, e);
                    }
                }
            }
            case ACK, BINARY_ACK -> {
                CompletableFuture<Args> f;
                synchronized (this) {
                    f = acks.remove(p.id());
                }
                if (f != null) {
                    f.complete(Args.of((ArrayNode) p.data()));
                }
            }
            case DISCONNECT -> {
                synchronized (this) {
                    closedByUser = true;
                }
                ch.close();
                fireDisconnect("io server disconnect");
            }
            default -> {
            }
        }
    }

    private void safe(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("client listener failed", e);
        }
    }

    private void fireDisconnect(String reason) {
        boolean was;
        synchronized (this) {
            was = connected;
            connected = false;
        }
        if (was) {
            for (Consumer<String> c : disconnectListeners) {
                c.accept(reason);
            }
        }
    }

    private void onChannelClosed(Channel ch) {
        boolean retry;
        synchronized (this) {
            if (channel != ch) {
                return;
            }
            channel = null;
            if (watchdog != null) {
                watchdog.cancel(false);
                watchdog = null;
            }
            pendingBinary = null;
            retry = cfg.reconnection && !closedByUser && !refused;
        }
        fireDisconnect(closedByUser ? "io client disconnect" : "transport close");
        if (retry) {
            scheduleReconnect();
        } else {
            synchronized (this) {
                if (!firstConnect.isDone() && !refused) {
                    firstConnect.completeExceptionally(new ConnectError("connection closed"));
                }
            }
        }
    }

    private final class AckReply implements Ack {
        private final Channel ch;
        private final long ackId;
        private boolean sent;

        AckReply(Channel ch, long ackId) {
            this.ch = ch;
            this.ackId = ackId;
        }

        @Override
        public boolean requested() {
            return true;
        }

        @Override
        public synchronized void send(Object... args) {
            if (!sent) {
                sent = true;
                writePacket(ch, new SioPacket(SioPacket.Type.ACK, cfg.namespace, ackId, SioCodec.array(null, args)));
            }
        }
    }

    private final class Handler extends SimpleChannelInboundHandler<WebSocketFrame> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            EnginePacket p;
            if (frame instanceof TextWebSocketFrame t) {
                try {
                    p = EngineCodec.decodeText(t.content().toString(StandardCharsets.UTF_8));
                } catch (EngineParseException e) {
                    ctx.close();
                    return;
                }
            } else if (frame instanceof BinaryWebSocketFrame b) {
                p = EnginePacket.message(ByteBufUtil.getBytes(b.content()));
            } else {
                return;
            }
            onEnginePacket(ctx.channel(), p);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            onChannelClosed(ctx.channel());
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("client connection error", cause);
            ctx.close();
        }
    }

    /** Client settings. */
    public static final class Builder {
        private final URI uri;
        private String path = "/socket.io/";
        private String namespace = "/";
        private Object auth;
        private boolean reconnection = true;
        private int reconnectionAttempts = -1;
        private Duration reconnectionDelay = Duration.ofSeconds(1);
        private Duration reconnectionDelayMax = Duration.ofSeconds(5);
        private double randomizationFactor = 0.5;
        private Duration connectTimeout = Duration.ofSeconds(20);
        private int maxPayload = 1_000_000;
        private int maxAttachments = 10;
        private EventLoopGroup group;
        private boolean ignorePings;

        private Builder(URI uri) {
            this.uri = Objects.requireNonNull(uri);
        }

        /**
         * Engine path, "/socket.io/" by default.
         *
         * @param p the path, with or without a trailing slash
         * @return this builder
         */
        public Builder path(String p) {
            this.path = p;
            return this;
        }

        /**
         * Namespace to join, "/" by default.
         *
         * @param nsp the namespace; a leading slash is added when missing
         * @return this builder
         */
        public Builder namespace(String nsp) {
            this.namespace = nsp.startsWith("/") ? nsp : "/" + nsp;
            return this;
        }

        /**
         * CONNECT payload, e.g. {@code Map.of("token", jwt)}.
         *
         * @param auth any JSON-serializable value that converts to a JSON object, or null (default)
         *             to send none; sent on every (re)connection
         * @return this builder
         */
        public Builder auth(Object auth) {
            this.auth = auth;
            return this;
        }

        /**
         * Whether to reconnect after a lost or failed connection (default true). Never after
         * {@link SocketIoClient#disconnect()}, a server DISCONNECT or a CONNECT_ERROR.
         *
         * @param on false to stay disconnected
         * @return this builder
         */
        public Builder reconnection(boolean on) {
            this.reconnection = on;
            return this;
        }

        /**
         * Attempts before giving up; negative (default) means forever.
         *
         * @param n reconnection attempts in a row (the count resets on each successful connection)
         * @return this builder
         */
        public Builder reconnectionAttempts(int n) {
            this.reconnectionAttempts = n;
            return this;
        }

        /**
         * First back-off delay (doubles per attempt, capped by {@link #reconnectionDelayMax}).
         *
         * @param d the delay before the first reconnection attempt; 1 s by default
         * @return this builder
         */
        public Builder reconnectionDelay(Duration d) {
            this.reconnectionDelay = d;
            return this;
        }

        /**
         * Longest back-off delay, after jitter.
         *
         * @param d the cap; 5 s by default
         * @return this builder
         */
        public Builder reconnectionDelayMax(Duration d) {
            this.reconnectionDelayMax = d;
            return this;
        }

        /**
         * Jitter: each delay is scaled by a random factor in [1-f, 1+f] (default 0.5).
         *
         * @param f the randomization factor, 0 for none
         * @return this builder
         */
        public Builder randomizationFactor(double f) {
            this.randomizationFactor = f;
            return this;
        }

        /**
         * Time allowed for the TCP connection, and again for the WebSocket handshake (default
         * 20 s). It does not bound the wait for the Socket.IO CONNECT answer.
         *
         * @param d the timeout
         * @return this builder
         */
        public Builder connectTimeout(Duration d) {
            this.connectTimeout = d;
            return this;
        }

        /**
         * Event loops to run on; by default all clients share one daemon group that is never
         * shut down.
         *
         * @param g the group, or null for the shared one
         * @return this builder
         */
        public Builder eventLoopGroup(EventLoopGroup g) {
            this.group = g;
            return this;
        }

        /**
         * Test hook: never answer server pings (simulates a stalled client).
         *
         * @param ignore true to drop pings, so the server closes the session on ping timeout
         * @return this builder
         */
        public Builder ignorePings(boolean ignore) {
            this.ignorePings = ignore;
            return this;
        }

        /**
         * Creates the client, not yet connected.
         *
         * @return the client; call {@link SocketIoClient#connect()} to connect
         */
        public SocketIoClient build() {
            return new SocketIoClient(this);
        }
    }
}
