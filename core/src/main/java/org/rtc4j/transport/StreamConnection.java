package org.rtc4j.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * A TCP (optionally TLS) connection to a TURN server on a connection's event loop: the byte
 * stream ICE's TURN client frames its messages on (RFC 8656 §3.3 and RFC 6062 framing is the
 * ICE module's job; this only moves bytes).
 */
public final class StreamConnection implements AutoCloseable {

    private final Channel channel;

    private StreamConnection(Channel channel) {
        this.channel = channel;
    }

    /**
     * Connects to {@code server} (with TLS when {@code tls} is non-null, checking the server's
     * certificate against {@code serverName}); received bytes go to {@code onBytes} on the loop.
     * The future completes once the connection (and TLS handshake) is up.
     *
     * @param loops      supplies the TCP channel class matching {@code loop}
     * @param loop       the event loop the connection runs on
     * @param server     the server's address
     * @param tls        the TLS context, or null for plain TCP
     * @param serverName the name the server's certificate must match (HTTPS rules) and the SNI
     *                   host; used with TLS only
     * @param onBytes    called on the loop with each chunk of bytes received, as TCP delivers
     *                   them (not framed)
     * @param onClose    run on the loop when the connection closes, from either side
     * @return completes with the connection; fails if the connection or the TLS handshake fails
     *         (connecting times out after 10 s)
     */
    public static CompletableFuture<StreamConnection> connect(EventLoops loops, EventLoop loop,
            InetSocketAddress server, SSLContext tls, String serverName, Consumer<byte[]> onBytes, Runnable onClose) {
        CompletableFuture<StreamConnection> result = new CompletableFuture<>();
        Bootstrap b = new Bootstrap().group(loop).channel(loops.socketChannelClass())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        if (tls != null) {
                            SSLEngine engine = tls.createSSLEngine(serverName, server.getPort());
                            engine.setUseClientMode(true);
                            SSLParameters p = engine.getSSLParameters();
                            p.setEndpointIdentificationAlgorithm("HTTPS");
                            engine.setSSLParameters(p);
                            ch.pipeline().addLast(new SslHandler(engine));
                        }
                        ch.pipeline().addLast(new SimpleChannelInboundHandler<ByteBuf>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
                                byte[] data = new byte[msg.readableBytes()];
                                msg.readBytes(data);
                                onBytes.accept(data);
                            }

                            @Override
                            public void channelInactive(ChannelHandlerContext ctx) {
                                onClose.run();
                            }

                            @Override
                            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                result.completeExceptionally(cause);
                                ctx.close();
                            }
                        });
                    }
                });
        b.connect(server).addListener(f -> {
            if (!f.isSuccess()) {
                result.completeExceptionally(f.cause());
                return;
            }
            Channel ch = ((io.netty.channel.ChannelFuture) f).channel();
            SslHandler ssl = ch.pipeline().get(SslHandler.class);
            if (ssl == null) {
                result.complete(new StreamConnection(ch));
            } else {
                ssl.handshakeFuture().addListener(h -> {
                    if (h.isSuccess()) {
                        result.complete(new StreamConnection(ch));
                    } else {
                        result.completeExceptionally(h.cause());
                        ch.close();
                    }
                });
            }
        });
        return result;
    }

    /**
     * Writes bytes (copied). Nothing is written once the connection is closed.
     *
     * @param data the bytes, sent and flushed at once
     */
    public void write(byte[] data) {
        if (channel.isActive()) {
            channel.writeAndFlush(channel.alloc().buffer(data.length).writeBytes(data), channel.voidPromise());
        }
    }

    /** Closes the connection. */
    @Override
    public void close() {
        channel.close();
    }
}
