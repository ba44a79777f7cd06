package org.rtc4j.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rtc4j.ice.stun.StunAttribute;
import org.rtc4j.ice.stun.StunMessage;
import org.rtc4j.ice.stun.StunMessageBuilder;
import org.rtc4j.ice.stun.StunMethod;
import org.rtc4j.ice.stun.TransactionId;

/** The agent packet by packet: what it answers and what it sends. */
class IceAgentTest {
    static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 5000);
    static final InetSocketAddress REMOTE = new InetSocketAddress("127.0.0.1", 6000);
    static final String LUFRAG = "locl";
    static final String LPWD = "localpasswordlocalpassword";
    static final String RUFRAG = "remo";
    static final String RPWD = "remotepasswordremotepassword";
    final Random random = new Random(5);

    IceAgent agent(IceRole role, long tieBreaker) {
        IceConfig c = new IceConfig();
        c.role = role;
        c.ufrag = LUFRAG;
        c.password = LPWD;
        c.tieBreaker = tieBreaker;
        IceAgent a = new IceAgent(c, new Random(1));
        a.addLocalSocket(1, LOCAL, TransportProtocol.UDP, 0);
        a.startGathering(0);
        a.setRemoteCredentials(RUFRAG, RPWD, 0);
        return a;
    }

    byte[] check(String key, int roleAttr, long tieBreaker, boolean useCandidate, int extraType) {
        StunMessageBuilder b = new StunMessageBuilder(StunMethod.BINDING, StunMethod.REQUEST, TransactionId.random(random))
                .addString(StunAttribute.USERNAME, LUFRAG + ":" + RUFRAG)
                .addUInt32(StunAttribute.PRIORITY, 1862270975L)
                .addUInt64(roleAttr, tieBreaker);
        if (useCandidate) {
            b.addFlag(StunAttribute.USE_CANDIDATE);
        }
        if (extraType > 0) {
            b.addBytes(extraType, new byte[4]);
        }
        return b.addIntegrity(key.getBytes(StandardCharsets.UTF_8)).addFingerprint().build();
    }

    static List<Datagram> drain(IceAgent a) {
        List<Datagram> out = new ArrayList<>();
        Datagram d;
        while ((d = a.pollDatagram()) != null) {
            out.add(d);
        }
        return out;
    }

    static List<IceEvent> events(IceAgent a) {
        List<IceEvent> out = new ArrayList<>();
        IceEvent e;
        while ((e = a.pollEvent()) != null) {
            out.add(e);
        }
        return out;
    }

    static StunMessage only(List<Datagram> out, int cls) throws Exception {
        for (Datagram d : out) {
            StunMessage m = StunMessage.parse(d.data());
            if (m.messageClass() == cls) {
                return m;
            }
        }
        throw new AssertionError("no message of class " + cls + " in " + out.size() + " datagrams");
    }

    @Test
    void answersAValidCheckLearnsPeerReflexiveAndSendsATriggeredCheck() throws Exception {
        IceAgent a = agent(IceRole.CONTROLLED, 1);
        assertThat(events(a)).anyMatch(e -> e instanceof IceEvent.LocalCandidate
                && ((IceEvent.LocalCandidate) e).candidate().priority() >> 24 == 126);
        a.handleDatagram(1, REMOTE, check(LPWD, StunAttribute.ICE_CONTROLLING, 99, false, 0), 10);
        List<Datagram> out = drain(a);
        StunMessage resp = only(out, StunMethod.SUCCESS);
        assertThat(out.get(0).socketId()).isEqualTo(1);
        assertThat(out.get(0).remote()).isEqualTo(REMOTE);
        assertThat(resp.getXorAddress(StunAttribute.XOR_MAPPED_ADDRESS)).isEqualTo(REMOTE);
        assertThat(resp.verifyIntegrity(LPWD.getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(resp.verifyFingerprint()).isTrue();
        assertThat(a.remoteCandidates()).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(CandidateType.PRFLX);
            assertThat(c.priority()).isEqualTo(1862270975L);
        });
        assertThat(a.state()).isEqualTo(IceTransportState.CHECKING);
        a.handleTimeout(a.nextTimeout());
        StunMessage req = only(drain(a), StunMethod.REQUEST);
        assertThat(req.getString(StunAttribute.USERNAME)).isEqualTo(RUFRAG + ":" + LUFRAG);
        assertThat(req.getUInt32(StunAttribute.PRIORITY, 0) >> 24).isEqualTo(110);
        assertThat(req.getUInt64(StunAttribute.ICE_CONTROLLED)).isEqualTo(1);
        assertThat(req.has(StunAttribute.USE_CANDIDATE)).isFalse();
        assertThat(req.verifyIntegrity(RPWD.getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void badIntegrityIsRejectedWith401AndLeavesNoTrace() throws Exception {
        IceAgent a = agent(IceRole.CONTROLLED, 1);
        a.handleDatagram(1, REMOTE, check("not-the-password", StunAttribute.ICE_CONTROLLING, 99, false, 0), 10);
        StunMessage err = only(drain(a), StunMethod.ERROR);
        assertThat(err.errorCode()).isEqualTo(401);
        assertThat(a.remoteCandidates()).isEmpty();
        // Application data from a path nobody authenticated is dropped.
        a.handleDatagram(1, REMOTE, new byte[] {(byte) 0x80, 1, 2, 3}, 20);
        assertThat(events(a)).noneMatch(e -> e instanceof IceEvent.DataReceived);
    }

    @Test
    void unknownComprehensionRequiredAttributeGets420() throws Exception {
        IceAgent a = agent(IceRole.CONTROLLED, 1);
        a.handleDatagram(1, REMOTE, check(LPWD, StunAttribute.ICE_CONTROLLING, 99, false, 0x7F01), 10);
        StunMessage err = only(drain(a), StunMethod.ERROR);
        assertThat(err.errorCode()).isEqualTo(420);
        assertThat(err.unknownAttributes()).containsExactly(0x7F01);
    }

    @Test
    void roleConflictFollowsTheTieBreaker() throws Exception {
        IceAgent a = agent(IceRole.CONTROLLING, 50);
        // Theirs is smaller: we stay controlling and answer 487.
        a.handleDatagram(1, REMOTE, check(LPWD, StunAttribute.ICE_CONTROLLING, 10, false, 0), 10);
        assertThat(only(drain(a), StunMethod.ERROR).errorCode()).isEqualTo(487);
        assertThat(a.role()).isEqualTo(IceRole.CONTROLLING);
        // Theirs is larger: we switch to controlled and answer success.
        a.handleDatagram(1, REMOTE, check(LPWD, StunAttribute.ICE_CONTROLLING, 90, false, 0), 20);
        assertThat(only(drain(a), StunMethod.SUCCESS)).isNotNull();
        assertThat(a.role()).isEqualTo(IceRole.CONTROLLED);
        assertThat(events(a)).contains(new IceEvent.RoleChanged(IceRole.CONTROLLED));
    }

    @Test
    void ourCheckAnswered487SwitchesRole() throws Exception {
        IceAgent a = agent(IceRole.CONTROLLING, 50);
        a.addRemoteCandidate(IceCandidate.parse("candidate:1 1 udp 2122260223 127.0.0.1 6000 typ host"), 0);
        a.handleTimeout(a.nextTimeout());
        StunMessage req = only(drain(a), StunMethod.REQUEST);
        assertThat(req.has(StunAttribute.ICE_CONTROLLING)).isTrue();
        a.handleDatagram(1, REMOTE, new StunMessageBuilder(StunMethod.BINDING, StunMethod.ERROR, req.transactionId())
                .addErrorCode(487, "Role Conflict").addIntegrity(RPWD.getBytes(StandardCharsets.UTF_8)).addFingerprint()
                .build(), 30);
        assertThat(a.role()).isEqualTo(IceRole.CONTROLLED);
        a.handleTimeout(a.nextTimeout());
        StunMessage retry = only(drain(a), StunMethod.REQUEST);
        assertThat(retry.has(StunAttribute.ICE_CONTROLLED)).isTrue();
    }

    @Test
    void controlledAgentSelectsThePairTheControllingAgentNominates() throws Exception {
        IceAgent a = agent(IceRole.CONTROLLED, 1);
        a.addRemoteCandidate(IceCandidate.parse("candidate:1 1 udp 2122260223 127.0.0.1 6000 typ host"), 0);
        a.handleDatagram(1, REMOTE, check(LPWD, StunAttribute.ICE_CONTROLLING, 99, true, 0), 10);
        drain(a);
        a.handleTimeout(Math.max(10, a.nextTimeout()));
        StunMessage req = only(drain(a), StunMethod.REQUEST);
        assertThat(a.selectedPair()).isNull();
        a.handleDatagram(1, REMOTE, new StunMessageBuilder(StunMethod.BINDING, StunMethod.SUCCESS, req.transactionId())
                .addXorAddress(StunAttribute.XOR_MAPPED_ADDRESS, LOCAL)
                .addIntegrity(RPWD.getBytes(StandardCharsets.UTF_8)).addFingerprint().build(), 40);
        assertThat(a.selectedPair()).isNotNull();
        assertThat(a.selectedPair().remote().address()).isEqualTo(REMOTE);
        assertThat(a.selectedPair().isNominated()).isTrue();
        assertThat(a.state()).isEqualTo(IceTransportState.CONNECTED);
        List<IceEvent> ev = events(a);
        assertThat(ev).anyMatch(e -> e instanceof IceEvent.SelectedPairChanged);
        a.handleDatagram(1, REMOTE, new byte[] {22, 3, 3}, 50); // a DTLS record
        a.handleDatagram(1, new InetSocketAddress("127.0.0.1", 7000), new byte[] {22, 3, 4}, 50);
        List<IceEvent> data = events(a).stream().filter(e -> e instanceof IceEvent.DataReceived).toList();
        assertThat(data).singleElement().satisfies(e -> assertThat(((IceEvent.DataReceived) e).data()).containsExactly(22, 3, 3));
        assertThat(a.send(new byte[] {1}, 60)).isTrue();
        assertThat(drain(a)).singleElement().satisfies(d -> assertThat(d.remote()).isEqualTo(REMOTE));
    }

    @Test
    void responsesWithBadIntegrityOrFromElsewhereDoNotValidate() throws Exception {
        IceAgent a = agent(IceRole.CONTROLLING, 1);
        a.addRemoteCandidate(IceCandidate.parse("candidate:1 1 udp 2122260223 127.0.0.1 6000 typ host"), 0);
        a.handleTimeout(a.nextTimeout());
        StunMessage req = only(drain(a), StunMethod.REQUEST);
        byte[] forged = new StunMessageBuilder(StunMethod.BINDING, StunMethod.SUCCESS, req.transactionId())
                .addXorAddress(StunAttribute.XOR_MAPPED_ADDRESS, LOCAL)
                .addIntegrity("guess".getBytes(StandardCharsets.UTF_8)).addFingerprint().build();
        a.handleDatagram(1, REMOTE, forged, 20);
        assertThat(a.checklist()).singleElement().satisfies(p -> assertThat(p.state()).isEqualTo(CandidatePair.State.IN_PROGRESS));
        byte[] genuine = new StunMessageBuilder(StunMethod.BINDING, StunMethod.SUCCESS, req.transactionId())
                .addXorAddress(StunAttribute.XOR_MAPPED_ADDRESS, LOCAL)
                .addIntegrity(RPWD.getBytes(StandardCharsets.UTF_8)).addFingerprint().build();
        // Right credentials, wrong source: not symmetric, the pair fails.
        a.handleDatagram(1, new InetSocketAddress("127.0.0.1", 6001), genuine, 30);
        assertThat(a.checklist()).singleElement().satisfies(p -> assertThat(p.state()).isEqualTo(CandidatePair.State.FAILED));
    }

    @Test
    void candidatesParseAndPrint() {
        IceCandidate c = IceCandidate.parse("a=candidate:842163049 1 udp 1677729535 203.0.113.7 61665 typ srflx "
                + "raddr 10.0.0.2 rport 61665 generation 0 ufrag EsAw network-cost 999");
        assertThat(c.foundation()).isEqualTo("842163049");
        assertThat(c.type()).isEqualTo(CandidateType.SRFLX);
        assertThat(c.address()).isEqualTo(new InetSocketAddress("203.0.113.7", 61665));
        assertThat(c.relatedHost()).isEqualTo("10.0.0.2");
        assertThat(c.ufrag()).isEqualTo("EsAw");
        assertThat(IceCandidate.parse(c.toSdp()).toSdp()).isEqualTo(c.toSdp());
        IceCandidate mdns = IceCandidate.parse("candidate:1 1 udp 2113937151 0b9f2c1e-7a35-4a57-9f0e-4f4a3b2c1d0e.local 5000 typ host");
        assertThat(mdns.isMdns()).isTrue();
        assertThat(mdns.address()).isNull();
        IceCandidate v6 = IceCandidate.parse("candidate:2 1 UDP 2122262783 ::1 5001 typ host");
        assertThat(v6.address()).isEqualTo(new InetSocketAddress("::1", 5001));
        assertThatThrownBy(() -> IceCandidate.parse("candidate:1 1 udp x 1.2.3.4 5 typ host")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IceCandidate.parse("candidate:1 1 udp 1 1.2.3.4 5 typ bogus")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IceCandidate.parse("candidate:1 1 udp 1 1.2.3.4 70000 typ host")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IceCandidate.parse("garbage")).isInstanceOf(IllegalArgumentException.class);
        // Not IP literals: never resolved (no DNS from candidate parsing).
        assertThat(IceCandidate.parse("candidate:1 1 udp 1 999.1.1.1 5 typ host").address()).isNull();
        assertThat(IceCandidate.parse("candidate:1 1 udp 1 example.com 5 typ host").address()).isNull();
        assertThat(IceCandidate.parse("candidate:1 1 udp 1 [::1] 5 typ host").address()).isEqualTo(new InetSocketAddress("::1", 5));
    }

    @Test
    void mdnsAnswersAreReadAndGarbageIsHarmless() throws Exception {
        byte[] q = MdnsCodec.query("abc.local", false);
        assertThat(MdnsCodec.parseAnswers(q)).isEmpty(); // a query is not an answer
        byte[] ans = MdnsCodec.answer("ABC.local", java.net.InetAddress.getByName("127.0.0.1"));
        assertThat(MdnsCodec.parseAnswers(ans)).containsEntry("abc.local", java.net.InetAddress.getByName("127.0.0.1"));
        for (int cut = 0; cut < ans.length; cut++) {
            MdnsCodec.parseAnswers(java.util.Arrays.copyOf(ans, cut));
        }
        byte[] loop = {0, 0, (byte) 0x84, 0, 0, 0, 0, 1, 0, 0, 0, 0, (byte) 0xC0, 12};
        assertThat(MdnsCodec.parseAnswers(loop)).isEmpty();
    }
}
