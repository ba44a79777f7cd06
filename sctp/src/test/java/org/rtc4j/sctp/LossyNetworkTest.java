package org.rtc4j.sctp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two associations over a lossy, reordering, duplicating, delaying link. Reliable ordered
 * channels must deliver every message exactly once in order (checked by SHA-256 over the stream),
 * unordered ones every message exactly once, partial-reliability ones must keep their limits and
 * must not hold the reliable ones back.
 */
class LossyNetworkTest {
    private static final int MESSAGES = 150;
    private static final int LIFETIME_MS = 1000;
    private static final int PR_RETRANSMITS = 2;

    /** What one side sends on one channel and what the other side saw. */
    private static final class Flow {
        final String label;
        final DataChannel tx;
        final long seed;
        final int maxSize;
        int sent;
        final List<Integer> received = new ArrayList<>();
        final MessageDigest sentDigest;
        final MessageDigest receivedDigest;
        final Map<Integer, Long> sentAtMs = new HashMap<>();
        boolean corrupt;

        Flow(String label, DataChannel tx, long seed, int maxSize) throws Exception {
            this.label = label;
            this.tx = tx;
            this.seed = seed;
            this.maxSize = maxSize;
            this.sentDigest = MessageDigest.getInstance("SHA-256");
            this.receivedDigest = MessageDigest.getInstance("SHA-256");
        }

        byte[] message(int seq) {
            Random r = new Random(seed * 1_000_003L + seq);
            int size = Math.max(4, r.nextInt(maxSize));
            byte[] m = new byte[size];
            r.nextBytes(m);
            ByteBuffer.wrap(m).putInt(seq);
            return m;
        }
    }

