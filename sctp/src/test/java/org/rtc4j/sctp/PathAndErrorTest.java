package org.rtc4j.sctp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathAndErrorTest {
    @Test
    void heartbeatMeasuresRttOnAnIdleAssociation() {
        SimNetwork n = new SimNetwork(new SctpAssociation(SimNetwork.config(true, 51).heartbeatIntervalMs(1000)),
                new SctpAssociation(SimNetwork.config(false, 52)), new SimNetwork.Link().delayMs(20, 0),
                new SimNetwork.Link().delayMs(20, 0), 51);
        assertThat(n.connectBoth()).isTrue();
        n.runUntil(() -> false, 10_000);
        assertThat(n.a.assoc.stats().smoothedRttMs()).isEqualTo(40);
        assertThat(n.a.assoc.isFinished()).isFalse();
    }

    @Test
    void silentPeerFailsTheAssociationAfterRetransmissions() {
        SimNetwork n = new SimNetwork(new SctpAssociation(SimNetwork.config(true, 53).maxRetransmissions(4, 4)),
                new SctpAssociation(SimNetwork.config(false, 54)), new SimNetwork.Link().delayMs(5, 0),
                new SimNetwork.Link().delayMs(5, 0), 53);
        assertThat(n.connectBoth()).isTrue();
        DataChannel c = n.a.assoc.createDataChannel("x", null);
        n.runUntil(() -> false, 100);
        n.a.out.loss(1.0);
        c.send("lost forever");
        assertThat(n.runUntil(() -> n.a.assoc.isFinished(), 600_000)).isTrue();
        assertThat(n.a.log).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(SctpEvent.AssociationAborted.class,
                ab -> assertThat(ab.cause()).contains("retransmission limit")));
        assertThat(c.readyState()).isEqualTo(DataChannelState.CLOSED);
    }

    @Test
    void dataOnAnInvalidStreamIsAnsweredWithAnErrorCause() {
        InMemoryPair p = new InMemoryPair(SimNetwork.config(true, 55).streams(16, 16), SimNetwork.config(false, 56)
                .streams(16, 16));
        p.a.connect(0);
        p.run(() -> p.b.state() == SctpAssociationState.ESTABLISHED, 5_000);
        // Hand-made DATA for stream 300 (beyond the 16 negotiated), TSN = B's next expected.
        int tsn = nextTsnFor(p);
        ByteBuffer c = ByteBuffer.allocate(20);
        c.put((byte) 0).put((byte) 3).putShort((short) 17).putInt(tsn).putShort((short) 300).putShort((short) 0)
                .putInt(53).put((byte) 1);
        p.b.handle(InMemoryPair.packet(p.tagAtB, c.array()), p.now);
        p.pump();
        List<String> errors = new ArrayList<>();
        for (SctpEvent e : p.eventsA) {
            if (e instanceof SctpEvent.PeerError pe) {
                errors.add(pe.causes());
            }
        }
        assertThat(errors).containsExactly("Invalid Stream Identifier 300");
        // B acknowledged a TSN A never sent (the forged chunk), which A rightly treats as a violation.
        assertThat(p.eventsA).anySatisfy(e -> assertThat(e).isInstanceOf(SctpEvent.AssociationAborted.class));
    }

    /** A's next TSN, read from a DATA chunk A sends. */
    private static int nextTsnFor(InMemoryPair p) {
        DataChannel ch = p.a.createDataChannel("probe", DataChannelInit.reliable().negotiated(2));
        ch.send("x");
        byte[] pkt = p.a.pollTransmit(p.now);
        p.b.handle(pkt, p.now);
        p.pump();
        return ByteBuffer.wrap(pkt).getInt(16) + 1;
    }

    @Test
    void closingUnderHeavyLossStillCompletes() {
        SimNetwork n = new SimNetwork(new SctpAssociation(SimNetwork.config(true, 57).maxRetransmissions(30, 8)),
                new SctpAssociation(SimNetwork.config(false, 58).maxRetransmissions(30, 8)),
                new SimNetwork.Link().delayMs(30, 30).loss(0.3), new SimNetwork.Link().delayMs(30, 30).loss(0.3), 57);
        assertThat(n.connectBoth()).isTrue();
        List<DataChannel> chans = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            DataChannel c = n.a.assoc.createDataChannel("c" + i, null);
            c.send(new byte[3000]);
            chans.add(c);
        }
        n.runUntil(() -> n.b.assoc.channels().size() == 20, 600_000);
        for (int i = 0; i < 20; i += 2) {
            chans.get(i).close();
        }
        assertThat(n.runUntil(() -> n.b.assoc.channels().size() == 10 && n.a.assoc.channels().size() == 10, 600_000))
                .isTrue();
        for (int i = 0; i < 20; i++) {
            assertThat(chans.get(i).readyState()).isEqualTo(i % 2 == 0 ? DataChannelState.CLOSED : DataChannelState.OPEN);
        }
        long messagesAtB = n.b.log.stream().filter(e -> e instanceof SctpEvent.ChannelMessage).count();
        assertThat(messagesAtB).isEqualTo(20);
    }
}
