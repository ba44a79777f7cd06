package org.rtc4j.examples.bench;

import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.rtc4j.PeerConnectionFactory;
import org.rtc4j.RTCConfiguration;
import org.rtc4j.RTCDataChannel;
import org.rtc4j.examples.peer.ChannelSender;
import org.rtc4j.examples.peer.CliFailure;
import org.rtc4j.examples.peer.Events;
import org.rtc4j.transport.InterfaceFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** rtc4j to rtc4j in one process: connection setup percentiles and data-channel throughput. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure rtc4j-to-rtc4j on 127.0.0.1 in one process: setup time (createOffer to data channel "
                + "open) over N connections, one after another, and throughput of M MiB on one reliable channel.",
        footer = {"", "Examples:", "  rtc4j bench", "  rtc4j bench --connections 100 --mb 256 --json",
                "  rtc4j bench --soak 1000 --soak-seconds 300   # 1,000 connections open at once, one echo a second each",
                "", "With --json the last line is {\"event\":\"bench\",\"setup_ms_p50\":...,\"setup_ms_p99\":...,"
                + "\"throughput_mbit_s\":...,\"connections\":N,\"mb\":M}; with --soak it is {\"event\":\"soak\",\"sent\":...,"
                + "\"echoed\":...,\"lost\":...,\"cpu_us_per_connection_second\":...,\"heap_mib_by_sample\":[...],...}."})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "20", description = "Connections to set up (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--mb", paramLabel = "M", defaultValue = "64", description = "MiB to send for throughput (default: ${DEFAULT-VALUE}).")
    int mb;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "1",
            description = "Connections set up first and not counted (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--warmup-mb", paramLabel = "W", defaultValue = "64",
            description = "MiB sent on the throughput channel before the timed MiB, so the JIT has compiled the "
                    + "data path (default: ${DEFAULT-VALUE}).")
    int warmupMb;

    @Option(names = "--soak", paramLabel = "N", defaultValue = "0",
            description = "Instead: hold N connections open at once, each echoing one message a second for "
                    + "--soak-seconds, sampling heap, threads and CPU each minute; exit 1 if any message is lost or out of "
                    + "order or any connection drops.")
    int soak;

    @Option(names = "--soak-seconds", paramLabel = "S", defaultValue = "300",
            description = "Length of the soak in seconds (default: ${DEFAULT-VALUE}).")
    int soakSeconds;

    @Option(names = "--json", description = "JSON lines; the last one holds the figures.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Events events = new Events(spec.commandLine().getOut(), spec.commandLine().getErr(), json);
        if (connections < 1 || mb < 1 || warmup < 0 || warmupMb < 0) {
            events.error("--connections and --mb must be at least 1, --warmup and --warmup-mb at least 0");
            return 2;
        }
        RTCConfiguration config = RTCConfiguration.builder().interfaceFilter(InterfaceFilter.loopbackOnly()).build();
        if (soak < 0 || soakSeconds < 1) {
            events.error("--soak must be at least 0 and --soak-seconds at least 1");
            return 2;
        }
        if (soak > 0) {
            try (PeerConnectionFactory factory = PeerConnectionFactory.create()) {
                return new Soak(events, soak, soakSeconds).run(factory, config);
            } catch (CliFailure e) {
                events.error(e.getMessage());
                return e.exitCode();
            }
        }
        try (PeerConnectionFactory factory = PeerConnectionFactory.create()) {
            // One uncounted connection first: class loading and JIT would otherwise be p99.
            for (int i = 0; i < warmup; i++) {
                try (LocalPair pair = new LocalPair(factory, config)) {
                    events.status("warmup", null, "setup_ms", round(openChannel(pair).millis));
                }
            }
            double[] setup = new double[connections];
            for (int i = 0; i < connections; i++) {
                try (LocalPair pair = new LocalPair(factory, config)) {
                    setup[i] = openChannel(pair).millis;
                }
                events.status("connection", null, "n", i + 1, "setup_ms", round(setup[i]));
            }
            Arrays.sort(setup);
            double p50 = percentile(setup, 50);
            double p99 = percentile(setup, 99);
            events.status("setup", String.format("setup: %d connections, p50 %.1f ms, p99 %.1f ms", connections, p50, p99),
                    "setup_ms_p50", round(p50), "setup_ms_p99", round(p99), "connections", connections);
            double mbit;
            try (LocalPair pair = new LocalPair(factory, config)) {
                mbit = throughput(pair, (long) warmupMb << 20, (long) mb << 20);
            }
            events.content("bench", String.format("rtc4j bench: setup p50 %.1f ms, p99 %.1f ms over %d connections; "
                    + "throughput %.1f Mbit/s over %d MiB", p50, p99, connections, mbit, mb),
                    "setup_ms_p50", round(p50), "setup_ms_p99", round(p99), "throughput_mbit_s", round(mbit),
                    "connections", connections, "mb", mb, "warmup_mb", warmupMb);
            return 0;
        } catch (CliFailure e) {
            events.error(e.getMessage());
            return e.exitCode();
        }
    }

    private record Opened(RTCDataChannel channel, double millis) {
    }

    private static Opened openChannel(LocalPair pair) throws Exception {
        CompletableFuture<Double> open = new CompletableFuture<>();
        long start = System.nanoTime();
        RTCDataChannel ch = pair.offerer.createDataChannel("bench");
        ch.onOpen(() -> open.complete((System.nanoTime() - start) / 1e6));
        pair.negotiate().exceptionally(e -> {
            open.completeExceptionally(e);
            return null;
        });
        try {
            return new Opened(ch, open.get(30, TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            throw new CliFailure(1, "a data channel did not open within 30 s");
        }
    }

    /** Sends {@code warmup} bytes and waits for them, then times {@code total} bytes until the last arrives. */
    private static double throughput(LocalPair pair, long warmup, long total) throws Exception {
        CompletableFuture<Void> warm = new CompletableFuture<>();
        CompletableFuture<Long> done = new CompletableFuture<>();
        AtomicLong got = new AtomicLong();
        pair.answerer.onDataChannel(ch -> ch.onMessage(m -> {
            long g = got.addAndGet(m.data().length);
            if (g >= warmup) {
                warm.complete(null);
            }
            if (g >= warmup + total) {
                done.complete(System.nanoTime());
            }
        }));
        Opened o = openChannel(pair);
        ChannelSender out = new ChannelSender(o.channel());
        byte[] chunk = new byte[ChannelSender.CHUNK];
        new java.util.Random(1).nextBytes(chunk);
        sendBytes(out, chunk, warmup);
        try {
            warm.get(300, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new CliFailure(1, "the warm-up data did not all arrive within 300 s");
        }
        long start = System.nanoTime();
        sendBytes(out, chunk, total);
        try {
            long end = done.get(300, TimeUnit.SECONDS);
            return total * 8 / ((end - start) / 1e9) / 1e6;
        } catch (TimeoutException e) {
            throw new CliFailure(1, "the data did not all arrive within 300 s");
        }
    }

    private static void sendBytes(ChannelSender out, byte[] chunk, long total) throws InterruptedException {
        for (long sent = 0; sent < total; ) {
            int n = (int) Math.min(chunk.length, total - sent);
            out.send(chunk, n);
            sent += n;
        }
    }

    private static double percentile(double[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
