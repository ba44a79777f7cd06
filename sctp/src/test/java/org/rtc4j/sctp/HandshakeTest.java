package org.rtc4j.sctp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandshakeTest {
    private static SimNetwork net(long seed) {
        return new SimNetwork(new SctpAssociation(SimNetwork.config(true, seed)),
                new SctpAssociation(SimNetwork.config(false, seed + 1)), new SimNetwork.Link().delayMs(10, 0),
                new SimNetwork.Link().delayMs(10, 0), seed);
    }

    @Test
    void passiveSideStaysStatelessUntilCookieEcho() {
        SctpAssociation client = new SctpAssociation(SimNetwork.config(true, 1));
        SctpAssociation server = new SctpAssociation(SimNetwork.config(false, 2));
        client.connect(0);
        byte[] init = client.pollTransmit(0);
        server.handle(init, 0);
        assertThat(server.state()).isEqualTo(SctpAssociationState.CLOSED);
        byte[] initAck = server.pollTransmit(0);
        assertThat(initAck).isNotNull();
        // A second INIT-ACK from the same INIT: still no state kept.
        server.handle(init, 1);
        assertThat(server.pollTransmit(1)).isNotNull();
        assertThat(server.state()).isEqualTo(SctpAssociationState.CLOSED);
        client.handle(initAck, 2);
        assertThat(client.state()).isEqualTo(SctpAssociationState.COOKIE_ECHOED);
        byte[] cookieEcho = client.pollTransmit(2);
        server.handle(cookieEcho, 3);
        assertThat(server.state()).isEqualTo(SctpAssociationState.ESTABLISHED);
        client.handle(server.pollTransmit(3), 4);
        assertThat(client.state()).isEqualTo(SctpAssociationState.ESTABLISHED);
        assertThat(client.pollEvent()).isInstanceOf(SctpEvent.AssociationEstablished.class);
        assertThat(server.pollEvent()).isInstanceOf(SctpEvent.AssociationEstablished.class);
    }

    @Test
    void forgedOrTamperedCookieIsIgnored() {
        SctpAssociation client = new SctpAssociation(SimNetwork.config(true, 1));
        SctpAssociation server = new SctpAssociation(SimNetwork.config(false, 2));
        client.connect(0);
        server.handle(client.pollTransmit(0), 0);
        client.handle(server.pollTransmit(0), 1);
        byte[] echo = client.pollTransmit(1);
        byte[] bad = echo.clone();
        bad[20] ^= 1; // inside the cookie
        SctpPacket.storeChecksum(bad, 0, SctpPacket.checksum(bad, 0, bad.length));
        server.handle(bad, 2);
        assertThat(server.state()).isEqualTo(SctpAssociationState.CLOSED);
        // Stale: the cookie lifetime is 60 s.
        server.handle(echo, 120_000);
        assertThat(server.state()).isEqualTo(SctpAssociationState.CLOSED);
        server.handle(echo, 3);
        assertThat(server.state()).isEqualTo(SctpAssociationState.ESTABLISHED);
    }

    @Test
    void simultaneousInitCollisionEstablishesBothSides() {
        SimNetwork n = net(7);
        assertThat(n.connectBoth()).isTrue();
        assertThat(n.a.log).containsOnlyOnce(new SctpEvent.AssociationEstablished());
        assertThat(n.b.log).containsOnlyOnce(new SctpEvent.AssociationEstablished());
    }

    @Test
    void initIsRetransmittedWhenLost() {
        SimNetwork n = new SimNetwork(new SctpAssociation(SimNetwork.config(true, 3)),
                new SctpAssociation(SimNetwork.config(false, 4)), new SimNetwork.Link().delayMs(5, 0).loss(1.0),
                new SimNetwork.Link().delayMs(5, 0), 3);
        n.a.assoc.connect(0);
        n.runUntil(() -> false, 2500);
        assertThat(n.a.out.sentPackets).isGreaterThanOrEqualTo(2);
        n.a.out.loss(0);
        assertThat(n.runUntil(() -> n.a.assoc.state() == SctpAssociationState.ESTABLISHED
                && n.b.assoc.state() == SctpAssociationState.ESTABLISHED, 30_000)).isTrue();
    }

    @Test
    void initGivesUpWithAbortedEvent() {
        SimNetwork n = new SimNetwork(new SctpAssociation(SimNetwork.config(true, 3).maxRetransmissions(10, 2)),
                new SctpAssociation(SimNetwork.config(false, 4)), new SimNetwork.Link().loss(1.0),
                new SimNetwork.Link(), 3);
        n.a.assoc.connect(0);
        n.runUntil(() -> n.a.assoc.isFinished(), 600_000);
        assertThat(n.a.log).anySatisfy(e -> assertThat(e).isInstanceOf(SctpEvent.AssociationAborted.class));
    }

    @Test
    void channelOpensAndCarriesMessagesBothWays() {
        SimNetwork n = net(11);
        assertThat(n.connectBoth()).isTrue();
        DataChannel ca = n.a.assoc.createDataChannel("chat", DataChannelInit.reliable().protocol("p1"));
        assertThat(ca.id() % 2).isZero();
        List<String> atB = new ArrayList<>();
        List<DataChannel> remote = new ArrayList<>();
        n.b.onEvent = e -> {
            if (e instanceof SctpEvent.ChannelOpen o && o.remote()) {
                remote.add(o.channel());
                o.channel().send("hi back");
            } else if (e instanceof SctpEvent.ChannelMessage m) {
                atB.add(m.text());
            }
        };
        ca.send("hello");
        List<String> atA = new ArrayList<>();
        n.a.onEvent = e -> {
            if (e instanceof SctpEvent.ChannelMessage m) {
                atA.add(m.text());
            }
        };
        assertThat(n.runUntil(() -> atA.size() == 1 && atB.size() == 1, 10_000)).isTrue();
        assertThat(atB).containsExactly("hello");
        assertThat(atA).containsExactly("hi back");
        DataChannel cb = remote.get(0);
        assertThat(cb.label()).isEqualTo("chat");
        assertThat(cb.protocol()).isEqualTo("p1");
        assertThat(cb.id()).isEqualTo(ca.id());
        assertThat(cb.readyState()).isEqualTo(DataChannelState.OPEN);
    }

    @Test
    void gracefulShutdownClosesBothSides() {
        SimNetwork n = net(13);
        assertThat(n.connectBoth()).isTrue();
        DataChannel ca = n.a.assoc.createDataChannel("x", null);
        ca.send(new byte[5000]);
        n.a.assoc.shutdown(n.nowMs());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ca.send("after shutdown"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SHUTDOWN");
        assertThat(n.runUntil(() -> n.a.assoc.isFinished() && n.b.assoc.isFinished(), 30_000)).isTrue();
        assertThat(n.a.log).contains(new SctpEvent.AssociationClosed());
        assertThat(n.b.log).contains(new SctpEvent.AssociationClosed());
        assertThat(n.b.log).anySatisfy(e -> assertThat(e).isInstanceOf(SctpEvent.ChannelMessage.class));
        assertThat(ca.readyState()).isEqualTo(DataChannelState.CLOSED);
    }

    @Test
    void peerAbortGivesCleanFailureEvent() {
        SimNetwork n = net(17);
        assertThat(n.connectBoth()).isTrue();
        DataChannel ca = n.a.assoc.createDataChannel("x", null);
        n.runUntil(() -> n.b.assoc.channels().size() == 1, 5_000);
        n.b.assoc.abort("going away", n.nowMs());
        assertThat(n.runUntil(() -> n.a.assoc.isFinished(), 5_000)).isTrue();
        assertThat(n.a.log).anySatisfy(e -> {
            assertThat(e).isInstanceOf(SctpEvent.AssociationAborted.class);
            SctpEvent.AssociationAborted ab = (SctpEvent.AssociationAborted) e;
            assertThat(ab.byPeer()).isTrue();
            assertThat(ab.cause()).contains("User-Initiated Abort").contains("going away");
        });
        assertThat(n.a.log).contains(new SctpEvent.ChannelClosed(ca));
        assertThat(ca.readyState()).isEqualTo(DataChannelState.CLOSED);
        assertThat(n.a.assoc.nextTimeout()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void lateConnectAfterAnsweringThePeersInitStillConverges() {
        SctpAssociation a = new SctpAssociation(SimNetwork.config(true, 61));
        SctpAssociation b = new SctpAssociation(SimNetwork.config(false, 62));
        a.connect(0);
        b.handle(a.pollTransmit(0), 1);
        byte[] statelessInitAck = b.pollTransmit(1);
        // B's own connect() comes after it already answered A's INIT statelessly (new tag).
        b.connect(2);
        byte[] bInit = b.pollTransmit(2);
        a.handle(statelessInitAck, 3);
        a.handle(bInit, 3);
        // Deliver whatever is pending both ways until quiet.
        for (int round = 0; round < 10; round++) {
            byte[] x;
            while ((x = a.pollTransmit(4 + round)) != null) {
                b.handle(x, 4 + round);
            }
            while ((x = b.pollTransmit(4 + round)) != null) {
                a.handle(x, 4 + round);
            }
        }
        assertThat(a.state()).isEqualTo(SctpAssociationState.ESTABLISHED);
        assertThat(b.state()).isEqualTo(SctpAssociationState.ESTABLISHED);
        DataChannel ch = a.createDataChannel("after-race", null);
        ch.send("works");
        SctpEvent.ChannelMessage got = null;
        for (int round = 0; round < 10 && got == null; round++) {
            byte[] x;
            while ((x = a.pollTransmit(20)) != null) {
                b.handle(x, 20);
            }
            while ((x = b.pollTransmit(20)) != null) {
                a.handle(x, 20);
            }
            SctpEvent e;
            while ((e = b.pollEvent()) != null) {
                if (e instanceof SctpEvent.ChannelMessage m) {
                    got = m;
                }
            }
        }
        assertThat(got).isNotNull();
        assertThat(got.text()).isEqualTo("works");
    }
}
