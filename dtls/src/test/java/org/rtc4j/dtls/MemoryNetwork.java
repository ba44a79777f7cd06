package org.rtc4j.dtls;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.BiFunction;

/**
 * Two endpoints joined by an in-memory lossy link, driven from the test thread. Real time is used
 * because BouncyCastle's handshake timers run on the wall clock.
 */
final class MemoryNetwork implements AutoCloseable {
    final AtomicInteger threadCount = new AtomicInteger();
    final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        threadCount.incrementAndGet();
        Thread t = new Thread(r, "dtls-test-handshake");
        t.setDaemon(true);
        return t;
    });
    final Side a;
    final Side b;
    private final Semaphore wake = new Semaphore(0);
    private final Random random;
    double loss;
    double reorder;
    int largestDatagram;
    /** Optional tamper hook on every datagram in flight, given its destination: return null to drop. */
    BiFunction<DtlsEndpoint, byte[], byte[]> tamper = (to, d) -> d;

    MemoryNetwork(DtlsConfig configA, DtlsConfig configB, long seed) {
        this.random = new Random(seed);
        this.a = new Side("a", new DtlsEndpoint(configA, executor, wake::release));
        this.b = new Side("b", new DtlsEndpoint(configB, executor, wake::release));
    }

    static long now() {
        return System.nanoTime() / 1_000_000;
    }

    void start() {
        a.endpoint.start(now());
        b.endpoint.start(now());
    }

    /** Moves datagrams and collects events until {@code done} or {@code max} elapses; returns done. */
    boolean runUntil(BooleanSupplier done, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            boolean moved = step(a, b) | step(b, a);
            a.endpoint.handleTimeout(now());
            b.endpoint.handleTimeout(now());
            if (!moved) {
                wake.tryAcquire(5, TimeUnit.MILLISECONDS);
            }
        }
        return true;
    }

    boolean bothConnected() {
        return a.connected() != null && b.connected() != null;
    }

    boolean bothEnded() {
        return a.ended() && b.ended();
    }

    private boolean step(Side from, Side to) {
        boolean moved = false;
        List<byte[]> batch = new ArrayList<>(from.held);
        from.held.clear();
        byte[] d;
        while ((d = from.endpoint.pollDatagram()) != null) {
            moved = true;
            largestDatagram = Math.max(largestDatagram, d.length);
            from.sent.add(d);
            if (random.nextDouble() < loss) {
                continue;
            }
            if (random.nextDouble() < reorder) {
                from.held.add(d); // delivered after later datagrams
                continue;
            }
            batch.add(0, d);
        }
        for (int i = batch.size() - 1; i >= 0; i--) {
            if (Boolean.getBoolean("dtls.trace")) {
                System.err.println("TRACE " + from.name + "->" + to.name + " " + describe(batch.get(i)));
            }
            byte[] t = tamper.apply(to.endpoint, batch.get(i));
            if (t != null) {
                to.endpoint.handle(t, now());
            }
        }
        DtlsEvent e;
        while ((e = from.endpoint.pollEvent()) != null) {
            moved = true;
            from.events.add(e);
        }
        return moved || !batch.isEmpty();
    }

    static String describe(byte[] d) {
        StringBuilder sb = new StringBuilder("len=" + d.length);
        int off = 0;
        while (off + 13 <= d.length) {
            int type = d[off] & 0xFF;
            int epoch = ((d[off + 3] & 0xFF) << 8) | (d[off + 4] & 0xFF);
            int seq = d[off + 10] & 0xFF;
            int len = ((d[off + 11] & 0xFF) << 8) | (d[off + 12] & 0xFF);
            sb.append(" [t=").append(type).append(" e=").append(epoch).append(" s=").append(seq).append(" l=").append(len);
            if (type == 22 && epoch == 0 && off + 13 < d.length) {
                sb.append(" hs=").append(d[off + 13] & 0xFF);
            }
            sb.append(']');
            off += 13 + len;
        }
        return sb.toString();
    }

    /** Closes both endpoints and checks that the handshake executor has nothing left running. */
    boolean shutdownClean() throws InterruptedException {
        a.endpoint.close();
        b.endpoint.close();
        executor.shutdown();
        return executor.awaitTermination(20, TimeUnit.SECONDS)
                && !a.endpoint.isHandshakeTaskRunning() && !b.endpoint.isHandshakeTaskRunning();
    }

    @Override
    public void close() {
        a.endpoint.close();
        b.endpoint.close();
        executor.shutdownNow();
    }

    /** One end of the link with what it has sent and reported. */
    static final class Side {
        final String name;
        final DtlsEndpoint endpoint;
        final List<DtlsEvent> events = new ArrayList<>();
        final List<byte[]> sent = new ArrayList<>();
        final List<byte[]> held = new ArrayList<>();

        Side(String name, DtlsEndpoint endpoint) {
            this.name = name;
            this.endpoint = endpoint;
        }

        DtlsEvent.Connected connected() {
            for (DtlsEvent e : events) {
                if (e instanceof DtlsEvent.Connected c) {
                    return c;
                }
            }
            return null;
        }

        DtlsEvent.Failed failed() {
            for (DtlsEvent e : events) {
                if (e instanceof DtlsEvent.Failed f) {
                    return f;
                }
            }
            return null;
        }

        /** True once a Closed or Failed event has been collected. */
        boolean ended() {
            return events.stream().anyMatch(e -> e instanceof DtlsEvent.Closed || e instanceof DtlsEvent.Failed);
        }

        List<String> received() {
            List<String> out = new ArrayList<>();
            for (DtlsEvent e : events) {
                if (e instanceof DtlsEvent.ApplicationData d) {
                    out.add(new String(d.data(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            return out;
        }
    }
}
