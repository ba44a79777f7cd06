package org.rtc4j.sctp;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A deterministic simulated network between two associations, driven by a virtual clock in
 * microseconds: loss, duplication, delay with jitter (which reorders), an optional bottleneck
 * bandwidth with a drop-tail queue. Reused by the correctness tests and the goodput report.
 */
final class SimNetwork {
    /** One direction of the path. */
    static final class Link {
        double loss;
        double duplicate;
        long delayUs;
        long jitterUs;
        long bitsPerSecond;
        long queueBytes = Long.MAX_VALUE;
        long busyUntilUs;
        long queued;
        long sentPackets;
        long lostPackets;
        /** Sees every packet offered to the link (before loss), with the virtual time in µs. */
        java.util.function.ObjLongConsumer<byte[]> tap;

        Link loss(double p) {
            this.loss = p;
            return this;
        }

        Link duplicate(double p) {
            this.duplicate = p;
            return this;
        }

        Link delayMs(double ms, double jitterMs) {
            this.delayUs = (long) (ms * 1000);
            this.jitterUs = (long) (jitterMs * 1000);
            return this;
        }

        Link bandwidth(long bps, long queueLimitBytes) {
            this.bitsPerSecond = bps;
            this.queueBytes = queueLimitBytes;
            return this;
        }
    }

    /** One endpoint: an association plus whatever the test does with its events. */
    static final class Peer {
        final String name;
        final SctpAssociation assoc;
        Consumer<SctpEvent> onEvent = e -> { };
        final List<SctpEvent> log = new ArrayList<>();
        boolean keepLog = true;
        Link out;
        Peer other;

        Peer(String name, SctpAssociation assoc) {
            this.name = name;
            this.assoc = assoc;
        }
    }

    private record Arrival(long atUs, long seq, Peer to, byte[] packet, Link via, int size) implements Comparable<Arrival> {
        @Override
        public int compareTo(Arrival o) {
            int c = Long.compare(atUs, o.atUs);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    final Peer a;
    final Peer b;
    final Random random;
    long nowUs;
    private long seq;
    private final PriorityQueue<Arrival> inFlight = new PriorityQueue<>();
    /** Called after every step so tests can keep queues full (e.g. a sender refilling). */
    Runnable onStep = () -> { };

    SimNetwork(SctpAssociation a, SctpAssociation b, Link ab, Link ba, long seed) {
        this.a = new Peer("A", a);
        this.b = new Peer("B", b);
        this.a.out = ab;
        this.b.out = ba;
        this.a.other = this.b;
        this.b.other = this.a;
        this.random = new Random(seed);
    }

    static SctpConfig config(boolean dtlsClient, long seed) {
        return SctpConfig.defaults().dtlsClient(dtlsClient).random(new Random(seed));
    }

    long nowMs() {
        return nowUs / 1000;
    }

    /** Sends everything both associations want to send and hands their events to the test. */
    void pump() {
        boolean more = true;
        while (more) {
            more = false;
            for (Peer p : new Peer[] {a, b}) {
                byte[] pkt;
                while ((pkt = p.assoc.pollTransmit(nowMs())) != null) {
                    transmit(p, pkt);
                }
                SctpEvent e;
                while ((e = p.assoc.pollEvent()) != null) {
                    if (p.keepLog) {
                        p.log.add(e);
                    }
                    p.onEvent.accept(e);
                    more = true;
                }
            }
        }
    }

    private void transmit(Peer from, byte[] pkt) {
        Link l = from.out;
        l.sentPackets++;
        if (l.tap != null) {
            l.tap.accept(pkt, nowUs);
        }
        if (l.loss > 0 && random.nextDouble() < l.loss) {
            l.lostPackets++;
            return;
        }
        long departUs = nowUs;
        if (l.bitsPerSecond > 0) {
            if (l.queued + pkt.length > l.queueBytes) {
                l.lostPackets++;
                return;
            }
            long start = Math.max(nowUs, l.busyUntilUs);
            long txUs = Math.max(1, pkt.length * 8L * 1_000_000L / l.bitsPerSecond);
            l.busyUntilUs = start + txUs;
            departUs = l.busyUntilUs;
            l.queued += pkt.length;
        }
        schedule(from, pkt, l, departUs);
        if (l.duplicate > 0 && random.nextDouble() < l.duplicate) {
            schedule(from, pkt.clone(), null, departUs);
        }
    }

    private void schedule(Peer from, byte[] pkt, Link queuedOn, long departUs) {
        Link l = from.out;
        long jitter = l.jitterUs > 0 ? (long) (random.nextDouble() * l.jitterUs) : 0;
        inFlight.add(new Arrival(departUs + l.delayUs + jitter, seq++, from.other, pkt, queuedOn, pkt.length));
    }

    /** Advances to the next event (arrival or timer) and processes it; false when nothing is left. */
    boolean step(long limitUs) {
        long next = Long.MAX_VALUE;
        if (!inFlight.isEmpty()) {
            next = inFlight.peek().atUs;
        }
        for (Peer p : new Peer[] {a, b}) {
            long t = p.assoc.nextTimeout();
            if (t != Long.MAX_VALUE) {
                // Timers are in ms; fire them at the start of that ms or now if already past.
                next = Math.min(next, Math.max(nowUs, t * 1000));
            }
        }
        if (next == Long.MAX_VALUE || next > limitUs) {
            nowUs = Math.max(nowUs, Math.min(limitUs, next));
            return false;
        }
        nowUs = Math.max(nowUs, next);
        while (!inFlight.isEmpty() && inFlight.peek().atUs <= nowUs) {
            Arrival ar = inFlight.poll();
            if (ar.via != null) {
                ar.via.queued -= ar.size;
            }
            ar.to.assoc.handle(ar.packet, nowMs());
            // Like an event loop: answer each datagram before reading the next.
            pump();
        }
        for (Peer p : new Peer[] {a, b}) {
            if (p.assoc.nextTimeout() <= nowMs()) {
                p.assoc.handleTimeout(nowMs());
            }
        }
        pump();
        onStep.run();
        pump();
        return true;
    }

    private Peer from(Peer to) {
        return to.other;
    }

    /** Runs until {@code done} holds or virtual time passes {@code maxMs}; returns whether done. */
    boolean runUntil(BooleanSupplier done, long maxMs) {
        long limit = nowUs + maxMs * 1000;
        pump();
        onStep.run();
        pump();
        while (!done.getAsBoolean()) {
            if (!step(limit) && nowUs >= limit) {
                return done.getAsBoolean();
            }
            if (nowUs >= limit) {
                return done.getAsBoolean();
            }
        }
        return true;
    }

    /** Both sides connect (the WebRTC way) and the handshake completes. */
    boolean connectBoth() {
        a.assoc.connect(nowMs());
        b.assoc.connect(nowMs());
        return runUntil(() -> a.assoc.state() == SctpAssociationState.ESTABLISHED
                && b.assoc.state() == SctpAssociationState.ESTABLISHED, 120_000);
    }
}
