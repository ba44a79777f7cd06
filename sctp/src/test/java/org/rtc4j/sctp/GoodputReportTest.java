package org.rtc4j.sctp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Protocol goodput in virtual time over the simulated network at 50 ms RTT, printed beside the
 * Mathis et al. TCP-friendly rate (MSS/RTT * 1.22/sqrt(p)). No timing assertions: it checks that
 * every byte arrived in order and prints the figures. Longer runs:
 * {@code ./mvnw -B -q -pl sctp test -Dtest=GoodputReportTest -Dsctp.goodput.seconds=60}
 * (output in sctp/target/surefire-reports/org.rtc4j.sctp.GoodputReportTest-output.txt).
 */
class GoodputReportTest {
    private static final int MESSAGE = 64 * 1024;

    @ParameterizedTest(name = "loss {0}, bottleneck {1} Mbit/s, window {2} MiB")
    @CsvSource({"0.00, 0, 4", "0.00, 1000, 4", "0.00, 1000, 16", "0.01, 0, 4", "0.05, 0, 4"})
    void goodputAt50msRtt(double loss, long bottleneckMbps, int windowMiB) {
        long seconds = Long.getLong("sctp.goodput.seconds", loss == 0 ? 3 : 30);
        SctpConfig ca = SimNetwork.config(true, 41).maxRetransmissions(50, 8).receiveWindow(windowMiB << 20);
        SctpConfig cb = SimNetwork.config(false, 42).maxRetransmissions(50, 8).receiveWindow(windowMiB << 20);
        SimNetwork.Link ab = new SimNetwork.Link().delayMs(25, 0).loss(loss);
        if (bottleneckMbps > 0) {
            // Queue of one bandwidth-delay product.
            ab.bandwidth(bottleneckMbps * 1_000_000, bottleneckMbps * 1_000_000 / 8 / 20);
        }
        SimNetwork.Link ba = new SimNetwork.Link().delayMs(25, 0);
        SimNetwork net = new SimNetwork(new SctpAssociation(ca), new SctpAssociation(cb), ab, ba, 43);
        assertThat(net.connectBoth()).isTrue();
        net.a.keepLog = false;
        net.b.keepLog = false;
        DataChannel tx = net.a.assoc.createDataChannel("bulk", null);
        long[] received = new long[1];
        int[] nextSeq = new int[1];
        boolean[] disorder = new boolean[1];
        net.b.onEvent = e -> {
            if (e instanceof SctpEvent.ChannelMessage m) {
                int seq = ((m.data()[0] & 0xff) << 24) | ((m.data()[1] & 0xff) << 16) | ((m.data()[2] & 0xff) << 8)
                        | (m.data()[3] & 0xff);
                if (seq != nextSeq[0] || m.data().length != MESSAGE) {
                    disorder[0] = true;
                }
                nextSeq[0]++;
                received[0] += m.data().length;
            }
        };
        byte[] payload = new byte[MESSAGE];
        int[] seq = new int[1];
        net.onStep = () -> {
            while (tx.readyState() == DataChannelState.OPEN && tx.bufferedAmount() < 2L * (windowMiB << 20)) {
                payload[0] = (byte) (seq[0] >>> 24);
                payload[1] = (byte) (seq[0] >>> 16);
                payload[2] = (byte) (seq[0] >>> 8);
                payload[3] = (byte) seq[0];
                tx.send(payload);
                seq[0]++;
            }
        };
        long warmup = 2_000;
        net.runUntil(() -> false, warmup);
        long startBytes = received[0];
        long startMs = net.nowMs();
        long cpuStart = System.nanoTime();
        net.runUntil(() -> false, seconds * 1000);
        double cpuSeconds = (System.nanoTime() - cpuStart) / 1e9;
        long bytes = received[0] - startBytes;
        double elapsed = (net.nowMs() - startMs) / 1000.0;
        double mbps = bytes * 8 / elapsed / 1e6;
        double mss = 1200 - 12 - 16;
        double rtt = 0.050;
        String mathis = loss > 0 ? String.format(Locale.ROOT, "%.2f", mss * 8 / rtt * 1.22 / Math.sqrt(loss) / 1e6) : "n/a";
        SctpStats s = net.a.assoc.stats();
        System.out.printf(Locale.ROOT,
                "GOODPUT rtt=50ms loss=%.2f bottleneck=%s window=%dMiB: %.2f Mbit/s over %.0f s virtual (Mathis %s Mbit/s);"
                        + " retransmissions=%d cwnd=%d ssthresh=%d srtt=%d ms; simulated in %.1f s CPU%n",
                loss, bottleneckMbps == 0 ? "none" : bottleneckMbps + "Mbit/s", windowMiB, mbps, elapsed, mathis,
                s.retransmissions(), s.cwnd(), s.ssthresh(), s.smoothedRttMs(), cpuSeconds);
        assertThat(disorder[0]).as("ordered, complete 64 KiB messages").isFalse();
        assertThat(bytes).isPositive();
        assertThat(net.a.assoc.isFinished()).isFalse();
    }
}
