package org.rtc4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connect, transfer, close, many times in one JVM: threads, file descriptors and retained heap
 * must not grow. 2,000 cycles by default ({@code -Drtc4j.leakCycles=N} to change).
 */
class ConnectionLeakTest {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLeakTest.class);

    @Test
    void connectTransferCloseCyclesLeakNothing() throws Exception {
        int cycles = Integer.getInteger("rtc4j.leakCycles", 2000);
        try (PeerConnectionFactory factory = PeerConnectionFactory.create(2)) {
            for (int i = 0; i < 20; i++) {
                cycle(factory);
            }
            Thread.sleep(200);
            int threads0 = Thread.activeCount();
            long fds0 = openFiles();
            long heap0 = usedHeapAfterGc();
            long t0 = System.nanoTime();
            for (int i = 0; i < cycles; i++) {
                cycle(factory);
            }
            double perCycleMs = (System.nanoTime() - t0) / 1e6 / cycles;
            Thread.sleep(200);
            int threads1 = Thread.activeCount();
            long fds1 = openFiles();
            long heap1 = usedHeapAfterGc();
            LOG.info("{} cycles ({} ms each): threads {} -> {}, fds {} -> {}, heap {} KiB -> {} KiB", cycles,
                    String.format("%.1f", perCycleMs), threads0, threads1, fds0, fds1, heap0 >> 10, heap1 >> 10);
            assertThat(factory.openConnections()).isZero();
            // The DTLS pool may keep a spare thread; nothing may grow with the number of cycles.
            assertThat(threads1).isLessThanOrEqualTo(threads0 + 2);
            assertThat(fds1).isLessThanOrEqualTo(fds0 + 4);
            assertThat(heap1 - heap0).isLessThan(8L << 20);
        }
    }

    private static void cycle(PeerConnectionFactory factory) throws Exception {
        try (LoopbackPair pair = new LoopbackPair(factory)) {
            RTCDataChannel ch = pair.offerer.createDataChannel("c");
            CompletableFuture<Void> opened = new CompletableFuture<>();
            ch.onOpen(() -> opened.complete(null));
            CompletableFuture<Integer> got = new CompletableFuture<>();
            pair.answerer.onDataChannel(r -> r.onMessage(m -> got.complete(m.data().length)));
            LoopbackPair.await(pair.negotiate());
            LoopbackPair.await(opened);
            ch.send(new byte[64 * 1024]);
            assertThat(LoopbackPair.await(got)).isEqualTo(64 * 1024);
        }
    }

    private static long openFiles() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? -1 : fds.length;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return mem.getHeapMemoryUsage().getUsed();
    }
}
