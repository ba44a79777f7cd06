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
public final class ImpairmentRelay implements AutoCloseable {

    private static final java.util.regex.Pattern HOST_PORT =
            java.util.regex.Pattern.compile("^(candidate:\\S+ \\d+ \\S+ \\d+ )(\\S+) (\\d+)( .*)$");

    private final DatagramChannel sideA;
    // Replaced by rebindA(): what B sees as A's address changes, as when A's NAT rebinds.
    private volatile DatagramChannel sideB;
    private final InetAddress address;
    private volatile boolean rebindRequested;
    // While set, every datagram either way is dropped (a path that is down).
    private volatile boolean blackout;
    public final AtomicLong blackedOut = new AtomicLong();
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
    public final AtomicLong forwarded = new AtomicLong();
    public final AtomicLong dropped = new AtomicLong();
    public final AtomicLong duplicated = new AtomicLong();
    public final AtomicLong delayed = new AtomicLong();
    // Extra datagrams to send after each one from A (a forger or replayer on the path), or null.
    private volatile java.util.function.Function<byte[], java.util.List<byte[]>> extraFromA;
    // Impair only RTP and RTCP (first byte 128-191, RFC 7983), so that ICE and the DTLS
    // handshake are not what a media test measures.
    private volatile boolean mediaOnly;
    // Datagrams from A that this says to drop never reach B (a loss no retransmission repairs).
    private volatile java.util.function.Predicate<byte[]> dropFromA;
    public final AtomicLong mediaDropped = new AtomicLong();

    /**
     * @param loss        probability a datagram is dropped
     * @param duplication probability a datagram is sent twice
     * @param reorder     probability a datagram is held back 1-20 ms (so later ones overtake it)
     * @param seed        for repeatable runs
     */
    public ImpairmentRelay(double loss, double duplication, double reorder, long seed) throws IOException {
        this(loss, duplication, reorder, seed, InetAddress.getLoopbackAddress());
    }

    /** As above, with both sides bound on {@code address} (the test namespace's, for a browser). */
    public ImpairmentRelay(double loss, double duplication, double reorder, long seed, InetAddress address)
            throws IOException {
        this.loss = loss;
        this.duplication = duplication;
        this.reorder = reorder;
        this.random = new Random(seed);
        this.address = address;
        sideA = open(address);
        sideB = open(address);
        selector = Selector.open();
        sideA.register(selector, SelectionKey.OP_READ);
        sideB.register(selector, SelectionKey.OP_READ);
        thread = new Thread(this::run, "impairment-relay");
        thread.setDaemon(true);
        thread.start();
    }

    private static DatagramChannel open(InetAddress address) throws IOException {
        DatagramChannel c = DatagramChannel.open().bind(new InetSocketAddress(address, 0));
        c.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
        c.setOption(StandardSocketOptions.SO_SNDBUF, 4 << 20);
        c.configureBlocking(false);
        return c;
    }

    /** Drops everything both ways while {@code on}: the path is down. */
    public void blackout(boolean on) {
        this.blackout = on;
    }

    /**
     * From now on B receives A's datagrams from a new port (and what B sends to the old one is
     * lost), as when a NAT in front of A gives it a new mapping. Returns once it has happened.
     */
    public InetSocketAddress rebindA() throws IOException, InterruptedException {
        InetSocketAddress before = facingB();
        rebindRequested = true;
        selector.wakeup();
        for (int i = 0; i < 200 && rebindRequested; i++) {
            Thread.sleep(10);
        }
        if (rebindRequested) {
            throw new IllegalStateException("the relay did not rebind");
        }
        InetSocketAddress after = facingB();
        if (after.equals(before)) {
            throw new IllegalStateException("rebinding kept " + before);
        }
        return after;
    }

    /** After each datagram from A, also sends B what {@code extra} returns for it (forgeries, replays). */
    void injectFromA(java.util.function.Function<byte[], java.util.List<byte[]>> extra) {
        this.extraFromA = extra;
    }

    /** Drops every datagram from A for which {@code drop} says so (on top of the random loss). */
    public void dropFromA(java.util.function.Predicate<byte[]> drop) {
        this.dropFromA = drop;
    }

    /** Impairs only RTP and RTCP datagrams from now on; the rest passes untouched. */
    public ImpairmentRelay mediaOnly() {
        this.mediaOnly = true;
        return this;
    }

    /** Where A sends to reach B. */
    public InetSocketAddress facingA() throws IOException {
        return (InetSocketAddress) sideA.getLocalAddress();
    }

