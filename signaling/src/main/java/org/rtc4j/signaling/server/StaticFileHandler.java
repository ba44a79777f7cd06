package org.rtc4j.signaling.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves GET/HEAD requests that are not Engine.IO: the socket.io client builds under the engine
 * path (as the stock server does: ETag of the client version, 304 on If-None-Match), then files
 * from a directory or a classpath prefix. Paths cannot escape the root. Everything else is 404.
 */
@ChannelHandler.Sharable
final class StaticFileHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(StaticFileHandler.class);
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=UTF-8"), Map.entry("htm", "text/html; charset=UTF-8"),
            Map.entry("js", "application/javascript; charset=UTF-8"), Map.entry("mjs", "application/javascript; charset=UTF-8"),
            Map.entry("css", "text/css; charset=UTF-8"), Map.entry("json", "application/json"),
            Map.entry("map", "application/json"), Map.entry("png", "image/png"), Map.entry("svg", "image/svg+xml"),
            Map.entry("ico", "image/x-icon"), Map.entry("txt", "text/plain; charset=UTF-8"),
            Map.entry("wasm", "application/wasm"), Map.entry("jpg", "image/jpeg"));

    private final String enginePrefix;
    /** Null when the client is not served (the stock server's serveClient(false)). */
    private final ClientDist client;
    private final Path directory;
    private final String classpathPrefix;

    StaticFileHandler(String enginePath, ClientDist client, Path directory, String classpathPrefix) {
        this.enginePrefix = enginePath.endsWith("/") ? enginePath : enginePath + "/";
        this.client = client;
        this.directory = directory == null ? null : directory.toAbsolutePath().normalize();
        this.classpathPrefix = classpathPrefix == null ? null
                : (classpathPrefix.endsWith("/") ? classpathPrefix : classpathPrefix + "/").replaceFirst("^/", "");
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        try {
            boolean keepAlive = HttpUtil.isKeepAlive(req);
            if (req.method() != HttpMethod.GET && req.method() != HttpMethod.HEAD) {
                send(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, null, null, keepAlive, false);
                return;
            }
            String path = new QueryStringDecoder(req.uri()).path();
            byte[] body;
            if (client != null && path.startsWith(enginePrefix)
                    && ClientDist.isClientName(path.substring(enginePrefix.length()))) {
                serveClient(ctx, req, path.substring(enginePrefix.length()), keepAlive);
                return;
            } else {
                if (path.endsWith("/")) {
                    path = path + "index.html";
                }
                body = file(path);
            }
            if (body == null) {
                send(ctx, HttpResponseStatus.NOT_FOUND, "not found".getBytes(StandardCharsets.UTF_8),
                        "text/plain; charset=UTF-8", keepAlive, false);
            } else {
                send(ctx, HttpResponseStatus.OK, body, type(path), keepAlive, req.method() == HttpMethod.HEAD);
            }
        } finally {
            req.release();
        }
    }

    private void serveClient(ChannelHandlerContext ctx, FullHttpRequest req, String name, boolean keepAlive) {
        byte[] body;
        try {
            body = client.read(name);
        } catch (IOException e) {
            LOG.warn("cannot read the socket.io client file {}", name, e);
            body = null;
        }
        if (body == null) {
            send(ctx, HttpResponseStatus.NOT_FOUND, "not found".getBytes(StandardCharsets.UTF_8),
                    "text/plain; charset=UTF-8", keepAlive, false);
            return;
        }
        String type = name.endsWith(".map") ? "application/json; charset=utf-8" : "application/javascript; charset=utf-8";
        if (!client.bundled(name)) {
            send(ctx, HttpResponseStatus.OK, body, type, keepAlive, req.method() == HttpMethod.HEAD);
            return;
        }
        // The stock server's caching: the version is the ETag, and browsers revalidate every load.
        String etag = "\"" + ClientDist.VERSION + "\"";
        String asked = req.headers().get(HttpHeaderNames.IF_NONE_MATCH);
        FullHttpResponse r;
        if (etag.equals(asked) || ("W/" + etag).equals(asked)) {
            r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_MODIFIED, Unpooled.EMPTY_BUFFER);
        } else {
            r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    req.method() == HttpMethod.HEAD ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
            r.headers().set(HttpHeaderNames.CACHE_CONTROL, "public, max-age=0");
            HttpUtil.setContentLength(r, body.length);
        }
        r.headers().set(HttpHeaderNames.ETAG, etag);
        write(ctx, r, keepAlive);
    }

    private byte[] file(String path) {
        if (path.contains("\0") || path.contains("\\")) {
            return null;
        }
        String rel = path.replaceFirst("^/+", "");
        try {
            if (directory != null) {
                Path f = directory.resolve(rel).normalize();
                if (f.startsWith(directory) && Files.isRegularFile(f)) {
                    return Files.readAllBytes(f);
                }
            }
            if (classpathPrefix != null) {
                for (String seg : rel.split("/")) {
                    if (seg.equals("..") || seg.equals(".")) {
                        return null;
                    }
                }
                return resource(classpathPrefix + rel);
            }
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return null;
        }
        return null;
    }

    private static byte[] resource(String name) throws IOException {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        if (cl == null) {
            cl = StaticFileHandler.class.getClassLoader();
        }
        try (InputStream in = cl.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static String type(String path) {
        int dot = path.lastIndexOf('.');
        String ext = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private static void send(ChannelHandlerContext ctx, HttpResponseStatus status, byte[] body, String type,
                             boolean keepAlive, boolean head) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                body == null || head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        if (type != null) {
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
        }
        HttpUtil.setContentLength(r, body == null ? 0 : body.length);
        write(ctx, r, keepAlive);
    }

    private static void write(ChannelHandlerContext ctx, FullHttpResponse r, boolean keepAlive) {
        // "Connection: close" on the response when the request asked for it (RFC 9112 §9.6)
        HttpUtil.setKeepAlive(r, keepAlive);
        if (keepAlive) {
            ctx.writeAndFlush(r);
        } else {
            ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
