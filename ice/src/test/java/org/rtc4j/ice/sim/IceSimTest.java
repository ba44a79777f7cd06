package org.rtc4j.ice.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.rtc4j.ice.CandidatePair;
import org.rtc4j.ice.CandidateType;
import org.rtc4j.ice.Datagram;
import org.rtc4j.ice.IceAgent;
import org.rtc4j.ice.IceCandidate;
import org.rtc4j.ice.IceConfig;
import org.rtc4j.ice.IceEvent;
import org.rtc4j.ice.IceGatheringState;
import org.rtc4j.ice.IceRole;
import org.rtc4j.ice.IceTransportState;
import org.rtc4j.ice.MdnsCodec;
import org.rtc4j.ice.TransportProtocol;
import org.rtc4j.ice.turn.TurnServer;

/** Two agents on a simulated network with a virtual clock; no sockets. */
class IceSimTest {
    static final long T0 = 1_000_000;
    static final InetSocketAddress STUN = addr("198.51.100.1", 3478);
    static final InetSocketAddress TURN = addr("198.51.100.2", 3478);

    static InetSocketAddress addr(String ip, int port) {
        return new InetSocketAddress(ip(ip), port);
    }

    static InetAddress ip(String ip) {
        try {
            return InetAddress.getByAddress(InetAddress.getByName(ip).getAddress());
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    Random random = new Random(42);
    SimNetwork net = new SimNetwork(random, T0);
    Simulation sim = new Simulation(net);

    static IceSimTest seeded(long seed) {
        IceSimTest t = new IceSimTest();
        t.random = new Random(seed);
        t.net = new SimNetwork(t.random, T0);
        t.sim = new Simulation(t.net);
        return t;
    }

    /** Every scenario over a few more seeds; {@code -Dice.sim.soak=200} (surefire argLine) for a long soak. */
    @Test
    void soak() {
        int n = Integer.getInteger("ice.sim.soak", 3);
        for (long seed = Long.getLong("ice.sim.from", 1); seed <= n; seed++) {
            for (double loss : new double[] {0.0, 0.2, 0.5}) {
                try {
                    seeded(seed).connectsUnderLossWithReordering(loss);
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError("seed " + seed + " loss " + loss, e);
                }
            }
            long s = seed;
            for (Runnable r : new Runnable[] {() -> seeded(s).bothControllingResolvesTheRoleConflict(),
                    () -> seeded(s).iceRestartMidFlowKeepsTheFlow(), () -> seeded(s).lateTrickledCandidatesAndPeerReflexiveBothWays(),
                    () -> seeded(s).symmetricToSymmetricConnectsThroughTurnRelay(), () -> seeded(s).consentLossFailsTheAgentInAboutThirtySeconds(),
                    () -> seeded(s).aTenSecondBlackoutShowsDisconnectedThenConnectedAgain(),
                    () -> seeded(s).fullAgentConnectsToAnIceLiteAgent(), () -> seeded(s).iceRestartThroughTurnRelayBetweenSymmetricNats(),
                    () -> seeded(s).fullConeAndPortRestrictedConnectThroughServerReflexive(), () -> seeded(s).symmetricToSymmetricFailsWithoutRelay(),
                    () -> seeded(s).bothControlledResolvesTheRoleConflict(), () -> seeded(s).remoteMdnsCandidateIsResolvedByOneQuery()}) {
                try {
                    r.run();
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError("seed " + seed, e);
                }
            }
        }
    }

    IceConfig config(IceRole role) {
        IceConfig c = new IceConfig();
        c.role = role;
        return c;
    }

    SimPeer peer(IceConfig c, SimNat nat, String ip) {
        return sim.add(new SimPeer(net, nat, addr(ip, 5000), new IceAgent(c, new Random(random.nextLong()))));
    }

    /** Signals credentials and trickles candidates both ways (instantly, as a signaling server would). */
    static void signal(SimPeer a, SimPeer b) {
        a.agent.setRemoteCredentials(b.agent.localUfrag(), b.agent.localPassword(), 0);
        b.agent.setRemoteCredentials(a.agent.localUfrag(), a.agent.localPassword(), 0);
        a.signaling = e -> deliver(e, b);
        b.signaling = e -> deliver(e, a);
    }

    static void deliver(IceEvent e, SimPeer to) {
        if (e instanceof IceEvent.LocalCandidate) {
            to.agent.addRemoteCandidate(IceCandidate.parse(((IceEvent.LocalCandidate) e).candidate().toSdp()), 0);
        } else if (e instanceof IceEvent.GatheringStateChanged
                && ((IceEvent.GatheringStateChanged) e).state() == IceGatheringState.COMPLETE) {
            to.agent.addRemoteEndOfCandidates(0);
        }
    }

    void start(SimPeer... peers) {
        for (SimPeer p : peers) {
            p.agent.startGathering(net.now());
        }
    }

    static boolean connected(SimPeer p) {
        return p.agent.selectedPair() != null && (p.agent.state() == IceTransportState.CONNECTED
                || p.agent.state() == IceTransportState.COMPLETED);
    }

    static byte[] msg(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Sends {@code n} packets each way, one per 20 ms; returns how many each side received. */
    int[] exchange(SimPeer a, SimPeer b, int n) {
        int ra = a.received.size();
        int rb = b.received.size();
        long t = net.now();
        for (int i = 0; i < n; i++) {
            int k = i;
            sim.at(t + 20L * i, () -> {
                a.agent.send(msg("a" + k), net.now());
                b.agent.send(msg("b" + k), net.now());
            });
        }
        sim.runUntil(t + 20L * n + 2000, () -> false);
        // Distinct payloads: the network may duplicate.
        return new int[] {distinct(a.received.subList(ra, a.received.size())), distinct(b.received.subList(rb, b.received.size()))};
    }

    static int distinct(List<byte[]> l) {
        return (int) l.stream().map(x -> new String(x, StandardCharsets.UTF_8)).distinct().count();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.2, 0.5})
    void connectsUnderLossWithReordering(double loss) {
        net.loss = loss;
        net.jitterMillis = 60; // reorders packets sent within 60 ms of each other
        net.duplicate = 0.05;
        SimPeer a = peer(config(IceRole.CONTROLLING), null, "192.0.2.1");
        SimPeer b = peer(config(IceRole.CONTROLLED), null, "192.0.2.2");
        signal(a, b);
        start(a, b);
        assertThat(sim.runUntil(T0 + 60_000, () -> connected(a) && connected(b))).isTrue();
        assertThat(a.agent.selectedPair().remote().address()).isEqualTo(addr("192.0.2.2", 5000));
        assertThat(b.agent.selectedPair().remote().address()).isEqualTo(addr("192.0.2.1", 5000));
        assertThat(a.agent.selectedPair().isNominated()).isTrue();
        int[] got = exchange(a, b, 100);
        if (loss == 0.0) {
            assertThat(got).containsExactly(100, 100);
        } else {
            // Roughly (1 - loss) of the packets arrive; ICE does not retransmit application data.
            assertThat(got[0]).isBetween((int) (100 * (1 - loss) * 0.6), 100);
            assertThat(got[1]).isBetween((int) (100 * (1 - loss) * 0.6), 100);
        }
    }

    @Test
    void bothControllingResolvesTheRoleConflict() {
        SimPeer a = peer(config(IceRole.CONTROLLING), null, "192.0.2.1");
        SimPeer b = peer(config(IceRole.CONTROLLING), null, "192.0.2.2");
        signal(a, b);
        start(a, b);
        assertThat(sim.runUntil(T0 + 30_000, () -> connected(a) && connected(b))).isTrue();
        assertThat(a.agent.role()).isNotEqualTo(b.agent.role());
        SimPeer loser = a.agent.role() == IceRole.CONTROLLED ? a : b;
        assertThat(loser.events).anyMatch(e -> e instanceof IceEvent.RoleChanged);
        // The agent with the larger tie-breaker stays controlling (RFC 8445 7.3.1.1).
        SimPeer winner = loser == a ? b : a;
        assertThat(Long.compareUnsigned(winner.agent.tieBreaker(), loser.agent.tieBreaker())).isPositive();
        assertThat(exchange(a, b, 10)).containsExactly(10, 10);
    }

    @Test
    void bothControlledResolvesTheRoleConflict() {
        SimPeer a = peer(config(IceRole.CONTROLLED), null, "192.0.2.1");
        SimPeer b = peer(config(IceRole.CONTROLLED), null, "192.0.2.2");
        signal(a, b);
        start(a, b);
        assertThat(sim.runUntil(T0 + 30_000, () -> connected(a) && connected(b))).isTrue();
        assertThat(a.agent.role()).isNotEqualTo(b.agent.role());
    }

    @Test
    void lateTrickledCandidatesAndPeerReflexiveBothWays() {
        // A sits behind a full-cone NAT with no STUN server: its host candidate is useless to B.
        SimNat natA = new SimNat(net, SimNat.Type.FULL_CONE, ip("203.0.113.1"));
        SimPeer a = peer(config(IceRole.CONTROLLING), natA, "10.0.0.1");
        SimPeer b = peer(config(IceRole.CONTROLLED), null, "192.0.2.2");
        a.agent.setRemoteCredentials(b.agent.localUfrag(), b.agent.localPassword(), 0);
        b.agent.setRemoteCredentials(a.agent.localUfrag(), a.agent.localPassword(), 0);
        List<IceEvent> fromB = new ArrayList<>();
        b.signaling = fromB::add; // held back, trickled late
        a.signaling = e -> deliver(e, b);
        start(a, b);
        sim.at(T0 + 3000, () -> fromB.forEach(e -> deliver(e, a)));
        sim.runUntil(T0 + 2900, () -> false);
        assertThat(a.agent.selectedPair()).isNull();
        assertThat(sim.runUntil(T0 + 30_000, () -> connected(a) && connected(b))).isTrue();
        // B only ever saw A through the NAT: a remote peer-reflexive candidate...
        assertThat(b.agent.selectedPair().remote().type()).isEqualTo(CandidateType.PRFLX);
        assertThat(b.agent.selectedPair().remote().address().getAddress()).isEqualTo(ip("203.0.113.1"));
        // ...and A learned its own NAT address from B's response: a local peer-reflexive candidate.
        assertThat(a.agent.selectedPair().local().type()).isEqualTo(CandidateType.PRFLX);
        assertThat(exchange(a, b, 10)).containsExactly(10, 10);
    }

    @Test
    void aSignalledCandidateReplacesThePeerReflexiveOneLearntAtItsAddress() {
        SimPeer a = peer(config(IceRole.CONTROLLING), null, "192.0.2.1");
        SimPeer b = peer(config(IceRole.CONTROLLED), null, "192.0.2.2");
        a.agent.setRemoteCredentials(b.agent.localUfrag(), b.agent.localPassword(), 0);
        b.agent.setRemoteCredentials(a.agent.localUfrag(), a.agent.localPassword(), 0);
        List<IceEvent> fromB = new ArrayList<>();
        b.signaling = fromB::add; // B's candidates reach A late: A first meets B through B's checks
        a.signaling = e -> deliver(e, b);
        start(a, b);
        assertThat(sim.runUntil(T0 + 2900, () -> connected(a) && connected(b))).isTrue();
        CandidatePair pair = a.agent.selectedPair();
        assertThat(pair.remote().type()).isEqualTo(CandidateType.PRFLX);
        long prflxPriority = pair.priority();
        fromB.forEach(e -> deliver(e, a));
        sim.runUntil(net.now() + 1000, () -> false);
        assertThat(a.agent.selectedPair()).isSameAs(pair);
        assertThat(pair.remote().type()).isEqualTo(CandidateType.HOST);
        assertThat(pair.remote().address()).isEqualTo(addr("192.0.2.2", 5000));
        assertThat(pair.priority()).isNotEqualTo(prflxPriority);
        assertThat(a.agent.remoteCandidates()).filteredOn(c -> c.address().equals(addr("192.0.2.2", 5000)))
                .singleElement().extracting(IceCandidate::type).isEqualTo(CandidateType.HOST);
        assertThat(exchange(a, b, 10)).containsExactly(10, 10);
    }

    @Test
    void iceRestartMidFlowKeepsTheFlow() {
        SimPeer a = peer(config(IceRole.CONTROLLING), null, "192.0.2.1");
        SimPeer b = peer(config(IceRole.CONTROLLED), null, "192.0.2.2");
        signal(a, b);
        start(a, b);
        assertThat(sim.runUntil(T0 + 30_000, () -> connected(a) && connected(b))).isTrue();
        var firstPair = a.agent.selectedPair();
        String oldUfrag = a.agent.localUfrag();
        int selectedEvents = (int) a.events.stream().filter(e -> e instanceof IceEvent.SelectedPairChanged).count();
        long t = net.now();
        int n = 200;
        for (int i = 0; i < n; i++) {
            int k = i;
            sim.at(t + 20L * i, () -> {
                a.agent.send(msg("a" + k), net.now());
                b.agent.send(msg("b" + k), net.now());
            });
        }
        // Mid-flow: both sides restart (offer/answer with new credentials), candidates trickle again.
        sim.at(t + 1000, () -> {
            a.agent.restart(net.now());
            b.agent.restart(net.now());
            a.agent.setRemoteCredentials(b.agent.localUfrag(), b.agent.localPassword(), net.now());
            b.agent.setRemoteCredentials(a.agent.localUfrag(), a.agent.localPassword(), net.now());
        });
        int ra = a.received.size();
        int rb = b.received.size();
        sim.runUntil(t + 20L * n + 2000, () -> false);
        assertThat(a.agent.localUfrag()).isNotEqualTo(oldUfrag);
        assertThat(a.received.size() - ra).isEqualTo(n);
        assertThat(b.received.size() - rb).isEqualTo(n);
        assertThat(a.agent.selectedPair()).isNotSameAs(firstPair);
        assertThat(a.events.stream().filter(e -> e instanceof IceEvent.SelectedPairChanged).count())
                .isGreaterThan(selectedEvents);
        assertThat(a.states).doesNotContain(IceTransportState.FAILED, IceTransportState.DISCONNECTED);
        assertThat(connected(a) && connected(b)).isTrue();
    }

    @Test
    void consentLossFailsTheAgentInAboutThirtySeconds() {
        SimPeer a = peer(config(IceRole.CONTROLLING), null, "192.0.2.1");
        SimPeer b = peer(config(IceRole.CONTROLLED), null, "192.0.2.2");
        signal(a, b);
        start(a, b);
        assertThat(sim.runUntil(T0 + 30_000, () -> connected(a) && connected(b))).isTrue();
        // Keep consent fresh for a while, then the path dies.
        sim.runUntil(net.now() + 20_000, () -> false);
        assertThat(connected(a)).isTrue();
        long cut = net.now();
        net.loss = 1.0;
        assertThat(sim.runUntil(cut + 60_000, () -> a.failedAt > 0 && b.failedAt > 0)).isTrue();
        // Consent was last confirmed at most one interval (~5 s) before the cut; it expires 30 s after that.
        assertThat(a.failedAt - cut).isBetween(23_000L, 31_000L);
        assertThat(b.failedAt - cut).isBetween(23_000L, 31_000L);
        assertThat(a.states).containsSubsequence(IceTransportState.DISCONNECTED, IceTransportState.FAILED);
        assertThat(a.agent.send(msg("x"), net.now())).isFalse();
    }

    @Test
    void aTenSecondBlackoutShowsDisconnectedThenConnectedAgain() {
        SimPeer a = peer(config(IceRole.CONTROLLING), null, "192.0.2.1");
        SimPeer b = peer(config(IceRole.CONTROLLED), null, "192.0.2.2");
        signal(a, b);
        start(a, b);
        assertThat(sim.runUntil(T0 + 30_000, () -> connected(a) && connected(b))).isTrue();
        // Idle for a while (no data): consent alone must keep both sides connected.
        sim.runUntil(net.now() + 30_000, () -> false);
        assertThat(connected(a) && connected(b)).isTrue();
        assertThat(a.states).doesNotContain(IceTransportState.DISCONNECTED);
        long cut = net.now();
        net.loss = 1.0;
        assertThat(sim.runUntil(cut + 10_000, () -> a.agent.state() == IceTransportState.DISCONNECTED
                && b.agent.state() == IceTransportState.DISCONNECTED)).isTrue();
        // Nothing has arrived for 5 s (the probes sent after 2.5 s of silence went unanswered); the
        // last arrival was up to 2.5 s before the cut on an idle path.
        assertThat(net.now() - cut).isBetween(2_400L, 5_100L);
        sim.runUntil(cut + 10_000, () -> false);
        long restored = net.now();
        net.loss = 0.0;
        assertThat(sim.runUntil(restored + 10_000, () -> connected(a) && connected(b))).isTrue();
        // The next retransmission of a probe gets through: a second or two, not a consent interval.
        assertThat(net.now() - restored).isLessThan(3_000L);
        assertThat(a.states).doesNotContain(IceTransportState.FAILED);
        assertThat(exchange(a, b, 10)).containsExactly(10, 10);
    }

    @Test
    void fullConeAndPortRestrictedConnectThroughServerReflexive() {
        SimStunServer stun = new SimStunServer(net, STUN);
        SimNat natA = new SimNat(net, SimNat.Type.FULL_CONE, ip("203.0.113.1"));
        SimNat natB = new SimNat(net, SimNat.Type.PORT_RESTRICTED, ip("203.0.113.2"));
        IceConfig ca = config(IceRole.CONTROLLING);
        ca.stunServers.add(stun.address());
        IceConfig cb = config(IceRole.CONTROLLED);
        cb.stunServers.add(stun.address());
        SimPeer a = peer(ca, natA, "10.0.0.1");
        SimPeer b = peer(cb, natB, "10.0.1.1");
        signal(a, b);
        start(a, b);
        assertThat(sim.runUntil(T0 + 30_000, () -> connected(a) && connected(b))).isTrue();
        assertThat(a.events).anyMatch(e -> e instanceof IceEvent.LocalCandidate
                && ((IceEvent.LocalCandidate) e).candidate().type() == CandidateType.SRFLX);
        assertThat(a.agent.selectedPair().remote().address().getAddress()).isEqualTo(ip("203.0.113.2"));
        assertThat(exchange(a, b, 10)).containsExactly(10, 10);
    }

    SimPeer[] symmetricPair(boolean withTurn) {
        new SimStunServer(net, STUN);
        SimNat natA = new SimNat(net, SimNat.Type.SYMMETRIC, ip("203.0.113.1"));
        SimNat natB = new SimNat(net, SimNat.Type.SYMMETRIC, ip("203.0.113.2"));
        IceConfig ca = config(IceRole.CONTROLLING);
        IceConfig cb = config(IceRole.CONTROLLED);
        for (IceConfig c : new IceConfig[] {ca, cb}) {
            c.stunServers.add(STUN);
            if (withTurn) {
                c.turnServers.add(new TurnServer(TURN, TransportProtocol.UDP, "user", "pass"));
            }
        }
        SimPeer a = peer(ca, natA, "10.0.0.1");
        SimPeer b = peer(cb, natB, "10.0.1.1");
        signal(a, b);
        start(a, b);
        return new SimPeer[] {a, b};
    }

    @Test
    void symmetricToSymmetricFailsWithoutRelay() {
        SimPeer[] p = symmetricPair(false);
        assertThat(sim.runUntil(T0 + 120_000, () -> p[0].failedAt > 0 && p[1].failedAt > 0)).isTrue();
        assertThat(p[0].agent.selectedPair()).isNull();
    }

    @Test
    void symmetricToSymmetricConnectsThroughTurnRelay() {
        SimTurnServer turn = new SimTurnServer(net, TURN, "user", "pass");
        SimPeer[] p = symmetricPair(true);
        assertThat(sim.runUntil(T0 + 60_000, () -> connected(p[0]) && connected(p[1]))).isTrue();
        assertThat(turn.allocations).isEqualTo(2);
        var pa = p[0].agent.selectedPair();
        assertThat(pa.local().type() == CandidateType.RELAY || pa.remote().type() == CandidateType.RELAY
                || pa.remote().address().getAddress().equals(TURN.getAddress())).isTrue();
        assertThat(exchange(p[0], p[1], 20)).containsExactly(20, 20);
    }

    @Test
    void remoteMdnsCandidateIsResolvedByOneQuery() {
        SimPeer a = peer(config(IceRole.CONTROLLING), null, "192.0.2.1");
        SimPeer b = peer(config(IceRole.CONTROLLED), null, "192.0.2.2");
        a.agent.setRemoteCredentials(b.agent.localUfrag(), b.agent.localPassword(), 0);
        b.agent.setRemoteCredentials(a.agent.localUfrag(), a.agent.localPassword(), 0);
        String name = "3e2f8c1a-1b2c-4d5e-8f90-0a1b2c3d4e5f.local";
        // B hides its host address behind an mDNS name, as browsers do.
        b.signaling = e -> {
            if (e instanceof IceEvent.LocalCandidate) {
                IceCandidate c = ((IceEvent.LocalCandidate) e).candidate();
                a.agent.addRemoteCandidate(IceCandidate.parse(c.toSdp().replace(c.host(), name)), net.now());
            }
        };
        List<Datagram> queries = new ArrayList<>();
        a.mdns = d -> {
            queries.add(d);
            // Fake responder: answers for B's name (never real multicast).
            sim.at(net.now() + 5, () -> a.agent.handleDatagram(IceAgent.MDNS_SOCKET_ID, addr("192.0.2.2", 5353),
                    MdnsCodec.answer(name, ip("192.0.2.2")), net.now()));
        };
        start(a, b);
        assertThat(sim.runUntil(T0 + 30_000, () -> connected(a) && connected(b))).isTrue();
        assertThat(queries).hasSize(1);
        assertThat(queries.get(0).remote()).isEqualTo(new InetSocketAddress("224.0.0.251", 5353));
        assertThat(a.agent.selectedPair().remote().address()).isEqualTo(addr("192.0.2.2", 5000));
        assertThat(a.agent.selectedPair().remote().type()).isEqualTo(CandidateType.HOST);
    }

    @Test
    void completedAfterEndOfCandidates() {
        SimPeer a = peer(config(IceRole.CONTROLLING), null, "192.0.2.1");
        SimPeer b = peer(config(IceRole.CONTROLLED), null, "192.0.2.2");
        signal(a, b);
        start(a, b);
        assertThat(sim.runUntil(T0 + 30_000, () -> a.agent.state() == IceTransportState.COMPLETED)).isTrue();
        assertThat(a.states).containsSubsequence(IceTransportState.CHECKING, IceTransportState.CONNECTED,
                IceTransportState.COMPLETED);
        assertThat(a.events).anyMatch(e -> e instanceof IceEvent.GatheringStateChanged
                && ((IceEvent.GatheringStateChanged) e).state() == IceGatheringState.COMPLETE);
        // Once completed, traffic and consent checks change nothing: every state is reported once.
        sim.runUntil(net.now() + 1000, () -> b.agent.state() == IceTransportState.COMPLETED);
        List<IceTransportState> before = List.copyOf(a.states);
        List<IceTransportState> beforeB = List.copyOf(b.states);
        assertThat(exchange(a, b, 50)).containsExactly(50, 50);
        sim.runUntil(net.now() + 20_000, () -> false);
        assertThat(a.states).isEqualTo(before).doesNotHaveDuplicates();
        assertThat(b.states).isEqualTo(beforeB).doesNotHaveDuplicates();
        a.agent.close(net.now());
        a.pump();
        assertThat(a.agent.state()).isEqualTo(IceTransportState.CLOSED);
    }

    @Test
    void fullAgentConnectsToAnIceLiteAgent() {
        IceConfig lite = config(IceRole.CONTROLLING); // ignored: lite is always controlled
        lite.lite = true;
        lite.stunServers.add(STUN); // ignored: lite gathers host candidates only
        SimPeer a = peer(config(IceRole.CONTROLLING), null, "192.0.2.1");
        SimPeer b = peer(lite, null, "192.0.2.2");
        signal(a, b);
        start(a, b);
        assertThat(sim.runUntil(T0 + 30_000, () -> connected(a) && connected(b))).isTrue();
        assertThat(b.agent.role()).isEqualTo(IceRole.CONTROLLED);
        assertThat(b.events).filteredOn(e -> e instanceof IceEvent.LocalCandidate).hasSize(1);
        assertThat(exchange(a, b, 10)).containsExactly(10, 10);
        // The lite agent sends no checks of its own, yet stays connected on the full agent's consent checks.
        long sentBefore = net.sent;
        sim.runUntil(net.now() + 60_000, () -> false);
        assertThat(connected(a) && connected(b)).isTrue();
        // Consent from A: the lite agent sends nothing A could count as received, so A checks each
        // time the path has been quiet for 2.5 s (about 24 round trips, as Chromium pings a stable
        // pair every 2.5 s), plus B's keepalive indications every 15 s.
        assertThat(net.sent - sentBefore).isBetween(40L, 60L);
    }

    @Test
    void iceRestartThroughTurnRelayBetweenSymmetricNats() {
        SimTurnServer turn = new SimTurnServer(net, TURN, "user", "pass");
        SimPeer[] p = symmetricPair(true);
        assertThat(sim.runUntil(T0 + 60_000, () -> connected(p[0]) && connected(p[1]))).isTrue();
        var before = p[0].agent.selectedPair();
        p[0].agent.restart(net.now());
        p[1].agent.restart(net.now());
        p[0].agent.setRemoteCredentials(p[1].agent.localUfrag(), p[1].agent.localPassword(), net.now());
        p[1].agent.setRemoteCredentials(p[0].agent.localUfrag(), p[0].agent.localPassword(), net.now());
        assertThat(sim.runUntil(net.now() + 30_000, () -> p[0].agent.selectedPair() != before
                && connected(p[0]) && connected(p[1]))).isTrue();
        assertThat(turn.allocations).isEqualTo(2); // the allocations are reused
        assertThat(exchange(p[0], p[1], 10)).containsExactly(10, 10);
    }
}