    @ParameterizedTest(name = "loss {0}, delay {1} ms + jitter {2} ms, dup {3}")
    @CsvSource({
        "0.00, 0, 0, 0.00",
        "0.00, 200, 0, 0.00",
        "0.05, 40, 30, 0.02",
        "0.05, 100, 100, 0.05",
        "0.30, 60, 60, 0.05",
        "0.30, 20, 180, 0.10",
    })
    void everyReliableMessageArrivesOnceAndInOrder(double loss, double delayMs, double jitterMs, double dup)
            throws Exception {
        long seed = Double.doubleToLongBits(loss * 7 + delayMs * 13 + jitterMs);
        SctpConfig ca = SimNetwork.config(true, seed).maxRetransmissions(25, 16);
        SctpConfig cb = SimNetwork.config(false, seed + 1).maxRetransmissions(25, 16);
        SimNetwork.Link ab = new SimNetwork.Link().loss(loss).delayMs(delayMs, jitterMs).duplicate(dup);
        SimNetwork.Link ba = new SimNetwork.Link().loss(loss).delayMs(delayMs, jitterMs).duplicate(dup);
        SimNetwork net = new SimNetwork(new SctpAssociation(ca), new SctpAssociation(cb), ab, ba, seed);
        assertThat(net.connectBoth()).as("handshake").isTrue();

        SctpAssociation a = net.a.assoc;
        SctpAssociation b = net.b.assoc;
        List<Flow> flows = new ArrayList<>();
        flows.add(new Flow("reliable-ordered", a.createDataChannel("reliable-ordered", null), 1, 4000));
        flows.add(new Flow("reliable-unordered", a.createDataChannel("reliable-unordered",
                DataChannelInit.reliable().ordered(false)), 2, 3000));
        flows.add(new Flow("rexmit-ordered", a.createDataChannel("rexmit-ordered",
                DataChannelInit.reliable().maxRetransmits(PR_RETRANSMITS)), 3, 900));
        flows.add(new Flow("rexmit0-unordered", a.createDataChannel("rexmit0-unordered",
                DataChannelInit.reliable().ordered(false).maxRetransmits(0)), 4, 900));
        flows.add(new Flow("timed-ordered", a.createDataChannel("timed-ordered",
                DataChannelInit.reliable().maxPacketLifeTime(LIFETIME_MS)), 5, 900));
        flows.add(new Flow("timed-unordered", a.createDataChannel("timed-unordered",
                DataChannelInit.reliable().ordered(false).maxPacketLifeTime(LIFETIME_MS)), 6, 900));
        // And a reliable flow the other way, opened by B (odd id).
        Map<String, Flow> byLabel = new HashMap<>();
        for (Flow f : flows) {
            byLabel.put(f.label, f);
        }
        Flow back = new Flow("back", b.createDataChannel("back", null), 7, 2500);
        flows.add(back);
        byLabel.put("back", back);
        assertThat(back.tx.id() % 2).isEqualTo(1);

        SimNetwork.Peer[] peers = {net.a, net.b};
        for (SimNetwork.Peer p : peers) {
            p.keepLog = false;
            p.onEvent = e -> {
                if (e instanceof SctpEvent.ChannelMessage m) {
                    Flow f = byLabel.get(m.channel().label());
                    int seq = ByteBuffer.wrap(m.data()).getInt();
                    if (!java.util.Arrays.equals(m.data(), f.message(seq))) {
                        f.corrupt = true;
                    }
                    f.received.add(seq);
                    f.receivedDigest.update(m.data());
                }
            };
        }
        // Per-TSN transmissions of partial-reliability messages, seen on the wire.
        Map<Long, Integer> rexmitSends = new HashMap<>();
        Map<Long, Long> timedLastSendMs = new HashMap<>();
        int rexmitStream = byLabel.get("rexmit-ordered").tx.id();
        int timedStream = byLabel.get("timed-ordered").tx.id();
        ab.tap = (pkt, nowUs) -> forEachData(pkt, (stream, tsn, seq) -> {
            if (stream == rexmitStream) {
                rexmitSends.merge(tsn, 1, Integer::sum);
            } else if (stream == timedStream) {
                timedLastSendMs.put((long) seq, nowUs / 1000);
            }
        });

        net.onStep = () -> {
            for (Flow f : flows) {
                while (f.sent < MESSAGES && f.tx.readyState() == DataChannelState.OPEN && f.tx.bufferedAmount() < 16_000) {
                    byte[] m = f.message(f.sent);
                    f.sentAtMs.put(f.sent, net.nowMs());
                    f.tx.send(m);
                    if (!f.label.contains("unordered") && !f.label.startsWith("rexmit") && !f.label.startsWith("timed")) {
                        f.sentDigest.update(m);
                    }
                    f.sent++;
                }
            }
        };
        List<Flow> reliable = List.of(byLabel.get("reliable-ordered"), byLabel.get("reliable-unordered"), back);
        boolean done = net.runUntil(() -> reliable.stream().allMatch(f -> f.received.size() >= MESSAGES)
                && flows.stream().allMatch(f -> f.sent == MESSAGES), 3_600_000);
        // Let stragglers (duplicates, late partial-reliability data) drain.
        net.runUntil(() -> false, 5_000);
        assertThat(done).as("reliable flows completed; A %s B %s", a.stats(), b.stats()).isTrue();
        assertThat(a.isFinished()).isFalse();
        assertThat(b.isFinished()).isFalse();

        for (Flow f : flows) {
            assertThat(f.corrupt).as(f.label + " content").isFalse();
            assertThat(new HashSet<>(f.received)).as(f.label + " no duplicates").hasSameSizeAs(f.received);
        }
        for (Flow f : List.of(byLabel.get("reliable-ordered"), back)) {
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                expected.add(i);
            }
            assertThat(f.received).as(f.label).isEqualTo(expected);
            assertThat(f.receivedDigest.digest()).as(f.label + " SHA-256").isEqualTo(f.sentDigest.digest());
        }
        Set<Integer> all = new HashSet<>();
        for (int i = 0; i < MESSAGES; i++) {
            all.add(i);
        }
        assertThat(new HashSet<>(byLabel.get("reliable-unordered").received)).isEqualTo(all);
        for (String ordered : List.of("rexmit-ordered", "timed-ordered")) {
            List<Integer> got = byLabel.get(ordered).received;
            for (int i = 1; i < got.size(); i++) {
                assertThat(got.get(i)).as(ordered + " stays in order").isGreaterThan(got.get(i - 1));
            }
        }
        assertThat(rexmitSends.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(1 + PR_RETRANSMITS));
        Flow timed = byLabel.get("timed-ordered");
        timedLastSendMs.forEach((seq, at) -> assertThat(at).as("timed message %d sent after its lifetime", seq)
                .isLessThanOrEqualTo(timed.sentAtMs.get(seq.intValue()) + LIFETIME_MS));
        StringBuilder summary = new StringBuilder("loss " + loss + " delay " + delayMs + " jitter " + jitterMs + ":");
        for (Flow f : flows) {
            summary.append(' ').append(f.label).append('=').append(f.received.size());
        }
        System.out.println(summary + " after " + net.nowMs() + " ms virtual; A " + a.stats());
        if (loss == 0 && dup == 0 && delayMs == 0) {
            for (Flow f : flows) {
                assertThat(f.received).as(f.label + " loses nothing on a clean link").hasSize(MESSAGES);
            }
        }
    }

    interface DataVisitor {
        void visit(int stream, long tsn, int firstInt);
    }

    static void forEachData(byte[] pkt, DataVisitor v) {
        try {
            SctpPacket.Parsed p = SctpPacket.parse(pkt, 0, pkt.length, true);
            for (SctpPacket.Chunk c : p.chunks()) {
                if (c.type() == Chunks.DATA && (c.flags() & Chunks.FLAG_BEGIN) != 0 && c.value().length >= 16) {
                    ByteBuffer bb = ByteBuffer.wrap(c.value());
                    long tsn = bb.getInt(0) & 0xffffffffL;
                    int stream = bb.getShort(4) & 0xffff;
                    int ppid = bb.getInt(8);
                    if (ppid != Dcep.PPID_DCEP) {
                        v.visit(stream, tsn, bb.getInt(12));
                    }
                }
            }
        } catch (SctpParseException e) {
            throw new AssertionError(e);
        }
    }
}
