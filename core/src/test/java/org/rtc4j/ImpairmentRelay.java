package org.rtc4j;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A UDP relay between two peers on loopback that loses, duplicates, delays and so reorders
 * datagrams: this kernel has no netem, so tests put this between real sockets. Peer A is told
 * that B lives at {@link #facingA()}, and B that A lives at {@link #facingB()}; whatever reaches
 * one side is sent on from the other, impaired.
 */
final class ImpairmentRelay implements AutoCloseable {

    private final DatagramChannel sideA;
    private final DatagramChannel sideB;
    private final Selector selector;
    private final Thread thread;
    private final ScheduledExecutorService delays = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "impairment-delay");
        t.setDaemon(true);
        return t;
    });
    private final Random random;
    private final double loss;
    private final double duplication;
    private final double reorder;
    private volatile InetSocketAddress peerA;
    private volatile InetSocketAddress peerB;
    private volatile boolean running = true;
    final AtomicLong forwarded = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong duplicated = new AtomicLong();
    final AtomicLong delayed = new AtomicLong();
    // Extra datagrams to send after each one from A (a forger or replayer on the path), or null.
    private volatile java.util.function.Function<byte[], java.util.List<byte[]>> extraFromA;

    /**
     * @param loss        probability a datagram is dropped
     * @param duplication probability a datagram is sent twice
     * @param reorder     probability a datagram is held back 1-20 ms (so later ones overtake it)
     * @param seed        for repeatable runs
     */
    ImpairmentRelay(double loss, double duplication, double reorder, long seed) throws IOException {
        this.loss = loss;
        this.duplication = duplication;
        this.reorder = reorder;
        this.random = new Random(seed);
        InetAddress lo = InetAddress.getLoopbackAddress();
        sideA = DatagramChannel.open().bind(new InetSocketAddress(lo, 0));
        sideB = DatagramChannel.open().bind(new InetSocketAddress(lo, 0));
        for (DatagramChannel c : new DatagramChannel[] {sideA, sideB}) {
            c.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
            c.setOption(StandardSocketOptions.SO_SNDBUF, 4 << 20);
            c.configureBlocking(false);
        }
        selector = Selector.open();
        sideA.register(selector, SelectionKey.OP_READ);
        sideB.register(selector, SelectionKey.OP_READ);
        thread = new Thread(this::run, "impairment-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** After each datagram from A, also sends B what {@code extra} returns for it (forgeries, replays). */
    void injectFromA(java.util.function.Function<byte[], java.util.List<byte[]>> extra) {
        this.extraFromA = extra;
    }

    /** Where A sends to reach B. */
    InetSocketAddress facingA() throws IOException {
        return (InetSocketAddress) sideA.getLocalAddress();
    }

    /** Where B sends to reach A. */
    InetSocketAddress facingB() throws IOException {
        return (InetSocketAddress) sideB.getLocalAddress();
    }

    /** The real addresses of the peers. */
    void peers(InetSocketAddress a, InetSocketAddress b) {
        this.peerA = a;
        this.peerB = b;
    }

    private void run() {
        ByteBuffer buf = ByteBuffer.allocate(65536);
        try {
            while (running) {
                selector.select(100);
                for (SelectionKey k : selector.selectedKeys()) {
                    DatagramChannel from = (DatagramChannel) k.channel();
                    for (buf.clear(); from.receive(buf) != null; buf.clear()) {
                        buf.flip();
                        byte[] data = new byte[buf.remaining()];
                        buf.get(data);
                        if (from == sideA) {
                            impair(data, sideB, peerB);
                            java.util.function.Function<byte[], java.util.List<byte[]>> extra = extraFromA;
                            if (extra != null && peerB != null) {
                                for (byte[] x : extra.apply(data)) {
                                    send(sideB, x, peerB);
                                }
                            }
                        } else {
                            impair(data, sideA, peerA);
                        }
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            // closed
        }
    }

    private void impair(byte[] data, DatagramChannel out, InetSocketAddress to) {
        if (to == null) {
            return;
        }
        double r;
        boolean dup;
        long delayMs;
        synchronized (random) {
            r = random.nextDouble();
            dup = random.nextDouble() < duplication;
            delayMs = random.nextDouble() < reorder ? 1 + random.nextInt(20) : 0;
        }
        if (r < loss) {
            dropped.incrementAndGet();
            return;
        }
        int copies = dup ? 2 : 1;
        if (dup) {
            duplicated.incrementAndGet();
        }
        for (int i = 0; i < copies; i++) {
            if (delayMs > 0) {
                delayed.incrementAndGet();
                delays.schedule(() -> send(out, data, to), delayMs, TimeUnit.MILLISECONDS);
            } else {
                send(out, data, to);
            }
        }
    }

    private void send(DatagramChannel out, byte[] data, InetSocketAddress to) {
        try {
            out.send(ByteBuffer.wrap(data), to);
            forwarded.incrementAndGet();
        } catch (IOException e) {
            // a full send buffer is one more loss
            dropped.incrementAndGet();
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        delays.shutdownNow();
        selector.close();
        sideA.close();
        sideB.close();
    }
}
