package org.rtc4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.rtc4j.dtls.DtlsConfig;
import org.rtc4j.dtls.DtlsEndpoint;
import org.rtc4j.dtls.DtlsEvent;
import org.rtc4j.dtls.DtlsRole;
import org.rtc4j.dtls.RTCCertificate;

/**
 * One full DTLS 1.2 handshake pair (rtc4j client and server, ECDSA P-256 certificates, X25519,
 * use_srtp with SRTP keying export) in memory, through the public sans-IO endpoint.
 *
 * <p>The two blocking BouncyCastle handshakes run on two executor threads that take turns (each
 * waits for the other's flight), and the benchmark thread shuttles datagrams, so the work is
 * sequential. Wall time per op approximates CPU per pair on an idle machine; the {@code cpuMs} and
 * {@code pairs} counters measure it directly (thread CPU time of the handshake tasks plus the
 * driving thread), which stays meaningful on a loaded machine.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.AverageTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DtlsHandshakeBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private RTCCertificate clientCert;
    private RTCCertificate serverCert;
    private ExecutorService pool;
    private final AtomicLong taskCpuNanos = new AtomicLong();
    private final Semaphore wake = new Semaphore(0);

    /**
     * CPU time next to the timing results. JMH sums EVENTS counters over the measured iterations,
     * so CPU ms per pair = {@code cpuMs / pairs}.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Cpu {
        /** CPU time of all pairs (handshake tasks + driving thread), ms. */
        public double cpuMs;
        /** Pairs completed. */
        public long pairs;

        @Setup(Level.Iteration)
        public void reset() {
            cpuMs = 0;
            pairs = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        clientCert = RTCCertificate.generate();
        serverCert = RTCCertificate.generate();
        ExecutorService raw = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "dtls-bench");
            t.setDaemon(true);
            return t;
        });
        pool = raw;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void runMeasured(Runnable task) {
        pool.execute(() -> {
            long t0 = THREADS.getCurrentThreadCpuTime();
            try {
                task.run();
            } finally {
                taskCpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - t0);
            }
        });
    }

    @Benchmark
    public Object handshakePair(Cpu cpu) throws InterruptedException {
        long driverCpu0 = THREADS.getCurrentThreadCpuTime();
        long taskCpu0 = taskCpuNanos.get();
        DtlsEndpoint client = new DtlsEndpoint(DtlsConfig.builder().role(DtlsRole.CLIENT).certificate(clientCert)
                .remoteFingerprints(serverCert.getFingerprints()).build(), this::runMeasured, wake::release);
        DtlsEndpoint server = new DtlsEndpoint(DtlsConfig.builder().role(DtlsRole.SERVER).certificate(serverCert)
                .remoteFingerprints(clientCert.getFingerprints()).build(), this::runMeasured, wake::release);
        long now = System.nanoTime() / 1_000_000;
        server.start(now);
        client.start(now);
        DtlsEvent.Connected c = null;
        DtlsEvent.Connected s = null;
        while (c == null || s == null) {
            boolean moved = false;
            byte[] d;
            while ((d = client.pollDatagram()) != null) {
                server.handle(d, now);
                moved = true;
            }
            while ((d = server.pollDatagram()) != null) {
                client.handle(d, now);
                moved = true;
            }
            DtlsEvent e;
            while ((e = client.pollEvent()) != null) {
                if (e instanceof DtlsEvent.Connected x) {
                    c = x;
                } else if (e instanceof DtlsEvent.Failed f) {
                    throw f.reason();
                }
                moved = true;
            }
            while ((e = server.pollEvent()) != null) {
                if (e instanceof DtlsEvent.Connected x) {
                    s = x;
                } else if (e instanceof DtlsEvent.Failed f) {
                    throw f.reason();
                }
                moved = true;
            }
            if (!moved) {
                wake.tryAcquire(1, TimeUnit.MILLISECONDS);
            }
        }
        client.close();
        server.close();
        while (client.isHandshakeTaskRunning() || server.isHandshakeTaskRunning()) {
            Thread.onSpinWait();
        }
        long cpuNanos = (THREADS.getCurrentThreadCpuTime() - driverCpu0) + (taskCpuNanos.get() - taskCpu0);
        cpu.cpuMs += cpuNanos / 1e6;
        cpu.pairs++;
        return c.srtpKeys();
    }
}
