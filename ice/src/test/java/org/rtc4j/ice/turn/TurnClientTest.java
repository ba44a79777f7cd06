package org.rtc4j.ice.turn;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rtc4j.ice.TransportProtocol;
import org.rtc4j.ice.stun.StunAttribute;
import org.rtc4j.ice.stun.StunCredentials;
import org.rtc4j.ice.stun.StunMessage;
import org.rtc4j.ice.stun.StunMessageBuilder;
import org.rtc4j.ice.stun.StunMethod;

/** The TURN client packet by packet against a scripted server. */
class TurnClientTest {
    static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 3478);
    static final InetSocketAddress RELAYED = new InetSocketAddress("127.0.0.1", 50000);
    static final InetSocketAddress MAPPED = new InetSocketAddress("127.0.0.1", 40000);
    static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 50001);
    static final byte[] KEY = StunCredentials.longTermKey("user", "realm", "pass");

    TurnClient client(TransportProtocol t, String password) {
        return new TurnClient(new TurnServer(SERVER, t, "user", password), new Random(7));
    }

    static StunMessage next(TurnClient c) throws Exception {
        byte[] out = c.pollOutgoing();
        assertThat(out).as("client should have sent something").isNotNull();
        return StunMessage.parse(out);
    }

    static byte[] challenge(StunMessage req, int code, String nonce) {
        return new StunMessageBuilder(req.method(), StunMethod.ERROR, req.transactionId())
                .addErrorCode(code, code == 401 ? "Unauthorized" : "Stale Nonce")
                .addString(StunAttribute.REALM, "realm").addString(StunAttribute.NONCE, nonce).build();
    }

    static byte[] ok(StunMessage req, StunMessageBuilder b) {
        return b.addIntegrity(KEY).addFingerprint().build();
    }

    static StunMessageBuilder success(StunMessage req) {
        return new StunMessageBuilder(req.method(), StunMethod.SUCCESS, req.transactionId());
    }

    TurnClient allocated(TransportProtocol t, long now) throws Exception {
        TurnClient c = client(t, "pass");
        c.start(now);
        StunMessage a1 = next(c);
        assertThat(c.handleMessage(challenge(a1, 401, "n1"), now)).isTrue();
        StunMessage a2 = next(c);
        c.handleMessage(ok(a2, success(a2).addXorAddress(StunAttribute.XOR_RELAYED_ADDRESS, RELAYED)
                .addXorAddress(StunAttribute.XOR_MAPPED_ADDRESS, MAPPED).addUInt32(StunAttribute.LIFETIME, 600)), now);
        assertThat(c.pollEvent()).isEqualTo(new TurnEvent.Allocated(RELAYED, MAPPED, 600));
        return c;
    }

    @Test
    void allocateAnswersTheChallengeAndTheStaleNonce() throws Exception {
        TurnClient c = client(TransportProtocol.UDP, "pass");
        c.start(0);
        StunMessage a1 = next(c);
        assertThat(a1.method()).isEqualTo(StunMethod.ALLOCATE);
        assertThat(a1.getUInt32(StunAttribute.REQUESTED_TRANSPORT, 0)).isEqualTo(17L << 24);
        assertThat(a1.hasIntegrity()).isFalse();
        c.handleMessage(challenge(a1, 401, "n1"), 10);
        StunMessage a2 = next(c);
        assertThat(a2.getString(StunAttribute.USERNAME)).isEqualTo("user");
        assertThat(a2.getString(StunAttribute.REALM)).isEqualTo("realm");
        assertThat(a2.getString(StunAttribute.NONCE)).isEqualTo("n1");
        assertThat(a2.verifyIntegrity(KEY)).isTrue();
        assertThat(a2.verifyFingerprint()).isTrue();
        c.handleMessage(challenge(a2, 438, "n2"), 20);
        StunMessage a3 = next(c);
        assertThat(a3.getString(StunAttribute.NONCE)).isEqualTo("n2");
        assertThat(a3.verifyIntegrity(KEY)).isTrue();
        c.handleMessage(ok(a3, success(a3).addXorAddress(StunAttribute.XOR_RELAYED_ADDRESS, RELAYED)
                .addXorAddress(StunAttribute.XOR_MAPPED_ADDRESS, MAPPED).addUInt32(StunAttribute.LIFETIME, 600)), 30);
        assertThat(c.pollEvent()).isEqualTo(new TurnEvent.Allocated(RELAYED, MAPPED, 600));
        assertThat(c.state()).isEqualTo(TurnClient.State.ALLOCATED);
        assertThat(c.relayedAddress()).isEqualTo(RELAYED);
    }

    @Test
    void refreshesOneMinuteBeforeExpiry() throws Exception {
        TurnClient c = allocated(TransportProtocol.UDP, 0);
        assertThat(c.nextTimeout()).isEqualTo(540_000);
        c.handleTimeout(539_999);
        assertThat(c.pollOutgoing()).isNull();
        c.handleTimeout(540_000);
        StunMessage r = next(c);
        assertThat(r.method()).isEqualTo(StunMethod.REFRESH);
        assertThat(r.getUInt32(StunAttribute.LIFETIME, -1)).isEqualTo(600);
        assertThat(r.verifyIntegrity(KEY)).isTrue();
        c.handleMessage(ok(r, success(r).addUInt32(StunAttribute.LIFETIME, 600)), 540_100);
        assertThat(c.nextTimeout()).isEqualTo(540_100 + 540_000);
    }

    @Test
    void permissionsAndChannelsAreInstalledAndRefreshed() throws Exception {
        TurnClient c = allocated(TransportProtocol.UDP, 0);
        c.createPermission(PEER, 0);
        StunMessage p = next(c);
        assertThat(p.method()).isEqualTo(StunMethod.CREATE_PERMISSION);
        assertThat(p.getXorAddress(StunAttribute.XOR_PEER_ADDRESS).getAddress()).isEqualTo(PEER.getAddress());
        c.handleMessage(ok(p, success(p)), 100);
        assertThat(c.pollEvent()).isInstanceOf(TurnEvent.PermissionInstalled.class);
        // Before a channel: a Send indication.
        c.send(PEER, new byte[] {1, 2, 3}, 200);
        StunMessage send = next(c);
        assertThat(send.messageClass()).isEqualTo(StunMethod.INDICATION);
        assertThat(send.method()).isEqualTo(StunMethod.SEND);
        assertThat(send.getBytes(StunAttribute.DATA)).containsExactly(1, 2, 3);
        c.bindChannel(PEER, 300);
        StunMessage bind = next(c);
        assertThat(bind.method()).isEqualTo(StunMethod.CHANNEL_BIND);
        assertThat(bind.getUInt32(StunAttribute.CHANNEL_NUMBER, 0) >>> 16).isEqualTo(0x4000);
        c.handleMessage(ok(bind, success(bind)), 400);
        c.send(PEER, new byte[] {9}, 500);
        byte[] cd = c.pollOutgoing();
        assertThat(cd).containsExactly(0x40, 0x00, 0x00, 0x01, 9); // UDP: no padding
        // Data from the peer, both ways the server may deliver it.
        c.handleMessage(ChannelData.encode(0x4000, new byte[] {7, 7}, false), 600);
        c.handleMessage(new StunMessageBuilder(StunMethod.DATA, StunMethod.INDICATION, org.rtc4j.ice.stun.TransactionId.random(new Random()))
                .addXorAddress(StunAttribute.XOR_PEER_ADDRESS, PEER).addBytes(StunAttribute.DATA, new byte[] {8}).build(), 700);
        List<TurnEvent> events = new ArrayList<>();
        TurnEvent e;
        while ((e = c.pollEvent()) != null) {
            events.add(e);
        }
        assertThat(events).filteredOn(x -> x instanceof TurnEvent.PeerData).hasSize(2);
        // Permission refresh after 4 minutes, channel refresh after 9.
        c.handleTimeout(100 + 240_000);
        StunMessage refresh = next(c);
        assertThat(refresh.method()).isEqualTo(StunMethod.CREATE_PERMISSION);
        c.handleMessage(ok(refresh, success(refresh)), 100 + 240_010);
        c.handleTimeout(400 + 540_000);
        List<Integer> methods = new ArrayList<>();
        byte[] out;
        while ((out = c.pollOutgoing()) != null) {
            methods.add(StunMessage.parse(out).method());
        }
        assertThat(methods).contains(StunMethod.CHANNEL_BIND, StunMethod.REFRESH);
    }

    @Test
    void channelDataIsPaddedOverStreams() throws Exception {
        TurnClient c = allocated(TransportProtocol.TCP, 0);
        c.bindChannel(PEER, 0);
        StunMessage bind = next(c);
        c.handleMessage(ok(bind, success(bind)), 10);
        c.send(PEER, new byte[] {1, 2, 3, 4, 5}, 20);
        assertThat(c.pollOutgoing()).containsExactly(0x40, 0, 0, 5, 1, 2, 3, 4, 5, 0, 0, 0);
    }

    @Test
    void wrongPasswordFailsOnceWithoutRetrying() throws Exception {
        TurnClient c = client(TransportProtocol.UDP, "wrong");
        c.start(0);
        c.handleMessage(challenge(next(c), 401, "n1"), 10);
        StunMessage second = next(c);
        c.handleMessage(challenge(second, 401, "n1"), 20);
        TurnEvent e = c.pollEvent();
        assertThat(e).isInstanceOf(TurnEvent.Failed.class);
        assertThat(((TurnEvent.Failed) e).code()).isEqualTo(401);
        assertThat(c.state()).isEqualTo(TurnClient.State.FAILED);
        assertThat(c.pollOutgoing()).isNull();
        assertThat(c.nextTimeout()).isEqualTo(Long.MAX_VALUE);
        c.handleTimeout(1_000_000);
        assertThat(c.pollOutgoing()).isNull();
    }

    @Test
    void unansweredAllocateTimesOutAfterRetransmissions() throws Exception {
        TurnClient c = client(TransportProtocol.UDP, "pass");
        c.start(0);
        int sent = 0;
        while (c.pollOutgoing() != null) {
            sent++;
        }
        long t = 0;
        while (c.state() == TurnClient.State.ALLOCATING) {
            t = c.nextTimeout();
            c.handleTimeout(t);
            while (c.pollOutgoing() != null) {
                sent++;
            }
        }
        assertThat(sent).isEqualTo(7);
        assertThat(t).isEqualTo(39_500);
        assertThat(c.pollEvent()).isInstanceOf(TurnEvent.Failed.class);
    }

    @Test
    void closeDeallocates() throws Exception {
        TurnClient c = allocated(TransportProtocol.UDP, 0);
        c.close(10);
        StunMessage r = next(c);
        assertThat(r.method()).isEqualTo(StunMethod.REFRESH);
        assertThat(r.getUInt32(StunAttribute.LIFETIME, -1)).isZero();
        c.handleMessage(ok(r, success(r).addUInt32(StunAttribute.LIFETIME, 0)), 20);
        assertThat(c.pollEvent()).isInstanceOf(TurnEvent.Closed.class);
        assertThat(c.state()).isEqualTo(TurnClient.State.CLOSED);
    }

    @Test
    void responsesWithBadIntegrityAreIgnored() throws Exception {
        TurnClient c = client(TransportProtocol.UDP, "pass");
        c.start(0);
        c.handleMessage(challenge(next(c), 401, "n1"), 10);
        StunMessage a2 = next(c);
        byte[] forged = success(a2).addXorAddress(StunAttribute.XOR_RELAYED_ADDRESS, RELAYED)
                .addIntegrity(StunCredentials.longTermKey("user", "realm", "other")).build();
        c.handleMessage(forged, 20);
        assertThat(c.state()).isEqualTo(TurnClient.State.ALLOCATING);
        assertThat(c.pollEvent()).isNull();
    }

    @Test
    void lostStreamFailsTheAllocation() throws Exception {
        TurnClient c = allocated(TransportProtocol.TLS, 0);
        c.connectionLost();
        TurnEvent e = c.pollEvent();
        assertThat(e).isInstanceOf(TurnEvent.Failed.class);
        assertThat(c.state()).isEqualTo(TurnClient.State.FAILED);
        assertThat(c.send(PEER, new byte[1], 10)).isFalse();
        assertThat(c.nextTimeout()).isEqualTo(Long.MAX_VALUE);
    }
}
