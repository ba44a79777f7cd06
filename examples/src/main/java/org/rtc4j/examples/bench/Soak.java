package org.rtc4j.examples.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.rtc4j.PeerConnectionFactory;
import org.rtc4j.RTCConfiguration;
import org.rtc4j.RTCDataChannel;
import org.rtc4j.RTCDataChannelState;
import org.rtc4j.RTCPeerConnectionState;
import org.rtc4j.examples.peer.CliFailure;
import org.rtc4j.examples.peer.Events;

/**
 * {@code rtc4j bench --soak N}: N connections held open at once in this process, each sending one
 * numbered message a second on a reliable channel that its peer (another connection here) echoes,
 * for a number of seconds. Every echo is checked (in order, none missing), and heap after GC,
 * threads and process CPU are sampled each minute (or at the end of a shorter run), so a leak or
 * a stall shows as a trend.
 */
final class Soak {
    private static final int MESSAGE = 64;

    private final Events events;
    private final int connections;
    private final int seconds;
    private final int samples;
    private final long sampleNanos;

    Soak(Events events, int connections, int seconds) {
        this.events = events;
        this.connections = connections;
        this.seconds = seconds;
        this.samples = Math.max(1, seconds / 60);
        this.sampleNanos = seconds * 1_000_000_000L / samples;
    }

    /** One connection of the soak: its channel, what it sent, what came back, and its round trips. */
    private static final class Link {
        final LocalPair pair;
        RTCDataChannel channel;
        final AtomicLong sent = new AtomicLong();
        final AtomicLong echoed = new AtomicLong();
        final AtomicLong outOfOrder = new AtomicLong();

        Link(LocalPair pair) {
            this.pair = pair;
        }
    }

