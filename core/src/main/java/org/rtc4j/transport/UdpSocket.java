package org.rtc4j.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.unix.SegmentedDatagramPacket;
import io.netty.util.concurrent.FastThreadLocal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bound UDP socket of a connection, registered on the connection's event loop: the socket
 * a host candidate stands for. Received datagrams go to the {@link DatagramHandler} on that
 * loop, lent in a buffer the loop reuses; {@link #send} may be called from the loop (the fast
 * path) or elsewhere (it hops over).
 *
 * <p>On the loop, datagrams are not flushed one by one: they are written, and one task queued
 * behind the loop's current work flushes them all, so a burst (an SCTP window, or the answers to
 * every datagram one wake-up read) leaves in one system call. With the epoll transport on Linux,
 * consecutive datagrams to one address with one size travel as a single UDP GSO send (the kernel
 * cuts it into the same datagrams the peer would otherwise get), and the receive side asks for
 * UDP GRO, so a burst from a GSO sender arrives in one read. The per-packet system-call and
 * network-stack work was about 40% of a bulk data channel's CPU time before this.
 */
public final class UdpSocket implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UdpSocket.class);
    // Large enough for the bursts a data channel sends; the kernel may clamp it.
    private static final int SOCKET_BUFFER = 4 << 20;
    /** Segments per GSO send: the kernel's limit is 64 (UDP_MAX_SEGMENTS on older kernels). */
    private static final int GSO_MAX_SEGMENTS = 64;
    /** Bytes per GSO send: the whole must fit one IP datagram. */
    private static final int GSO_MAX_BYTES = 65_000;
    /** A read buffer that holds what GRO may hand over in one read. */
    private static final int GRO_READ_BUFFER = 65_536;

    /** More than any UDP payload (at most 65,527 bytes, over IPv6) and than one read may hold. */
    private static final int MAX_DATAGRAM = 65_536;
    /**
     * Where each datagram is copied out of Netty's buffer to be handed over, one per loop thread:
     * the handler gets it lent for the call, so a forwarded packet costs no allocation.
     */
    private static final FastThreadLocal<byte[]> READ_BUFFER = new FastThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
            return new byte[MAX_DATAGRAM];
        }
    };

    private final Channel channel;
    private final InetSocketAddress local;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final Runnable flushTask = this::flush;
    // Loop-confined write batching (see the class comment).
    private boolean gso;
    private boolean flushQueued;
    private ByteBuf batch;
    private InetSocketAddress batchTo;
    private int segmentSize;
    private int segments;
    /** The batch ended with a shorter datagram; GSO allows that only for the last segment. */
    private boolean batchSealed;

    private UdpSocket(Channel channel, boolean gso) {
        this.channel = channel;
        this.local = (InetSocketAddress) channel.localAddress();
        this.gso = gso;
    }

    /**
     * Binds a socket on {@code address}, on a port from {@code ports}, registered on {@code loop}.
     * With a port range the ports are tried from a random point onwards until one binds.
     *
     * @param loops   supplies the channel class and whether GSO/GRO can be used
     * @param loop    the event loop the socket is registered on
     * @param address the local address to bind
     * @param ports   the ports that may be bound
     * @param handler receives the datagrams, on {@code loop}
     * @return a future completing with the socket, or failing when no port could be bound
     */
    public static CompletableFuture<UdpSocket> bind(EventLoops loops, EventLoop loop, InetAddress address,
            PortRange ports, DatagramHandler handler) {
        CompletableFuture<UdpSocket> result = new CompletableFuture<>();
        UdpSocket[] self = new UdpSocket[1];
        boolean segmentation = loops.isEpoll() && EpollDatagramChannel.isSegmentedDatagramPacketSupported();
        Bootstrap b = new Bootstrap().group(loop).channel(loops.datagramChannelClass())
                .option(ChannelOption.SO_RCVBUF, SOCKET_BUFFER)
                .option(ChannelOption.SO_SNDBUF, SOCKET_BUFFER);
        if (segmentation) {
            b.option(EpollChannelOption.UDP_GRO, true)
                    .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(GRO_READ_BUFFER));
        }
        b
                .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
                        ByteBuf content = packet.content();
                        int length = content.readableBytes();
                        UdpSocket s = self[0];
                        if (s != null && length <= MAX_DATAGRAM) {
                            byte[] data = READ_BUFFER.get();
                            content.getBytes(content.readerIndex(), data, 0, length);
                            s.received.incrementAndGet();
                            s.bytesReceived.addAndGet(length);
                            handler.onDatagram(s, packet.sender(), data, 0, length);
                        }
                    }

                    @Override
                    public void channelReadComplete(ChannelHandlerContext ctx) {
                        UdpSocket s = self[0];
                        if (s != null) {
                            handler.onReadComplete(s);
                        }
                    }

                    @Override
                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                        // ICMP port unreachable and the like: UDP carries on.
                        LOG.debug("UDP socket {}: {}", ctx.channel().localAddress(), cause.toString());
                    }
                });
        if (ports.isAny()) {
            tryBind(b, address, 0, 1, 0, 1, segmentation, self, result);
        } else {
            int span = ports.max() - ports.min() + 1;
            tryBind(b, address, ports.min(), span, ThreadLocalRandom.current().nextInt(span), span, segmentation, self,
                    result);
        }
        return result;
    }

    // Tries base + offset, then the following ports (wrapping within the range) until one binds.
    private static void tryBind(Bootstrap b, InetAddress address, int base, int span, int offset, int attempts,
            boolean gso, UdpSocket[] self, CompletableFuture<UdpSocket> result) {
        int port = base == 0 ? 0 : base + offset;
        ChannelFuture f = b.bind(new InetSocketAddress(address, port));
        f.addListener(done -> {
            if (done.isSuccess()) {
                self[0] = new UdpSocket(f.channel(), gso);
                result.complete(self[0]);
            } else if (attempts > 1) {
                tryBind(b, address, base, span, (offset + 1) % span, attempts - 1, gso, self, result);
            } else {
                result.completeExceptionally(done.cause());
            }
        });
    }

    /**
     * The bound address.
     *
     * @return the local address and the port that was bound
     */
    public InetSocketAddress localAddress() {
        return local;
    }

    /**
     * The event loop the socket lives on.
     *
     * @return the loop the socket was registered on
     */
    public EventLoop eventLoop() {
        return channel.eventLoop();
    }

    /**
     * Sends {@code data[offset..offset+length)} to {@code to}. The bytes are copied before this
     * returns, so the caller may reuse its array. On the loop the datagram leaves when the loop
     * finishes its current work (or at {@link #flush}); from elsewhere it is handed over at once.
     * Nothing is sent once the socket is closed.
     *
     * @param data   holds the datagram
     * @param offset where it starts
     * @param length its length in bytes
     * @param to     the destination
     */
    public void send(byte[] data, int offset, int length, InetSocketAddress to) {
        if (!channel.isActive()) {
            return;
        }
        sent.incrementAndGet();
        bytesSent.addAndGet(length);
        if (!channel.eventLoop().inEventLoop()) {
            ByteBuf buf = channel.alloc().directBuffer(length).writeBytes(data, offset, length);
            channel.writeAndFlush(new DatagramPacket(buf, to), channel.voidPromise());
            return;
        }
        if (gso) {
            if (batch != null && !fitsBatch(length, to)) {
                writeBatch();
            }
            if (batch == null) {
                batch = channel.alloc().directBuffer(Math.min(GSO_MAX_BYTES, length * 8), GSO_MAX_BYTES);
                batchTo = to;
                segmentSize = length;
                segments = 0;
                batchSealed = false;
            }
            batch.writeBytes(data, offset, length);
            segments++;
            batchSealed = length < segmentSize;
        } else {
            ByteBuf buf = channel.alloc().directBuffer(length).writeBytes(data, offset, length);
            channel.write(new DatagramPacket(buf, to), channel.voidPromise());
        }
        if (!flushQueued) {
            flushQueued = true;
            try {
                channel.eventLoop().execute(flushTask);
            } catch (RejectedExecutionException e) {
                flush(); // the loop is shutting down: no later turn to wait for
            }
        }
    }

    private boolean fitsBatch(int length, InetSocketAddress to) {
        return !batchSealed && length <= segmentSize && segments < GSO_MAX_SEGMENTS
                && batch.readableBytes() + length <= GSO_MAX_BYTES && to.equals(batchTo);
    }

    private void writeBatch() {
        ByteBuf b = batch;
        batch = null;
        if (segments == 1) {
            channel.write(new DatagramPacket(b, batchTo), channel.voidPromise());
            return;
        }
        channel.write(new SegmentedDatagramPacket(b, segmentSize, batchTo)).addListener(f -> {
            if (!f.isSuccess() && gso && channel.isOpen()) {
                // E.g. a route whose device cannot offload checksums: these datagrams are lost
                // (the protocols above retransmit), later ones go one by one.
                gso = false;
                LOG.debug("UDP socket {}: segmentation offload failed, sending datagrams one by one: {}", local,
                        f.cause().toString());
            }
        });
    }

    /** Sends what is written but not yet sent. Loop thread; {@link #send} arranges it on its own. */
    public void flush() {
        flushQueued = false;
        if (batch != null) {
            writeBatch();
        }
        channel.flush();
    }

    /**
     * Whether bursts currently leave as UDP GSO sends (epoll on Linux, until a send refuses it).
     *
     * @return true while segmentation offload is in use
     */
    public boolean segmentationOffload() {
        return gso;
    }

    /**
     * Datagrams sent.
     *
     * @return the number of datagrams handed to {@link #send} while the socket was open
     */
    public long datagramsSent() {
        return sent.get();
    }

    /**
     * Datagrams received.
     *
     * @return the number of datagrams passed to the handler
     */
    public long datagramsReceived() {
        return received.get();
    }

    /**
     * Payload bytes sent.
     *
     * @return the UDP payload bytes handed to {@link #send} while the socket was open
     */
    public long bytesSent() {
        return bytesSent.get();
    }

    /**
     * Payload bytes received.
     *
     * @return the UDP payload bytes passed to the handler
     */
    public long bytesReceived() {
        return bytesReceived.get();
    }

    /**
     * Whether the socket is still open.
     *
     * @return false once closed
     */
    public boolean isOpen() {
        return channel.isOpen();
    }

    /** Closes the socket; returns when it is closed. Safe to call twice. */
    @Override
    public void close() {
        EventLoop loop = channel.eventLoop();
        if (loop.inEventLoop()) {
            sendPendingAndClose();
            return;
        }
        try {
            loop.submit(this::sendPendingAndClose).awaitUninterruptibly();
        } catch (RejectedExecutionException e) {
            discardBatch(); // the loop is gone: nobody else touches the batch any more
        }
        channel.close().awaitUninterruptibly();
    }

    // What the stacks wrote last (an SCTP ABORT, a DTLS close_notify, a TURN refresh of zero
    // lifetime) is what tells the peer we are gone: send it, then close. Flushing on the loop
    // writes to the kernel at once, so the close that follows cannot overtake it.
    private void sendPendingAndClose() {
        if (channel.isActive()) {
            try {
                flush();
            } catch (RuntimeException e) {
                LOG.debug("UDP socket {}: last datagrams not sent: {}", local, e.toString());
            }
        }
        discardBatch();
        channel.close();
    }

    private void discardBatch() {
        if (batch != null) {
            batch.release();
            batch = null;
        }
    }
}
