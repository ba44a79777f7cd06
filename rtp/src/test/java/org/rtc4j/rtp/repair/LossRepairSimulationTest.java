package org.rtc4j.rtp.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.rtc4j.rtp.RtpPacket;
import org.rtc4j.rtp.codec.Frame;
import org.rtc4j.rtp.codec.Packetizer;
import org.rtc4j.rtp.codec.SampleBuilder;
import org.rtc4j.rtp.codec.Vp8Payloader;
import org.rtc4j.rtp.rtcp.GenericNack;
import org.rtc4j.rtp.rtcp.RtcpPacket;
import org.rtc4j.rtp.rtcp.RtcpParser;

/**
 * Sender and receiver over a simulated lossy, jittery network with a virtual clock: every lost
 * packet must be NACKed, and after RTX retransmission every frame must arrive intact.
 */
class LossRepairSimulationTest {
    private record Event(long at, long order, Runnable action) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(order, o.order);
        }
    }

    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private long now;
    private long order;

    private void at(long t, Runnable r) {
        events.add(new Event(t, order++, r));
    }

    @Test
    void everyLostPacketIsRequestedAndTheStreamCompletes() {
        runSimulation(0.15, 0.15, 7L);
        runSimulation(0.30, 0.0, 11L);
    }

    private void runSimulation(double loss, double rtxLoss, long seed) {
        events.clear();
        now = 0;
        Random rnd = new Random(seed);
        long ssrc = 0x1111, rtxSsrc = 0x2222;
        Packetizer pk = new Packetizer(new Vp8Payloader(), 96, ssrc, 65000); // wraps during the run
        RtxSendBuffer history = new RtxSendBuffer(1024, 1500, 97, rtxSsrc, 100);
        NackGenerator nacks = new NackGenerator(10, 20, 5, 1000);
        nacks.setRtt(60);
        SampleBuilder builder = new SampleBuilder(new Vp8Payloader(), 1024, 700);
        List<byte[]> sentFrames = new ArrayList<>();
        List<Frame> received = new ArrayList<>();
        Set<Integer> lostOriginals = new HashSet<>();
        Set<Integer> requested = new TreeSet<>();
        RtpPacket view = new RtpPacket();

        Runnable drain = () -> {
            for (Frame f; (f = builder.poll()) != null;) {
                received.add(f);
            }
        };
        // receiver: media arrival
        java.util.function.Consumer<byte[]> deliverMedia = pkt -> {
            view.wrap(pkt, 0, pkt.length);
            nacks.onPacket(view.sequenceNumber(), now);
            builder.push(view);
            drain.run();
        };
        // sender: NACK arrival -> RTX over the lossy path
        java.util.function.Consumer<byte[]> deliverRtcp = rtcp -> {
            for (RtcpPacket p : RtcpParser.parse(rtcp)) {
                for (int seq : ((GenericNack) p).lost()) {
                    byte[] out = new byte[1500];
                    int n = history.retransmit(seq, out, 0);
                    assertThat(n).as("seq %d still in history", seq).isPositive();
                    byte[] rtx = java.util.Arrays.copyOf(out, n);
                    if (rnd.nextDouble() >= rtxLoss) {
                        at(now + 20 + rnd.nextInt(10), () -> {
                            byte[] orig = new byte[1500];
                            int len = RtxSendBuffer.unwrapRtx(rtx, 0, rtx.length, 96, ssrc, orig, 0);
                            deliverMedia.accept(java.util.Arrays.copyOf(orig, len));
                        });
                    }
                }
            }
        };
        // sender: 150 frames at 30 fps, 1-4 packets each
        for (int i = 0; i < 150; i++) {
            byte[] frame = new byte[200 + rnd.nextInt(4000)];
            rnd.nextBytes(frame);
            frame[0] = (byte) (i % 30 == 0 ? frame[0] & 0xFE : frame[0] | 1);
            sentFrames.add(frame);
            long t = i * 33L;
            long ts = i * 3000L;
            at(t, () -> {
                for (byte[] pkt : pk.packetize(frame, ts)) {
                    history.store(pkt, 0, pkt.length);
                    int seq = ((pkt[2] & 0xFF) << 8) | (pkt[3] & 0xFF);
                    if (rnd.nextDouble() < loss) {
                        lostOriginals.add(seq);
                    } else {
                        at(now + 20 + rnd.nextInt(15), () -> deliverMedia.accept(pkt)); // jitter reorders
                    }
                }
            });
        }
        // receiver: NACK timer every 10 ms
        for (long t = 0; t < 150 * 33 + 2000; t += 10) {
            at(t, () -> {
                List<Integer> lost = nacks.poll(now);
                if (!lost.isEmpty()) {
                    requested.addAll(lost);
                    byte[] rtcp = new GenericNack(1, ssrc, lost).toBytes();
                    at(now + 25, () -> deliverRtcp.accept(rtcp));
                }
            });
        }
        // the last frame only completes once its packets arrive; send a trailing frame to flush holes
        while (!events.isEmpty()) {
            Event e = events.poll();
            now = e.at();
            e.action().run();
        }
        assertThat(lostOriginals).isNotEmpty();
        assertThat(requested).containsAll(lostOriginals);
        assertThat(nacks.givenUp()).isZero();
        assertThat(nacks.missingCount()).isZero();
        assertThat(received).hasSize(sentFrames.size());
        for (int i = 0; i < received.size(); i++) {
            assertThat(received.get(i).data()).as("frame %d", i).containsExactly(sentFrames.get(i));
            assertThat(received.get(i).timestamp()).isEqualTo(i * 3000L);
            assertThat(received.get(i).keyFrame()).isEqualTo(i % 30 == 0);
        }
    }

    @Test
    void givesUpAfterRetriesAndAsksForAKeyFrame() {
        NackGenerator g = new NackGenerator(3, 20, 0, 100);
        g.setRtt(50);
        g.onPacket(10, 0);
        g.onPacket(13, 0);
        assertThat(g.poll(0)).containsExactly(11, 12);
        assertThat(g.poll(10)).isEmpty(); // RTT-spaced
        assertThat(g.nextTimeout()).isEqualTo(50);
        assertThat(g.poll(50)).containsExactly(11, 12);
        g.onPacket(11, 60);
        assertThat(g.recovered()).isEqualTo(1);
        assertThat(g.poll(100)).containsExactly(12);
        assertThat(g.keyFrameNeeded()).isFalse();
        assertThat(g.poll(150)).isEmpty();
        assertThat(g.givenUp()).isEqualTo(1);
        assertThat(g.keyFrameNeeded()).isTrue();
        assertThat(g.nextTimeout()).isEqualTo(Long.MAX_VALUE);
        g.onPacket(500, 200); // hole larger than capacity
        assertThat(g.missingCount()).isZero();
        assertThat(g.keyFrameNeeded()).isTrue();
    }

    @Test
    void rtxCarriesTheOriginalSequenceNumberAndRestoresThePacket() {
        byte[] orig = new org.rtc4j.rtp.RtpHeader().payloadType(96).ssrc(5).sequenceNumber(65535).timestamp(77)
                .marker(true).addExtension(3, new byte[] {1, 2}).toPacket(new byte[] {9, 8, 7});
        RtxSendBuffer b = new RtxSendBuffer(16, 1500, 97, 6, 1000);
        b.store(orig, 0, orig.length);
        assertThat(b.contains(65535)).isTrue();
        assertThat(b.contains(1)).isFalse();
        byte[] out = new byte[1500];
        int n = b.retransmit(65535, out, 0);
        RtpPacket rtx = new RtpPacket().wrap(out, 0, n);
        assertThat(rtx.payloadType()).isEqualTo(97);
        assertThat(rtx.ssrc()).isEqualTo(6);
        assertThat(rtx.sequenceNumber()).isEqualTo(1000);
        assertThat(rtx.timestamp()).isEqualTo(77);
        assertThat(rtx.marker()).isTrue();
        assertThat(rtx.extensionLength(3)).isEqualTo(2);
        assertThat(rtx.payloadCopy()).containsExactly(0xff, 0xff, 9, 8, 7);
        byte[] back = new byte[1500];
        int m = RtxSendBuffer.unwrapRtx(out, 0, n, 96, 5, back, 0);
        assertThat(java.util.Arrays.copyOf(back, m)).containsExactly(orig);
        assertThat(b.retransmit(3, out, 0)).isEqualTo(-1);
        RtxSendBuffer plain = new RtxSendBuffer(16, 1500, -1, 0, 0);
        plain.store(orig, 0, orig.length);
        assertThat(java.util.Arrays.copyOf(out, plain.retransmit(65535, out, 0))).containsExactly(orig);
    }

    @Test
    void theNewestHoleGivenUpIsReported() {
        NackGenerator g = new NackGenerator(2, 10, 0, 100);
        g.setRtt(0); // retries every 10 ms
        assertThat(g.givenUpThrough()).isEqualTo(-1);
        g.onPacket(65533, 0);
        g.onPacket(2, 0); // 65534, 65535, 0, 1 missing across the wrap
        assertThat(g.poll(0)).containsExactly(65534, 65535, 0, 1);
        g.onPacket(0, 5); // one repaired
        assertThat(g.poll(10)).containsExactly(65534, 65535, 1);
        assertThat(g.poll(20)).isEmpty(); // retries exhausted: given up
        assertThat(g.givenUpThrough()).isEqualTo(1);
        assertThat(g.keyFrameNeeded()).isTrue();
        g.onPacket(500, 30); // a hole larger than the capacity is given up whole
        assertThat(g.givenUpThrough()).isEqualTo(499);
    }

    @Test
    void theHistoryRefusesPacketsTooOldAndResendsTooSoon() throws Exception {
        RtxSendBuffer b = new RtxSendBuffer(16, 1200, 97, 0x5678, 100);
        byte[] orig = new org.rtc4j.rtp.RtpHeader().payloadType(96).ssrc(0x1234).sequenceNumber(7).timestamp(90)
                .toPacket(new byte[] {1, 2, 3});
        b.store(orig, 0, orig.length, 1_000);
        byte[] out = new byte[1300];
        assertThat(b.retransmit(7, out, 0, 2_001, 1_000, 20)).as("older than a second").isEqualTo(-1);
        assertThat(b.retransmit(7, out, 0, 1_500, 1_000, 20)).isPositive();
        assertThat(b.retransmit(7, out, 0, 1_510, 1_000, 20)).as("resent 10 ms ago").isEqualTo(-1);
        assertThat(b.retransmit(7, out, 0, 1_520, 1_000, 20)).as("after the interval").isPositive();
        assertThat(b.retransmit(8, out, 0, 1_520, 1_000, 20)).as("never stored").isEqualTo(-1);
        // A new packet in the slot starts its own clock.
        byte[] next = new org.rtc4j.rtp.RtpHeader().payloadType(96).ssrc(0x1234).sequenceNumber(23).timestamp(90)
                .toPacket(new byte[] {4});
        b.store(next, 0, next.length, 1_600);
        assertThat(b.retransmit(7, out, 0, 1_600, 1_000, 20)).isEqualTo(-1);
        assertThat(b.retransmit(23, out, 0, 1_601, 1_000, 20)).isPositive();
    }
}
