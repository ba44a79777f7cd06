package org.rtc4j.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bound UDP socket of a connection, registered on the connection's event loop: the socket
 * a host candidate stands for. Received datagrams go to the {@link DatagramHandler} on that
 * loop; {@link #send} may be called from the loop (the fast path) or elsewhere (it hops over).
 */
public final class UdpSocket implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UdpSocket.class);
    // Large enough for the bursts a data channel sends; the kernel may clamp it.
    private static final int SOCKET_BUFFER = 4 << 20;

    private final Channel channel;
    private final InetSocketAddress local;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();

    private UdpSocket(Channel channel) {
        this.channel = channel;
        this.local = (InetSocketAddress) channel.localAddress();
    }

    /**
     * Binds a socket on {@code address}, on a port from {@code ports}, registered on {@code loop}.
     * With a port range the ports are tried from a random point onwards until one binds.
     *
     * @return a future completing with the socket, or failing when no port could be bound
     */
    public static CompletableFuture<UdpSocket> bind(EventLoops loops, EventLoop loop, InetAddress address,
            PortRange ports, DatagramHandler handler) {
        CompletableFuture<UdpSocket> result = new CompletableFuture<>();
        UdpSocket[] self = new UdpSocket[1];
        Bootstrap b = new Bootstrap().group(loop).channel(loops.datagramChannelClass())
                .option(ChannelOption.SO_RCVBUF, SOCKET_BUFFER)
                .option(ChannelOption.SO_SNDBUF, SOCKET_BUFFER)
                .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
                        ByteBuf content = packet.content();
                        byte[] data = new byte[content.readableBytes()];
                        content.getBytes(content.readerIndex(), data);
                        UdpSocket s = self[0];
                        if (s != null) {
                            s.received.incrementAndGet();
                            s.bytesReceived.addAndGet(data.length);
                            handler.onDatagram(s, packet.sender(), data);
                        }
                    }

                    @Override
                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                        // ICMP port unreachable and the like: UDP carries on.
                        LOG.debug("UDP socket {}: {}", ctx.channel().localAddress(), cause.toString());
                    }
                });
        if (ports.isAny()) {
            tryBind(b, address, 0, 1, 0, 1, self, result);
        } else {
            int span = ports.max() - ports.min() + 1;
            tryBind(b, address, ports.min(), span, ThreadLocalRandom.current().nextInt(span), span, self, result);
        }
        return result;
    }

    // Tries base + offset, then the following ports (wrapping within the range) until one binds.
    private static void tryBind(Bootstrap b, InetAddress address, int base, int span, int offset, int attempts,
            UdpSocket[] self, CompletableFuture<UdpSocket> result) {
        int port = base == 0 ? 0 : base + offset;
        ChannelFuture f = b.bind(new InetSocketAddress(address, port));
        f.addListener(done -> {
            if (done.isSuccess()) {
                self[0] = new UdpSocket(f.channel());
                result.complete(self[0]);
            } else if (attempts > 1) {
                tryBind(b, address, base, span, (offset + 1) % span, attempts - 1, self, result);
            } else {
                result.completeExceptionally(done.cause());
            }
        });
    }

    /** The bound address. */
    public InetSocketAddress localAddress() {
        return local;
    }

    /** The event loop the socket lives on. */
    public EventLoop eventLoop() {
        return channel.eventLoop();
    }

    /**
     * Sends {@code data[offset..offset+length)} to {@code to}. The bytes are copied before this
     * returns, so the caller may reuse its array.
     */
    public void send(byte[] data, int offset, int length, InetSocketAddress to) {
        if (!channel.isActive()) {
            return;
        }
        ByteBuf buf = channel.alloc().directBuffer(length).writeBytes(data, offset, length);
        sent.incrementAndGet();
        bytesSent.addAndGet(length);
        channel.writeAndFlush(new DatagramPacket(buf, to), channel.voidPromise());
    }

    /** Datagrams sent. */
    public long datagramsSent() {
        return sent.get();
    }

    /** Datagrams received. */
    public long datagramsReceived() {
        return received.get();
    }

    /** Payload bytes sent. */
    public long bytesSent() {
        return bytesSent.get();
    }

    /** Payload bytes received. */
    public long bytesReceived() {
        return bytesReceived.get();
    }

    /** Whether the socket is still open. */
    public boolean isOpen() {
        return channel.isOpen();
    }

    /** Closes the socket; returns when it is closed. Safe to call twice. */
    @Override
    public void close() {
        if (channel.eventLoop().inEventLoop()) {
            channel.close();
        } else {
            channel.close().awaitUninterruptibly();
        }
    }
}
