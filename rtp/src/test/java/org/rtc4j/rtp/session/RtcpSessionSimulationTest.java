package org.rtc4j.rtp.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.rtc4j.rtp.rtcp.ReceiverReport;
import org.rtc4j.rtp.rtcp.ReportBlock;
import org.rtc4j.rtp.rtcp.RtcpPacket;
import org.rtc4j.rtp.rtcp.RtcpParser;
import org.rtc4j.rtp.rtcp.SenderReport;
import org.rtc4j.rtp.rtcp.SourceDescription;

/**
 * A sender and a receiver exchanging serialized SR/RR compounds over a 50 ms one-way path, on a
 * virtual clock: the sender's RTT, loss and jitter, and the receiver's remote-outbound view, must
 * come out of the bytes alone.
 */
class RtcpSessionSimulationTest {
    private static final long T0 = 1_700_000_000_000_000L;
    private static final long ONE_WAY = 50_000;
    private static final long MEDIA_SSRC = 0x1111_1111L;
    private static final long RECEIVER_SSRC = 0x2222_2222L;

    private record Event(long at, long order, Runnable action) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(order, o.order);
        }
    }

    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private long now = T0;
    private long order;

    private void at(long t, Runnable r) {
        events.add(new Event(t, order++, r));
    }

    private void runUntil(long end) {
        while (!events.isEmpty() && events.peek().at() <= end) {
            Event e = events.poll();
            now = e.at();
            e.action().run();
        }
        now = end;
    }

    /** Serializes, "sends" and parses on the other side after the one-way delay. */
    private void send(List<RtcpPacket> packets, Consumer<List<RtcpPacket>> peer) {
        byte[] datagram = RtcpCompound.build(packets, false);
        at(now + ONE_WAY, () -> peer.accept(RtcpParser.parse(datagram)));
    }

    @Test
    void reportsOverTheWireGiveRoundTripLossAndClockMapping() {
        SendStream sender = new SendStream(MEDIA_SSRC, 90000);
        ReceiveStream receiver = new ReceiveStream(MEDIA_SSRC, 90000);
        List<Double> fractions = new ArrayList<>();
        List<long[]> sentTimes = new ArrayList<>(); // {rtpTimestamp, sentAt}

        Consumer<List<RtcpPacket>> atReceiver = packets -> {
            assertThat(packets.get(1)).isInstanceOf(SourceDescription.class);
            receiver.onSenderReport((SenderReport) packets.get(0), now);
        };
        Consumer<List<RtcpPacket>> atSender = packets -> {
            for (ReportBlock b : ((ReceiverReport) packets.get(0)).reports()) {
                sender.onReportBlock(b, now);
                fractions.add(sender.fractionLost());
            }
        };

        // media: 1000 packets, one every 10 ms, sequence and timestamp wrap; 10 packets lost
        for (int i = 0; i < 1000; i++) {
            int seq = (65000 + i) & 0xFFFF;
            long ts = (0xFFFF_0000L + i * 900L) & 0xFFFF_FFFFL;
            boolean lost = i >= 500 && i < 510;
            at(T0 + i * 10_000L, () -> {
                sender.onPacketSent(ts, 1000, 12, 0, now);
                sentTimes.add(new long[] {ts, now});
                if (!lost) {
                    at(now + ONE_WAY, () -> receiver.onPacket(seq, ts, 1000, 12, 0, now));
                }
            });
        }
        // RTCP timers on both sides, as a connection would drive them
        RtcpInterval senderTimer = new RtcpInterval(1_000_000, new SplittableRandom(1));
        RtcpInterval receiverTimer = new RtcpInterval(1_000_000, new SplittableRandom(2));
        Runnable[] senderTick = new Runnable[1];
        senderTick[0] = () -> {
            if (sender.hasSent()) {
                send(List.of(SourceDescription.cname(MEDIA_SSRC, "a"), sender.senderReport(now, List.of())),
                        atReceiver); // SDES given first on purpose: RtcpCompound puts the SR in front
            }
            at(senderTimer.next(now), senderTick[0]);
        };
        Runnable[] receiverTick = new Runnable[1];
        receiverTick[0] = () -> {
            if (receiver.hasReceived()) {
                send(List.of(new ReceiverReport(RECEIVER_SSRC, List.of(receiver.reportBlock(now))),
                        SourceDescription.cname(RECEIVER_SSRC, "b")), atSender);
            }
            at(receiverTimer.next(now), receiverTick[0]);
        };
        at(senderTimer.first(now), senderTick[0]);
        at(receiverTimer.first(now), receiverTick[0]);
        runUntil(T0 + 13_000_000); // media ends at 10 s; later reports see everything

        assertThat(sender.packetsSent()).isEqualTo(1000);
        assertThat(sender.bytesSent()).isEqualTo(1_000_000);
        assertThat(receiver.packetsReceived()).isEqualTo(990);
        assertThat(receiver.packetsLost()).isEqualTo(10);

        // RTT = 2 x 50 ms within the 1/65536 s resolution of LSR/DLSR
        assertThat(sender.roundTripTimeMeasurements()).isGreaterThanOrEqualTo(10);
        assertThat(sender.roundTripTimeSeconds()).isCloseTo(0.100, within(1e-4));
        assertThat(sender.totalRoundTripTimeSeconds() / sender.roundTripTimeMeasurements())
                .isCloseTo(0.100, within(1e-4));
        assertThat(sender.reportsReceived()).isEqualTo(fractions.size())
                .isGreaterThanOrEqualTo(sender.roundTripTimeMeasurements()); // RRs before the first SR have no RTT

        // loss: cumulative 10; the interval holding the burst shows it, the last one is clean
        assertThat(sender.packetsLost()).isEqualTo(10);
        assertThat(fractions.stream().filter(f -> f > 0)).hasSize(1);
        assertThat(fractions.stream().mapToDouble(Double::doubleValue).max().orElseThrow())
                .isBetween(0.05, 0.25); // 10 of the ~40-130 packets expected in one randomised interval
        assertThat(sender.fractionLost()).isZero();
        assertThat(sender.jitterSeconds()).isZero(); // constant delay

        // remote-outbound: the last SR, sent after the media ended
        assertThat(receiver.remotePacketsSent()).isEqualTo(1000);
        assertThat(receiver.remoteBytesSent()).isEqualTo(1_000_000);
        assertThat(receiver.remoteTimestampUnixMicros()).isBetween(T0 + 10_000_000, T0 + 13_000_000 - ONE_WAY);
        // the SR mapping gives back each packet's send time: what lip sync needs. The SR's
        // extrapolated timestamp is rounded to a 90 kHz tick, so allow half a tick (5.6 µs)
        for (long[] p : sentTimes) {
            assertThat(receiver.ntpOfRtp(p[0])).isCloseTo(p[1], within(6L));
        }
    }

    @Test
    void lossOfTenInAThousandShowsInTheNextBlock() {
        SendStream sender = new SendStream(MEDIA_SSRC, 48000);
        ReceiveStream receiver = new ReceiveStream(MEDIA_SSRC, 48000);
        for (int i = 0; i < 1000; i++) {
            long t = T0 + i * 20_000L;
            sender.onPacketSent(i * 960L, 160, 12, 0, t);
            if (i % 100 != 37) { // 10 lost, spread out
                receiver.onPacket(i, i * 960L, 160, 12, 0, t + ONE_WAY);
            }
        }
        long t = T0 + 20_000_000;
        byte[] rr = RtcpCompound.build(List.of(new ReceiverReport(RECEIVER_SSRC, List.of(receiver.reportBlock(t))),
                SourceDescription.cname(RECEIVER_SSRC, "b")), false);
        for (RtcpPacket p : RtcpParser.parse(rr)) {
            if (p instanceof ReceiverReport r) {
                r.reports().forEach(b -> sender.onReportBlock(b, t + ONE_WAY));
            }
        }
        assertThat(sender.packetsLost()).isEqualTo(10);
        assertThat(sender.fractionLost()).isEqualTo((10 * 256 / 1000) / 256.0); // 2/256: 8-bit fixed point
        assertThat(sender.roundTripTimeSeconds()).isNaN(); // no SR was ever sent
        // the next interval has no new loss
        receiver.onPacket(1000, 1000 * 960L, 160, 12, 0, t + 20_000);
        sender.onReportBlock(receiver.reportBlock(t + 1_000_000), t + 1_050_000);
        assertThat(sender.fractionLost()).isZero();
        assertThat(sender.packetsLost()).isEqualTo(10);
    }
}
