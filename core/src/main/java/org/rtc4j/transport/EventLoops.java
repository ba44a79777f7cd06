package org.rtc4j.transport;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty event loops that carry every connection's sockets and timers: epoll where the
 * native transport loads, NIO elsewhere. A connection is pinned to one loop for its life, so
 * its state is touched by one thread and needs no locks.
 */
public final class EventLoops implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventLoops.class);

    private final EventLoopGroup group;
    private final boolean epoll;
    private final boolean owned;

    private EventLoops(EventLoopGroup group, boolean epoll, boolean owned) {
        this.group = group;
        this.epoll = epoll;
        this.owned = owned;
    }

    /**
     * A new group of {@code threads} loops (0 means Netty's default of twice the cores).
     *
     * @param threads     how many loops, or 0 for Netty's default
     * @param preferEpoll use the native epoll transport when it is available
     * @return the loops, owned: {@link #close()} shuts them down
     */
    public static EventLoops create(int threads, boolean preferEpoll) {
        boolean epoll = preferEpoll && Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads,
                new DefaultThreadFactory("rtc4j-loop", true), io);
        LOG.debug("event loops: {} threads, {}", threads, epoll ? "epoll" : "nio");
        return new EventLoops(group, epoll, true);
    }

    /**
     * Loops from a group the application already runs (it keeps owning it: {@link #close()}
     * leaves it running). The group must be NIO-based unless {@code epoll} is true.
     *
     * @param group the application's event loop group
     * @param epoll whether {@code group} runs the native epoll transport
     * @return loops over {@code group}, not owned
     */
    public static EventLoops shared(EventLoopGroup group, boolean epoll) {
        return new EventLoops(group, epoll, false);
    }

    /**
     * The next loop, round-robin: each new connection takes one.
     *
     * @return the group's next loop
     */
    public EventLoop next() {
        return group.next();
    }

    /**
     * Whether the native epoll transport is in use.
     *
     * @return true for epoll, false for NIO
     */
    public boolean isEpoll() {
        return epoll;
    }

    /**
     * The UDP channel class matching the loops.
     *
     * @return {@code EpollDatagramChannel} or {@code NioDatagramChannel}
     */
    public Class<? extends DatagramChannel> datagramChannelClass() {
        return epoll ? EpollDatagramChannel.class : NioDatagramChannel.class;
    }

    /**
     * The TCP client channel class matching the loops.
     *
     * @return {@code EpollSocketChannel} or {@code NioSocketChannel}
     */
    public Class<? extends SocketChannel> socketChannelClass() {
        return epoll ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    /**
     * The group itself, for bootstraps.
     *
     * @return the event loop group
     */
    public EventLoopGroup group() {
        return group;
    }

    /** Shuts the loops down (if this object created them) and waits up to five seconds. */
    @Override
    public void close() {
        if (owned) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }
}
