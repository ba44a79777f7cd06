package org.rtc4j.signaling.engineio;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Answers Engine.IO HTTP requests under the engine path (handshake, long-polling GET/POST,
 * WebSocket upgrade) and passes every other request down the pipeline (static files). Shared by
 * all channels: per-connection state lives in the session.
 *
 * <p>{@link org.rtc4j.signaling.server.EngineIoServer} and
 * {@link org.rtc4j.signaling.server.SocketIoServer} install it for you. In a pipeline of your
 * own, put it after an {@code HttpServerCodec} and an {@code HttpObjectAggregator} sized to
 * {@link EngineOptions#maxHttpBufferSize()}; on a WebSocket upgrade it replaces itself with the
 * session's frame handler and removes the handler named {@code "static"}, if there is one, since
 * that connection carries no more HTTP requests.
 */
@ChannelHandler.Sharable
public final class EngineHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final EngineServer server;
    private final String path;

    /**
     * @param server the engine
     * @param path   the engine path, e.g. {@code /socket.io/}
     */
    public EngineHttpHandler(EngineServer server, String path) {
        super(false);
        this.server = server;
        this.path = path.endsWith("/") ? path : path + "/";
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        QueryStringDecoder qd = new QueryStringDecoder(req.uri());
        String p = qd.path();
        if (!p.equals(path) && !p.equals(path.substring(0, path.length() - 1))) {
            ctx.fireChannelRead(req);
            return;
        }
        try {
            handle(ctx, req, qd);
        } finally {
            req.release();
        }
    }

    private void handle(ChannelHandlerContext ctx, FullHttpRequest req, QueryStringDecoder qd) {
        EngineOptions o = server.options();
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        String origin = req.headers().get(HttpHeaderNames.ORIGIN);
        if (req.method() == HttpMethod.OPTIONS && !o.corsOrigins().isEmpty()) {
            FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT);
            cors(r, origin, o);
            if (allowed(origin, o)) {
                r.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET,HEAD,PUT,PATCH,POST,DELETE");
                String h = req.headers().get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS);
                if (h != null) {
                    r.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, h);
                }
            }
            write(ctx, r, keepAlive);
            return;
        }
        Map<String, List<String>> query = qd.parameters();
        String transport = first(query, "transport");
        if (transport == null || !o.transports().contains(transport)) {
            error(ctx, keepAlive, origin, EngineError.UNKNOWN_TRANSPORT);
            return;
        }
        boolean upgrade = "websocket".equalsIgnoreCase(req.headers().get(HttpHeaderNames.UPGRADE));
        if (transport.equals("websocket") != upgrade) {
            error(ctx, keepAlive, origin, EngineError.BAD_REQUEST);
            return;
        }
        String sid = first(query, "sid");
        if (sid != null) {
            EngineSession s = server.session(sid);
            if (s == null) {
                error(ctx, keepAlive, origin, EngineError.UNKNOWN_SID);
                return;
            }
            if (upgrade) {
                if (s.isWebSocket() || s.isUpgrading()) {
                    // As the reference server: the WebSocket handshake completes and the new
                    // socket is closed at once; the session on its current transport is untouched.
                    handshakeAndClose(ctx, req);
                    return;
                }
                upgradeToWebSocket(ctx, req, s, true);
                return;
            }
            if (s.isWebSocket()) {
                error(ctx, keepAlive, origin, EngineError.BAD_REQUEST);
                return;
            }
            if (req.method() == HttpMethod.GET) {
                if (!s.onPoll(ctx, keepAlive, origin)) {
                    error(ctx, keepAlive, origin, EngineError.BAD_REQUEST);
                }
            } else if (req.method() == HttpMethod.POST) {
                onPost(ctx, req, s, keepAlive, origin);
            } else {
                error(ctx, keepAlive, origin, EngineError.BAD_REQUEST);
            }
            return;
        }
        if (req.method() != HttpMethod.GET) {
            error(ctx, keepAlive, origin, EngineError.BAD_HANDSHAKE_METHOD);
            return;
        }
        if (!"4".equals(first(query, "EIO"))) {
            error(ctx, keepAlive, origin, EngineError.UNSUPPORTED_PROTOCOL_VERSION);
            return;
        }
        EngineRequest er = new EngineRequest(query, req.headers(), ctx.channel().remoteAddress());
        if (!o.allowRequest().test(er)) {
            error(ctx, keepAlive, origin, EngineError.FORBIDDEN);
            return;
        }
        if (upgrade) {
            EngineSession s = server.create(er, ctx.channel(), true);
            upgradeToWebSocket(ctx, req, s, false);
            return;
        }
        EngineSession s = server.create(er, ctx.channel(), false);
        boolean upgradable = o.transports().contains("websocket");
        respondText(ctx, keepAlive, origin, o, "0" + server.openPacket(s.id(), upgradable),
                o.cookie() == null ? null : o.cookie().header(s.id()));
        server.opened(s);
    }

    private void onPost(ChannelHandlerContext ctx, FullHttpRequest req, EngineSession s, boolean keepAlive,
                        String origin) {
        List<EnginePacket> packets;
        try {
            packets = EngineCodec.decodePayload(req.content().toString(StandardCharsets.UTF_8));
        } catch (EngineParseException e) {
            s.close("parse error");
            error(ctx, keepAlive, origin, EngineError.BAD_REQUEST);
            return;
        }
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.copiedBuffer("ok", StandardCharsets.UTF_8));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/html");
        cors(r, origin, server.options());
        write(ctx, r, keepAlive);
        s.onPackets(packets);
    }

    /** The handshaker for this upgrade request, or null for a WebSocket version Netty does not speak. */
    private WebSocketServerHandshaker handshaker(FullHttpRequest req) {
        String url = "ws://" + req.headers().get(HttpHeaderNames.HOST, "localhost") + req.uri();
        WebSocketDecoderConfig cfg = WebSocketDecoderConfig.newBuilder()
                .maxFramePayloadLength(server.options().maxHttpBufferSize())
                .allowExtensions(false)
                .build();
        return new WebSocketServerHandshakerFactory(url, null, cfg).newHandshaker(req);
    }

    private void upgradeToWebSocket(ChannelHandlerContext ctx, FullHttpRequest req, EngineSession s, boolean probe) {
        WebSocketServerHandshaker hs = handshaker(req);
        if (hs == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            if (!probe) {
                s.close("transport error");
            }
            return;
        }
        if (probe && !s.startProbe(ctx.channel())) {
            error(ctx, HttpUtil.isKeepAlive(req), req.headers().get(HttpHeaderNames.ORIGIN), EngineError.BAD_REQUEST);
            return;
        }
        EngineWebSocketHandler wsHandler = new EngineWebSocketHandler(s, probe);
        EngineCookie cookie = server.options().cookie();
        // A session that opens on WebSocket gets its cookie on the 101; a probe's session has it.
        ChannelFuture f = probe || cookie == null ? hs.handshake(ctx.channel(), req)
                : hs.handshake(ctx.channel(), req,
                        new DefaultHttpHeaders().set(HttpHeaderNames.SET_COOKIE, cookie.header(s.id())),
                        ctx.channel().newPromise());
        ctx.pipeline().replace(this, "eio-ws", wsHandler);
        if (ctx.pipeline().get("static") != null) {
            ctx.pipeline().remove("static");
        }
        ctx.pipeline().addBefore("eio-ws", "ws-aggregator",
                new WebSocketFrameAggregator(server.options().maxHttpBufferSize()));
        if (!probe) {
            f.addListener((ChannelFutureListener) done -> {
                if (done.isSuccess()) {
                    s.send(EnginePacket.of(EnginePacket.Type.OPEN, server.openPacket(s.id(), false)));
                    server.opened(s);
                } else {
                    s.close("transport error");
                }
            });
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        EngineSession s = ctx.channel().attr(EngineServer.POLL_OWNER).getAndSet(null);
        if (s != null) {
            s.onPollConnectionClosed(ctx.channel());
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        EngineServer.LOG.debug("HTTP connection error", cause);
        ctx.close();
    }

    private void handshakeAndClose(ChannelHandlerContext ctx, FullHttpRequest req) {
        WebSocketServerHandshaker hs = handshaker(req);
        if (hs == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return;
        }
        Channel ch = ctx.channel();
        hs.handshake(ch, req).addListener((ChannelFutureListener) done -> {
            if (done.isSuccess()) {
                ch.writeAndFlush(new CloseWebSocketFrame()).addListener(ChannelFutureListener.CLOSE);
            } else {
                ch.close();
            }
        });
    }

    private static String first(Map<String, List<String>> q, String name) {
        List<String> v = q.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static boolean allowed(String origin, EngineOptions o) {
        return origin != null && (o.corsOrigins().contains("*") || o.corsOrigins().contains(origin));
    }

    static void cors(FullHttpResponse r, String origin, EngineOptions o) {
        if (allowed(origin, o)) {
            r.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            r.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
            r.headers().set(HttpHeaderNames.VARY, "Origin");
        }
    }

    static void respondText(ChannelHandlerContext ctx, boolean keepAlive, String origin, EngineOptions o, String body) {
        respondText(ctx, keepAlive, origin, o, body, null);
    }

    private static void respondText(ChannelHandlerContext ctx, boolean keepAlive, String origin, EngineOptions o,
                                    String body, String setCookie) {
        ByteBuf content = Unpooled.copiedBuffer(body, StandardCharsets.UTF_8);
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, content);
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=UTF-8");
        r.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        if (setCookie != null) {
            r.headers().set(HttpHeaderNames.SET_COOKIE, setCookie);
        }
        cors(r, origin, o);
        write(ctx, r, keepAlive);
    }

    private void error(ChannelHandlerContext ctx, boolean keepAlive, String origin, EngineError e) {
        error(ctx, keepAlive, origin, server.options(), e);
    }

    static void error(ChannelHandlerContext ctx, boolean keepAlive, String origin, EngineOptions o, EngineError e) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, e.status(),
                Unpooled.copiedBuffer(e.json(), StandardCharsets.UTF_8));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        cors(r, origin, o);
        write(ctx, r, keepAlive);
    }

    static void write(ChannelHandlerContext ctx, FullHttpResponse r, boolean keepAlive) {
        HttpUtil.setContentLength(r, r.content().readableBytes());
        // RFC 9112 §9.6: the response to a request that asked to close says so too, or a
        // keep-alive client pools the socket this server is about to close.
        HttpUtil.setKeepAlive(r, keepAlive);
        if (keepAlive) {
            ctx.writeAndFlush(r);
        } else {
            ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