    /** Where B sends to reach A. */
    public InetSocketAddress facingB() throws IOException {
        return (InetSocketAddress) sideB.getLocalAddress();
    }

    /** The real addresses of the peers. */
    public void peers(InetSocketAddress a, InetSocketAddress b) {
        this.peerA = a;
        this.peerB = b;
    }

    private void run() {
        ByteBuffer buf = ByteBuffer.allocate(65536);
        try {
            while (running) {
                if (rebindRequested) {
                    DatagramChannel old = sideB;
                    DatagramChannel fresh = open(address);
                    fresh.register(selector, SelectionKey.OP_READ);
                    sideB = fresh;
                    old.close();
                    rebindRequested = false;
                }
                selector.select(100);
                for (SelectionKey k : selector.selectedKeys()) {
                    if (!k.isValid()) {
                        continue;
                    }
                    DatagramChannel from = (DatagramChannel) k.channel();
                    for (buf.clear(); from.receive(buf) != null; buf.clear()) {
                        buf.flip();
                        if (blackout) {
                            blackedOut.incrementAndGet();
                            continue;
                        }
                        byte[] data = new byte[buf.remaining()];
                        buf.get(data);
                        if (from == sideA) {
                            java.util.function.Predicate<byte[]> drop = dropFromA;
                            if (drop != null && drop.test(data)) {
                                dropped.incrementAndGet();
                                mediaDropped.incrementAndGet();
                                continue;
                            }
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
        int first = data.length == 0 ? 0 : data[0] & 0xff;
        boolean media = first >= 128 && first <= 191;
        if (mediaOnly && !media) {
            send(out, data, to);
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
            if (media) {
                mediaDropped.incrementAndGet();
            }
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

    /**
     * Negotiates {@code a} (offering) with {@code b} so that every datagram between them goes
     * through this relay: each learns the other's candidates rewritten to the relay's sides,
     * and the descriptions cross without inline candidates. Returns once both are connected.
     */
    public void connect(RTCPeerConnection a, RTCPeerConnection b) throws Exception {
        InetSocketAddress[] real = new InetSocketAddress[2];
        HeldCandidates toA = new HeldCandidates(a);
        HeldCandidates toB = new HeldCandidates(b);
        InetSocketAddress towardsB = facingA();
        InetSocketAddress towardsA = facingB();
        a.onIceCandidate(c -> {
            if (c != null) {
                real[0] = address(c);
                peers(real[0], real[1]);
                toB.add(rewrite(c, towardsA));
            }
        });
        b.onIceCandidate(c -> {
            if (c != null) {
                real[1] = address(c);
                peers(real[0], real[1]);
                toA.add(rewrite(c, towardsB));
            }
        });
        LoopbackPair.await(a.setLocalDescription());
        LoopbackPair.await(b.setRemoteDescription(stripCandidates(a.localDescription())));
        toB.release();
        LoopbackPair.await(b.setLocalDescription());
        LoopbackPair.await(a.setRemoteDescription(stripCandidates(b.localDescription())));
        toA.release();
        MediaLoopbackTest.awaitConnected(a);
        MediaLoopbackTest.awaitConnected(b);
    }

    /** The address and port of a host candidate line. */
    public static InetSocketAddress address(RTCIceCandidate c) {
        java.util.regex.Matcher m = HOST_PORT.matcher(c.candidate());
        if (!m.matches()) {
            throw new AssertionError("unexpected candidate " + c.candidate());
        }
        return new InetSocketAddress(m.group(2), Integer.parseInt(m.group(3)));
    }

    /** The candidate with its address replaced by {@code to} (one of the relay's sides). */
    public static RTCIceCandidate rewrite(RTCIceCandidate c, InetSocketAddress to) {
        java.util.regex.Matcher m = HOST_PORT.matcher(c.candidate());
        if (!m.matches()) {
            throw new AssertionError("unexpected candidate " + c.candidate());
        }
        String text = m.group(1) + to.getAddress().getHostAddress() + " " + to.getPort() + m.group(4);
        return new RTCIceCandidate(text, c.sdpMid(), c.sdpMLineIndex(), c.usernameFragment());
    }

    /** The description without inline candidates: only the relay's addresses are to count. */
    public static RTCSessionDescription stripCandidates(RTCSessionDescription d) {
        return new RTCSessionDescription(d.type(), d.sdp().replaceAll("a=candidate:[^\r\n]*\r\n", "")
                .replaceAll("a=end-of-candidates\r\n", ""));
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
