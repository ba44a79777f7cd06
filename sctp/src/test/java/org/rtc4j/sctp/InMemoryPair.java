package org.rtc4j.sctp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Two associations wired back to back with no loss and a virtual clock; records what passed. */
final class InMemoryPair {
    final SctpAssociation a;
    final SctpAssociation b;
    final List<SctpEvent> eventsA = new ArrayList<>();
    final List<SctpEvent> eventsB = new ArrayList<>();
    /** Verification tag B expects (taken from A's packets after the handshake). */
    int tagAtB;
    /** Verification tag A expects. */
    int tagAtA;
    long now;

    InMemoryPair(SctpConfig ca, SctpConfig cb) {
        a = new SctpAssociation(ca);
        b = new SctpAssociation(cb);
    }

    static InMemoryPair established(long seed) {
        InMemoryPair p = new InMemoryPair(SimNetwork.config(true, seed), SimNetwork.config(false, seed + 1));
        p.a.connect(0);
        p.run(() -> p.a.state() == SctpAssociationState.ESTABLISHED && p.b.state() == SctpAssociationState.ESTABLISHED,
                10_000);
        return p;
    }

    /** Moves packets both ways until quiet; returns whether anything moved. */
    boolean pump() {
        boolean any = false;
        boolean moved = true;
        while (moved) {
            moved = false;
            byte[] pkt;
            while ((pkt = a.pollTransmit(now)) != null) {
                if (pkt.length >= 12 && pkt[12] != Chunks.INIT) {
                    tagAtB = Bytes.i32(pkt, 4);
                }
                b.handle(pkt, now);
                moved = true;
            }
            while ((pkt = b.pollTransmit(now)) != null) {
                if (pkt.length >= 12 && pkt[12] != Chunks.INIT) {
                    tagAtA = Bytes.i32(pkt, 4);
                }
                a.handle(pkt, now);
                moved = true;
            }
            SctpEvent e;
            while ((e = a.pollEvent()) != null) {
                eventsA.add(e);
                moved = true;
            }
            while ((e = b.pollEvent()) != null) {
                eventsB.add(e);
                moved = true;
            }
            any |= moved;
        }
        return any;
    }

    /** Pumps and fires timers (jumping the clock) until {@code done} or {@code maxMs} of virtual time. */
    boolean run(BooleanSupplier done, long maxMs) {
        long limit = now + maxMs;
        pump();
        while (!done.getAsBoolean()) {
            long next = Math.min(a.nextTimeout(), b.nextTimeout());
            if (next == Long.MAX_VALUE || next > limit) {
                return done.getAsBoolean();
            }
            now = Math.max(now, next);
            a.handleTimeout(now);
            b.handleTimeout(now);
            pump();
        }
        return true;
    }

    /** A packet from A's port to B's with the given tag and chunk bytes, with a valid CRC32c. */
    static byte[] packet(int vtag, byte[] chunks) {
        byte[] p = new byte[12 + chunks.length];
        SctpPacket.writeHeader(p, 5000, 5000, vtag);
        System.arraycopy(chunks, 0, p, 12, chunks.length);
        SctpPacket.storeChecksum(p, 0, SctpPacket.checksum(p, 0, p.length));
        return p;
    }
}
