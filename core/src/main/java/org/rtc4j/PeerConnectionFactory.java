package org.rtc4j;

import io.netty.channel.EventLoopGroup;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.rtc4j.transport.EventLoops;

/**
 * Owns what connections share: the Netty event loops their sockets and timers run on (epoll
 * when available) and the small pool that runs DTLS handshakes, which BouncyCastle performs
 * blocking. Create one per application, create connections from it, close it last.
 *
 * <pre>{@code
 * try (PeerConnectionFactory factory = PeerConnectionFactory.create();
 *      RTCPeerConnection pc = factory.createPeerConnection(RTCConfiguration.builder().build())) {
 *     ...
 * }
 * }</pre>
 */
public final class PeerConnectionFactory implements AutoCloseable {

    private final EventLoops loops;
    private final ExecutorService handshakes;
    private final long epochNanos = System.nanoTime();
    private final Set<RTCPeerConnection> open = ConcurrentHashMap.newKeySet();
    private final java.util.Map<io.netty.channel.EventLoop, LoopClock> clocks = new ConcurrentHashMap<>();

    private PeerConnectionFactory(EventLoops loops) {
        this.loops = loops;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "rtc4j-dtls-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        // Handshakes block a thread for a few round trips each; idle threads go after a minute.
        this.handshakes = Executors.newCachedThreadPool(threads);
    }

    /**
     * A factory with its own event loops (as many as Netty's default) on epoll when available.
     *
     * @return the new factory; close it when done
     */
    public static PeerConnectionFactory create() {
        return create(0);
    }

    /**
     * A factory with {@code threads} event loops of its own (0: Netty's default).
     *
     * @param threads how many loops, or 0 for Netty's default (twice the cores)
     * @return the new factory; close it when done
     */
    public static PeerConnectionFactory create(int threads) {
        return new PeerConnectionFactory(EventLoops.create(threads, true));
    }

    /**
     * A factory whose connections run on loops of the application's own group, which it keeps
     * owning (closing the factory leaves it running).
     *
     * @param group the application's event loop group
     * @param epoll whether {@code group} is an epoll group (else NIO)
     * @return the new factory; closing it closes its connections but not {@code group}
     */
    public static PeerConnectionFactory shared(EventLoopGroup group, boolean epoll) {
        return new PeerConnectionFactory(EventLoops.shared(group, epoll));
    }

    /**
     * A new connection, pinned to the next event loop (W3C {@code new RTCPeerConnection}).
     *
     * @param configuration the connection's configuration; not null
     * @return the connection, in the {@code new} and {@code stable} states
     */
    public RTCPeerConnection createPeerConnection(RTCConfiguration configuration) {
        RTCPeerConnection pc = new RTCPeerConnection(this, configuration);
        open.add(pc);
        return pc;
    }

    /**
     * Connections created here and not yet closed.
     *
     * @return the number of open connections
     */
    public int openConnections() {
        return open.size();
    }

    EventLoops loops() {
        return loops;
    }

    ExecutorService handshakeExecutor() {
        return handshakes;
    }

    /** The clock of the connections on {@code loop}: one per loop, so its turns need no locks. */
    LoopClock clock(io.netty.channel.EventLoop loop) {
        return clocks.computeIfAbsent(loop, l -> new LoopClock(l, epochNanos));
    }

    /** Milliseconds on the monotonic clock all of this factory's connections share. */
    long now() {
        return (System.nanoTime() - epochNanos) / 1_000_000;
    }

    void closed(RTCPeerConnection pc) {
        open.remove(pc);
    }

    /** Closes every open connection, then the loops (if owned) and the handshake pool. */
    @Override
    public void close() {
        for (RTCPeerConnection pc : open.toArray(new RTCPeerConnection[0])) {
            pc.close();
        }
        handshakes.shutdownNow();
        loops.close();
        try {
            handshakes.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
