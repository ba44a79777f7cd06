package org.rtc4j.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.rtc4j.sctp.DataChannel;
import org.rtc4j.sctp.SctpAssociation;
import org.rtc4j.sctp.SctpConfig;
import org.rtc4j.sctp.SctpEvent;

/**
 * SCTP alone (no DTLS): two associations in memory on one thread, a reliable ordered data
 * channel moving 64 KiB messages, no delay and no loss. One op = one 64 KiB message delivered
 * (Gbit/s = ops/s * 65536 * 8 / 1e9). {@code checksum=crc32c} computes and verifies CRC32c on
 * every packet; {@code zero} negotiates RFC 9653 zero checksum as WebRTC peers over DTLS do.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SctpBenchmark {
    @Param({"crc32c", "zero"})
    public String checksum;

    private SctpAssociation a;
    private SctpAssociation b;
    private DataChannel channel;
    private final byte[] message = new byte[64 * 1024];
    private int delivered;

    @Setup(Level.Trial)
    public void setup() {
        boolean zero = "zero".equals(checksum);
        a = new SctpAssociation(SctpConfig.defaults().dtlsClient(true).zeroChecksum(zero).random(new Random(1)));
        b = new SctpAssociation(SctpConfig.defaults().dtlsClient(false).zeroChecksum(zero).random(new Random(2)));
        a.connect(0);
        b.connect(0);
        channel = a.createDataChannel("bench", null);
        pumpUntil(() -> a.state() == org.rtc4j.sctp.SctpAssociationState.ESTABLISHED
                && b.state() == org.rtc4j.sctp.SctpAssociationState.ESTABLISHED
                && !b.channels().isEmpty());
        new Random(3).nextBytes(message);
        // Keep a few messages queued so the pipe never drains between ops.
        for (int i = 0; i < 8; i++) {
            channel.send(message);
        }
    }

    private interface Cond {
        boolean done();
    }

    private void pumpUntil(Cond c) {
        while (!c.done()) {
            if (!pumpOnce()) {
                throw new IllegalStateException("stalled: " + a.stats() + " / " + b.stats());
            }
        }
    }

    /** Moves every pending packet once in each direction, as an event loop would. */
    private boolean pumpOnce() {
        boolean moved = false;
        byte[] p;
        while ((p = a.pollTransmit(0)) != null) {
            b.handle(p, 0);
            moved = true;
            byte[] q;
            while ((q = b.pollTransmit(0)) != null) {
                a.handle(q, 0);
            }
        }
        while ((p = b.pollTransmit(0)) != null) {
            a.handle(p, 0);
            moved = true;
        }
        SctpEvent e;
        while ((e = b.pollEvent()) != null) {
            if (e instanceof SctpEvent.ChannelMessage) {
                delivered++;
            }
            moved = true;
        }
        while ((e = a.pollEvent()) != null) {
            moved = true;
        }
        return moved;
    }

    /**
     * The same loop outside JMH, reporting throughput per second of this thread's CPU time, which
     * stays meaningful on a loaded machine where wall-clock scores swing. Args: seconds (default 10).
     *
     * @param args optional run length in seconds
     */
    public static void main(String[] args) {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (String mode : new String[] {"crc32c", "zero"}) {
            SctpBenchmark b = new SctpBenchmark();
            b.checksum = mode;
            b.setup();
            for (int i = 0; i < 20_000; i++) {
                b.message64k();
            }
            long cpu0 = mx.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            long n = 0;
            while (System.nanoTime() - wall0 < seconds * 1_000_000_000L) {
                for (int i = 0; i < 1000; i++) {
                    b.message64k();
                }
                n += 1000;
            }
            double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
            double wall = (System.nanoTime() - wall0) / 1e9;
            System.out.printf(java.util.Locale.ROOT,
                    "checksum=%s: %d x 64 KiB in %.2f s CPU (%.2f s wall): %.2f Gbit/s per CPU-second, %.2f Gbit/s wall%n",
                    mode, n, cpu, wall, n * 65536 * 8 / cpu / 1e9, n * 65536 * 8 / wall / 1e9);
        }
    }

    @Benchmark
    public int message64k() {
        channel.send(message);
        int target = delivered + 1;
        pumpUntil(() -> delivered >= target);
        return delivered;
    }
}
