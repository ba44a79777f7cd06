package org.rtc4j.ice.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rtc4j.ice.CandidateType;
import org.rtc4j.ice.IceAgent;
import org.rtc4j.ice.IceCandidate;
import org.rtc4j.ice.IceConfig;
import org.rtc4j.ice.IceEvent;
import org.rtc4j.ice.IceGatheringState;
import org.rtc4j.ice.IceRole;
import org.rtc4j.ice.IceTransportState;
import org.rtc4j.ice.TransportProtocol;
import org.rtc4j.ice.stun.StunAttribute;
import org.rtc4j.ice.stun.StunMessage;
import org.rtc4j.ice.stun.StunMessageBuilder;
import org.rtc4j.ice.stun.StunMethod;
import org.rtc4j.ice.stun.TransactionId;
import org.rtc4j.ice.turn.TurnServer;

/** Against a real coturn on 127.0.0.1. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoturnTest {
    Coturn coturn;
    SSLContext tls;

    @BeforeAll
    void startCoturn() throws Exception {
        coturn = new Coturn();
        tls = Coturn.trustingTls();
    }

    @AfterAll
    void stopCoturn() throws Exception {
        if (coturn != null) {
            coturn.close();
        }
    }

    @Test
    void stunBindingReturnsTheMappedAddress() throws Exception {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            s.setSoTimeout(2000);
            TransactionId tx = TransactionId.random(new SecureRandom());
            byte[] req = new StunMessageBuilder(StunMethod.BINDING, StunMethod.REQUEST, tx).addFingerprint().build();
            s.send(new DatagramPacket(req, req.length, coturn.address()));
            DatagramPacket p = new DatagramPacket(new byte[1500], 1500);
            s.receive(p);
            StunMessage m = StunMessage.parse(p.getData(), 0, p.getLength());
            assertThat(m.hasTransactionId(tx)).isTrue();
            assertThat(m.messageClass()).isEqualTo(StunMethod.SUCCESS);
            assertThat(m.getXorAddress(StunAttribute.XOR_MAPPED_ADDRESS)).isEqualTo(s.getLocalSocketAddress());
        }
    }

    TurnServer server(TransportProtocol t, String password) {
        return new TurnServer(t == TransportProtocol.TLS ? coturn.tlsAddress() : coturn.address(), t, Coturn.USER, password);
    }

    SocketDriver.Peer relayPeer(SocketDriver d, IceRole role, TransportProtocol t, String password) throws Exception {
        IceConfig c = new IceConfig();
        c.role = role;
        c.relayOnly = true;
        if (t == TransportProtocol.UDP) {
            c.turnServers.add(server(t, password));
        }
        SocketDriver.Peer p = d.add(new IceAgent(c, new SecureRandom()));
        d.addUdp(p, 1);
        if (t != TransportProtocol.UDP) {
            d.addTurnStream(p, 2, server(t, password), tls);
        }
        return p;
    }

    static void wire(SocketDriver d, SocketDriver.Peer a, SocketDriver.Peer b) {
        a.agent.setRemoteCredentials(b.agent.localUfrag(), b.agent.localPassword(), d.now());
        b.agent.setRemoteCredentials(a.agent.localUfrag(), a.agent.localPassword(), d.now());
        a.signaling = e -> deliver(d, e, b);
        b.signaling = e -> deliver(d, e, a);
    }

    static void deliver(SocketDriver d, IceEvent e, SocketDriver.Peer to) {
        if (e instanceof IceEvent.LocalCandidate) {
            to.agent.addRemoteCandidate(IceCandidate.parse(((IceEvent.LocalCandidate) e).candidate().toSdp()), d.now());
        } else if (e instanceof IceEvent.GatheringStateChanged
                && ((IceEvent.GatheringStateChanged) e).state() == IceGatheringState.COMPLETE) {
            to.agent.addRemoteEndOfCandidates(d.now());
        }
    }

    static boolean connected(SocketDriver.Peer p) {
        return p.agent.selectedPair() != null && (p.agent.state() == IceTransportState.CONNECTED
                || p.agent.state() == IceTransportState.COMPLETED);
    }

    @ParameterizedTest
    @EnumSource(TransportProtocol.class)
    void relayOnlyAgentsConnectThroughCoturn(TransportProtocol transport) throws Exception {
        try (SocketDriver d = new SocketDriver()) {
            SocketDriver.Peer a = relayPeer(d, IceRole.CONTROLLING, transport, Coturn.PASSWORD);
            SocketDriver.Peer b = relayPeer(d, IceRole.CONTROLLED, transport, Coturn.PASSWORD);
            wire(d, a, b);
            a.agent.startGathering(d.now());
            b.agent.startGathering(d.now());
            assertThat(d.runUntil(20_000, () -> connected(a) && connected(b))).as(coturn.log()).isTrue();
            assertThat(a.events).noneMatch(e -> e instanceof IceEvent.LocalCandidate
                    && ((IceEvent.LocalCandidate) e).candidate().type() != CandidateType.RELAY);
            assertThat(a.agent.selectedPair().local().type()).isEqualTo(CandidateType.RELAY);
            assertThat(a.agent.selectedPair().remote().type()).isEqualTo(CandidateType.RELAY);
            assertThat(b.agent.selectedPair().local().type()).isEqualTo(CandidateType.RELAY);
            for (int i = 0; i < 20; i++) {
                a.agent.send(("ping " + i).getBytes(StandardCharsets.UTF_8), d.now());
                b.agent.send(("pong " + i).getBytes(StandardCharsets.UTF_8), d.now());
                d.runUntil(10, () -> false);
            }
            assertThat(d.runUntil(5_000, () -> a.received.size() >= 20 && b.received.size() >= 20)).isTrue();
            assertThat(new String(b.received.get(0), StandardCharsets.UTF_8)).isEqualTo("ping 0");
            assertThat(new String(a.received.get(19), StandardCharsets.UTF_8)).isEqualTo("pong 19");
            // Close deallocates (Refresh lifetime 0) and the server answers.
            a.agent.close(d.now());
            b.agent.close(d.now());
            d.runUntil(500, () -> false);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TransportProtocol.class, names = {"UDP", "TLS"})
    void wrongPasswordIsAnAuthErrorWithoutRetryStorm(TransportProtocol transport) throws Exception {
        try (SocketDriver d = new SocketDriver()) {
            SocketDriver.Peer a = relayPeer(d, IceRole.CONTROLLING, transport, "wrong-password");
            a.agent.startGathering(d.now());
            assertThat(d.runUntil(10_000, () -> a.events.stream().anyMatch(e -> e instanceof IceEvent.TurnError))).isTrue();
            IceEvent.TurnError err = (IceEvent.TurnError) a.events.stream().filter(e -> e instanceof IceEvent.TurnError)
                    .findFirst().orElseThrow();
            assertThat(err.code()).isEqualTo(401);
            assertThat(err.reason()).contains("authentication failed");
            // Gathering completes (with no relay candidate) and nothing more goes to the server.
            assertThat(a.agent.gatheringState()).isEqualTo(IceGatheringState.COMPLETE);
            int sent = a.sentTo.values().stream().mapToInt(Integer::intValue).sum();
            d.runUntil(2_000, () -> false);
            assertThat(a.sentTo.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(sent);
            assertThat(sent).isLessThanOrEqualTo(2);
        }
    }
}