    int run(PeerConnectionFactory factory, RTCConfiguration config) throws Exception {
        OperatingSystemCpu cpu = new OperatingSystemCpu();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int threadsBefore = threads.getThreadCount();
        List<Link> links = new ArrayList<>(connections);
        AtomicLongArray rttMicros = new AtomicLongArray(2048); // histogram in 100 µs buckets, last = overflow
        long setupStart = System.nanoTime();
        // A few at a time: a thousand DTLS handshakes at once would only measure the queue.
        for (int base = 0; base < connections; base += 16) {
            List<CompletableFuture<Void>> opening = new ArrayList<>();
            for (int i = base; i < Math.min(connections, base + 16); i++) {
                Link link = new Link(new LocalPair(factory, config));
                links.add(link);
                opening.add(open(link, rttMicros));
            }
            try {
                CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new CliFailure(1, "connections " + base + "-" + (base + 15) + " did not open within 60 s");
            }
        }
        double setupS = (System.nanoTime() - setupStart) / 1e9;
        events.status("soak_open", String.format("soak: %d connections open in %.1f s", connections, setupS),
                "connections", connections, "setup_s", Math.round(setupS * 10) / 10.0);

        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "soak-ticks");
            t.setDaemon(true);
            return t;
        });
        // Spread the connections over the second, so the load is even rather than a burst a second.
        long periodMicros = 1_000_000;
        for (int i = 0; i < links.size(); i++) {
            Link link = links.get(i);
            ticks.scheduleAtFixedRate(() -> send(link), periodMicros * i / links.size(), periodMicros, TimeUnit.MICROSECONDS);
        }
        long[] heapAt = new long[samples + 1];
        int[] threadsAt = new int[samples + 1];
        long cpu0 = cpu.processNanos();
        long wall0 = System.nanoTime();
        heapAt[0] = heapAfterGc();
        threadsAt[0] = threads.getThreadCount();
        long cpuPrev = cpu0;
        long wallPrev = wall0;
        for (int m = 1; m <= samples; m++) {
            Thread.sleep(Math.max(0, wall0 + m * sampleNanos - System.nanoTime()) / 1_000_000);
            long c = cpu.processNanos();
            long w = System.nanoTime();
            double cpuPct = 100.0 * (c - cpuPrev) / (w - wallPrev);
            cpuPrev = c;
            wallPrev = w;
            heapAt[m] = heapAfterGc();
            threadsAt[m] = threads.getThreadCount();
            long sent = links.stream().mapToLong(l -> l.sent.get()).sum();
            long echoed = links.stream().mapToLong(l -> l.echoed.get()).sum();
            String line = String.format("%d s: %d sent, %d echoed, CPU %.1f%% of one core, heap after GC %d MiB, "
                    + "threads %d", (w - wall0) / 1_000_000_000L, sent, echoed, cpuPct, heapAt[m] >> 20, threadsAt[m]);
            events.status("soak_sample", "soak " + line, "sample", m, "sent", sent, "echoed", echoed,
                    "cpu_percent", Math.round(cpuPct * 10) / 10.0, "heap_mib", heapAt[m] >> 20, "threads", threadsAt[m]);
        }
        ticks.shutdownNow();
        ticks.awaitTermination(5, TimeUnit.SECONDS);
        long cpuTotal = cpu.processNanos() - cpu0;
        long wallTotal = System.nanoTime() - wall0;
        // Let the last second's echoes come back.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline && links.stream().anyMatch(l -> l.echoed.get() < l.sent.get())) {
            Thread.sleep(50);
        }
        long sent = links.stream().mapToLong(l -> l.sent.get()).sum();
        long echoed = links.stream().mapToLong(l -> l.echoed.get()).sum();
        long disordered = links.stream().mapToLong(l -> l.outOfOrder.get()).sum();
        long notConnected = links.stream().filter(l -> l.pair.offerer.connectionState() != RTCPeerConnectionState.CONNECTED
                || l.pair.answerer.connectionState() != RTCPeerConnectionState.CONNECTED
                || l.channel.readyState() != RTCDataChannelState.OPEN).count();
        double cpuPct = 100.0 * cpuTotal / wallTotal;
        double cpuMicrosPerConnSecond = cpuTotal / 1000.0 / connections / (wallTotal / 1e9);
        long[] hist = new long[rttMicros.length()];
        for (int i = 0; i < hist.length; i++) {
            hist[i] = rttMicros.get(i);
        }
        double p50 = percentileMs(hist, 50);
        double p99 = percentileMs(hist, 99);
        for (Link l : links) {
            l.pair.close();
        }
        int threadsAfter = threads.getThreadCount();
        events.content("soak", String.format("rtc4j bench --soak: %d connections for %d s: %d messages sent, %d echoed, "
                        + "%d lost, %d out of order, %d connections not connected at the end; echo RTT p50 %.2f ms, p99 %.2f ms; "
                        + "CPU %.1f%% of one core = %.1f µs per connection-second; heap after GC at each sample (MiB) %s; "
                        + "threads %s (before %d, after closing %d)", connections, seconds, sent, echoed, sent - echoed,
                        disordered, notConnected, p50, p99, cpuPct, cpuMicrosPerConnSecond,
                        Arrays.toString(Arrays.stream(heapAt).map(h -> h >> 20).toArray()), Arrays.toString(threadsAt),
                        threadsBefore, threadsAfter),
                "connections", connections, "seconds", seconds, "sent", sent, "echoed", echoed, "lost", sent - echoed,
                "out_of_order", disordered, "not_connected", notConnected, "rtt_ms_p50", p50, "rtt_ms_p99", p99,
                "cpu_percent", Math.round(cpuPct * 10) / 10.0,
                "cpu_us_per_connection_second", Math.round(cpuMicrosPerConnSecond * 10) / 10.0,
                "heap_mib_by_sample", Arrays.stream(heapAt).map(h -> h >> 20).toArray(), "threads_by_sample", threadsAt,
                "threads_before", threadsBefore, "threads_after_close", threadsAfter);
        return sent == echoed && disordered == 0 && notConnected == 0 ? 0 : 1;
    }

    private static CompletableFuture<Void> open(Link link, AtomicLongArray rtt) {
        CompletableFuture<Void> opened = new CompletableFuture<>();
        link.pair.answerer.onDataChannel(ch -> ch.onMessage(m -> ch.send(m.data())));
        RTCDataChannel ch = link.pair.offerer.createDataChannel("soak");
        link.channel = ch;
        ch.onOpen(() -> opened.complete(null));
        ch.onMessage(m -> {
            ByteBuffer b = ByteBuffer.wrap(m.data());
            long seq = b.getLong();
            long sentAt = b.getLong();
            long expected = link.echoed.getAndIncrement();
            if (seq != expected) {
                link.outOfOrder.incrementAndGet();
            }
            long micros = (System.nanoTime() - sentAt) / 1000;
            rtt.incrementAndGet((int) Math.min(rtt.length() - 1, micros / 100));
        });
        link.pair.negotiate().exceptionally(e -> {
            opened.completeExceptionally(e);
            return null;
        });
        return opened;
    }

    private static void send(Link link) {
        if (link.channel.readyState() != RTCDataChannelState.OPEN) {
            return;
        }
        ByteBuffer b = ByteBuffer.allocate(MESSAGE);
        b.putLong(link.sent.get()).putLong(System.nanoTime());
        link.channel.send(b.array());
        link.sent.incrementAndGet();
    }

    private static double percentileMs(long[] hist, int p) {
        long total = Arrays.stream(hist).sum();
        long want = (long) Math.ceil(total * p / 100.0);
        long seen = 0;
        for (int i = 0; i < hist.length; i++) {
            seen += hist[i];
            if (seen >= want && total > 0) {
                return (i + 1) / 10.0;
            }
        }
        return Double.NaN;
    }

    private static long heapAfterGc() throws InterruptedException {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        System.gc();
        Thread.sleep(100);
        return mem.getHeapMemoryUsage().getUsed();
    }

    /** Process CPU time, from the JDK's OperatingSystemMXBean where it has one. */
    private static final class OperatingSystemCpu {
        private final com.sun.management.OperatingSystemMXBean os =
                ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean o ? o : null;

        long processNanos() {
            return os == null ? 0 : os.getProcessCpuTime();
        }
    }
}
