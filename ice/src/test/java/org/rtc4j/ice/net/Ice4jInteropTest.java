package org.rtc4j.ice.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.Agent;
import org.ice4j.ice.CandidatePair;
import org.ice4j.ice.Component;
import org.ice4j.ice.IceMediaStream;
import org.ice4j.ice.IceProcessingState;
import org.ice4j.ice.LocalCandidate;
import org.ice4j.ice.RemoteCandidate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rtc4j.ice.CandidateType;
import org.rtc4j.ice.IceAgent;
import org.rtc4j.ice.IceCandidate;
import org.rtc4j.ice.IceConfig;
import org.rtc4j.ice.IceEvent;
import org.rtc4j.ice.IceRole;
import org.rtc4j.ice.IceTransportState;

/** rtc4j against ice4j's {@code org.ice4j.ice.Agent} over 127.0.0.1, both roles. */
class Ice4jInteropTest {
    @BeforeAll
    static void loopbackOnly() {
        // No harvesting of this machine's other interfaces, no STUN/AWS/mapping discovery.
        System.setProperty("org.ice4j.ice.harvest.ALLOWED_ADDRESSES", "127.0.0.1");
        System.setProperty("org.ice4j.ice.harvest.DISABLE_AWS_HARVESTER", "true");
        System.setProperty("org.ice4j.ipv6.DISABLED", "true");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void connectsAndExchangesDatagrams(boolean rtc4jControlling) throws Exception {
        Agent remote = new Agent();
        try (SocketDriver d = new SocketDriver()) {
            remote.setControlling(!rtc4jControlling);
            IceMediaStream stream = remote.createMediaStream("data");
            Component comp = LoopbackComponent.create(stream);

            IceConfig c = new IceConfig();
            c.role = rtc4jControlling ? IceRole.CONTROLLING : IceRole.CONTROLLED;
            SocketDriver.Peer p = d.add(new IceAgent(c, new SecureRandom()));
            d.addUdp(p, 1);
            p.agent.setRemoteCredentials(remote.getLocalUfrag(), remote.getLocalPassword(), d.now());
            for (LocalCandidate lc : comp.getLocalCandidates()) {
                TransportAddress ta = lc.getTransportAddress();
                p.agent.addRemoteCandidate(new IceCandidate(lc.getFoundation(), 1, "udp", lc.getPriority(),
                        ta.getHostAddress(), ta.getPort(), CandidateType.HOST, null, -1, null), d.now());
            }
            p.agent.addRemoteEndOfCandidates(d.now());

            stream.setRemoteUfrag(p.agent.localUfrag());
            stream.setRemotePassword(p.agent.localPassword());
            p.agent.startGathering(d.now());
            d.runUntil(200, () -> p.agent.localCandidates().size() > 0);
            for (IceCandidate lc : p.agent.localCandidates()) {
                comp.addRemoteCandidate(new RemoteCandidate(new TransportAddress(lc.address(), Transport.UDP), comp,
                        org.ice4j.ice.CandidateType.HOST_CANDIDATE, lc.foundation(), lc.priority(), null));
            }
            remote.startConnectivityEstablishment();

            assertThat(d.runUntil(15_000, () -> p.agent.selectedPair() != null
                    && (p.agent.state() == IceTransportState.CONNECTED || p.agent.state() == IceTransportState.COMPLETED)
                    && remote.getState() == IceProcessingState.COMPLETED)).as("rtc4j %s, ice4j %s", p.agent.state(),
                    remote.getState()).isTrue();
            CandidatePair selected = comp.getSelectedPair();
            assertThat(selected).isNotNull();
            assertThat(selected.getRemoteCandidate().getTransportAddress().getPort())
                    .isEqualTo(p.agent.selectedPair().local().port());

            // ice4j -> rtc4j: application datagrams on ice4j's selected pair.
            DatagramSocket appSocket = comp.getSocket();
            List<String> ice4jReceived = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                byte[] b = new byte[1500];
                try {
                    while (true) {
                        DatagramPacket pk = new DatagramPacket(b, b.length);
                        appSocket.receive(pk);
                        ice4jReceived.add(new String(pk.getData(), 0, pk.getLength(), StandardCharsets.UTF_8));
                    }
                } catch (Exception e) {
                    // socket closed
                }
            });
            reader.setDaemon(true);
            reader.start();
            InetSocketAddress rtc4jAddr = p.agent.selectedPair().local().address();
            for (int i = 0; i < 10; i++) {
                byte[] m = ("from-ice4j " + i).getBytes(StandardCharsets.UTF_8);
                selected.getIceSocketWrapper().send(new DatagramPacket(m, m.length, rtc4jAddr));
                p.agent.send(("from-rtc4j " + i).getBytes(StandardCharsets.UTF_8), d.now());
                d.runUntil(20, () -> false);
            }
            assertThat(d.runUntil(5_000, () -> p.received.size() >= 10 && ice4jReceived.size() >= 10))
                    .as("rtc4j got %s, ice4j got %s", p.received.size(), ice4jReceived).isTrue();
            assertThat(new String(p.received.get(0), StandardCharsets.UTF_8)).isEqualTo("from-ice4j 0");
            assertThat(ice4jReceived).contains("from-rtc4j 0", "from-rtc4j 9");
            assertThat(p.events).anyMatch(e -> e instanceof IceEvent.SelectedPairChanged);
        } finally {
            remote.free();
        }
    }
}
