package org.rtc4j.ice.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.rtc4j.ice.CandidateType;
import org.rtc4j.ice.IceAgent;
import org.rtc4j.ice.IceConfig;
import org.rtc4j.ice.IceEvent;
import org.rtc4j.ice.IceRole;
import org.rtc4j.ice.IceTransportState;

/** Two rtc4j agents over real sockets on 127.0.0.1 and ::1 (two sockets each, both families). */
class LoopbackAgentsTest {
    @Test
    void connectOverIpv4AndIpv6LoopbackAndPreferTheFirstSocket() throws Exception {
        try (SocketDriver d = new SocketDriver()) {
            IceConfig ca = new IceConfig();
            ca.role = IceRole.CONTROLLING;
            IceConfig cb = new IceConfig();
            cb.role = IceRole.CONTROLLED;
            SocketDriver.Peer a = d.add(new IceAgent(ca, new SecureRandom()));
            SocketDriver.Peer b = d.add(new IceAgent(cb, new SecureRandom()));
            d.addUdp(a, 1, "::1");
            d.addUdp(a, 2, "127.0.0.1");
            d.addUdp(b, 1, "::1");
            d.addUdp(b, 2, "127.0.0.1");
            CoturnTest.wire(d, a, b);
            a.agent.startGathering(d.now());
            b.agent.startGathering(d.now());
            assertThat(d.runUntil(10_000, () -> a.agent.state() == IceTransportState.COMPLETED
                    && b.agent.selectedPair() != null)).isTrue();
            assertThat(a.events).filteredOn(e -> e instanceof IceEvent.LocalCandidate).hasSize(2);
            // Both families are checked; the first registered socket (::1) has the higher local preference.
            assertThat(a.agent.checklist()).hasSize(2);
            assertThat(a.agent.selectedPair().local().type()).isEqualTo(CandidateType.HOST);
            assertThat(a.agent.selectedPair().local().address().getAddress()).isInstanceOf(Inet6Address.class);
            assertThat(a.agent.selectedPair().socketId()).isEqualTo(1);
            for (int i = 0; i < 5; i++) {
                a.agent.send(("v6 " + i).getBytes(StandardCharsets.UTF_8), d.now());
            }
            assertThat(d.runUntil(5_000, () -> b.received.size() == 5)).isTrue();
        }
    }
}
