package org.rtc4j.signaling.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.rtc4j.signaling.engineio.EngineHttpHandler;

/**
 * The listening socket and HTTP pipeline both servers share: the HTTP codec, a body aggregator
 * sized to the Engine.IO buffer limit, the Engine.IO handler, and whatever answers other paths.
 */
final class HttpListener {
    private HttpListener() {
    }

    static EventLoopGroup ownGroup(int threads, String name) {
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), NioIoHandler.newFactory());
    }

    /**
     * Binds and blocks until bound.
     *
     * @param others the handler for requests outside the Engine.IO path (shared by every channel)
     * @throws IllegalStateException if interrupted while binding
     */
    static Channel bind(EventLoopGroup group, String host, int port, int maxBody, EngineHttpHandler eio,
                        ChannelHandler others) {
        ServerBootstrap b = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast("http-codec", new HttpServerCodec());
                        ch.pipeline().addLast("aggregator", new HttpObjectAggregator(maxBody));
                        ch.pipeline().addLast("eio", eio);
                        ch.pipeline().addLast("static", others);
                    }
                });
        try {
            return b.bind(host, port).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding", e);
        }
    }
}
