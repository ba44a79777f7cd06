package org.rtc4j.ice;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.rtc4j.ice.stun.StunAttribute;
import org.rtc4j.ice.stun.StunMessage;
import org.rtc4j.ice.stun.StunMessageBuilder;
import org.rtc4j.ice.stun.StunMethod;
import org.rtc4j.ice.stun.StunParseException;
import org.rtc4j.ice.stun.TransactionId;
import org.rtc4j.ice.turn.StreamFramer;

/** Arbitrary datagrams into an agent, an mDNS answer parser and a TURN stream: nothing escapes. */
class IceAgentFuzzTest {
    @FuzzTest(maxDuration = "10s")
    void arbitraryInput(FuzzedDataProvider data) {
        IceConfig c = new IceConfig();
        c.ufrag = "locl";
        c.password = "localpasswordlocalpassword";
        IceAgent a = new IceAgent(c, new Random(1));
        a.addLocalSocket(1, new InetSocketAddress("127.0.0.1", 5000), TransportProtocol.UDP, 0);
        a.startGathering(0);
        a.setRemoteCredentials("remo", "remotepasswordremotepassword", 0);
        a.addRemoteCandidate(IceCandidate.parse("candidate:1 1 udp 2122260223 127.0.0.1 6000 typ host"), 0);
        long now = 1;
        while (data.remainingBytes() > 0) {
            byte[] d = data.consumeBytes(data.consumeInt(0, 600));
            a.handleDatagram(data.consumeBoolean() ? 1 : IceAgent.MDNS_SOCKET_ID, new InetSocketAddress("127.0.0.1", 6000), d, now);
            now += data.consumeInt(0, 2000);
            a.handleTimeout(now);
            MdnsCodec.parseAnswers(d);
            try {
                new StreamFramer().feed(d);
            } catch (org.rtc4j.ice.stun.StunParseException expected) {
                // declared
            }
            while (a.pollDatagram() != null) {
                // drain
            }
            while (a.pollEvent() != null) {
                // drain
            }
        }
    }

    /**
     * Authenticated traffic with fuzzed contents: checks with random roles, tie-breakers and
     * USE-CANDIDATE from random ports, answers to the agent's own requests with random classes
     * and error codes, restarts, trickled candidates and time jumps. Reaches the paths raw bytes
     * never do (they need a valid MESSAGE-INTEGRITY).
     */
    @FuzzTest(maxDuration = "10s")
    void authenticatedTraffic(FuzzedDataProvider data) throws StunParseException {
        IceConfig c = new IceConfig();
        c.ufrag = "locl";
        c.password = "localpasswordlocalpassword";
        c.role = data.consumeBoolean() ? IceRole.CONTROLLING : IceRole.CONTROLLED;
        c.lite = data.consumeBoolean();
        IceAgent a = new IceAgent(c, new Random(data.consumeLong()));
        a.addLocalSocket(1, new InetSocketAddress("127.0.0.1", 5000), TransportProtocol.UDP, 0);
        a.startGathering(0);
        String remoteUfrag = "remo";
        String remotePwd = "remotepasswordremotepassword";
        a.setRemoteCredentials(remoteUfrag, remotePwd, 0);
        Random txr = new Random(0);
        List<byte[]> theirRequests = new ArrayList<>();
        long now = 1;
        while (data.remainingBytes() > 0) {
            InetSocketAddress from = new InetSocketAddress("127.0.0.1", 6000 + data.consumeInt(0, 3));
            switch (data.consumeInt(0, 6)) {
                case 0: {
                    StunMessageBuilder b = new StunMessageBuilder(StunMethod.BINDING, StunMethod.REQUEST, TransactionId.random(txr))
                            .addString(StunAttribute.USERNAME, a.localUfrag() + ":" + remoteUfrag)
                            .addUInt32(StunAttribute.PRIORITY, data.consumeLong() & 0xFFFFFFFFL)
                            .addUInt64(data.consumeBoolean() ? StunAttribute.ICE_CONTROLLING : StunAttribute.ICE_CONTROLLED,
                                    data.consumeLong());
                    if (data.consumeBoolean()) {
                        b.addFlag(StunAttribute.USE_CANDIDATE);
                    }
                    if (data.consumeBoolean()) {
                        b.addBytes(data.consumeInt(0, 0xFFFF), data.consumeBytes(data.consumeInt(0, 40)));
                    }
                    a.handleDatagram(1, from, b.addIntegrity(a.localPassword().getBytes(StandardCharsets.UTF_8))
                            .addFingerprint().build(), now);
                    break;
                }
                case 1: {
                    if (theirRequests.isEmpty()) {
                        break;
                    }
                    StunMessage req = StunMessage.parse(theirRequests.remove(data.consumeInt(0, theirRequests.size() - 1)));
                    boolean error = data.consumeBoolean();
                    StunMessageBuilder b = new StunMessageBuilder(StunMethod.BINDING,
                            error ? StunMethod.ERROR : StunMethod.SUCCESS, req.transactionId());
                    if (error) {
                        b.addErrorCode(data.consumeInt(300, 699), "x");
                    } else {
                        b.addXorAddress(StunAttribute.XOR_MAPPED_ADDRESS,
                                new InetSocketAddress("127.0.0.1", data.consumeInt(1, 65535)));
                    }
                    a.handleDatagram(1, from, b.addIntegrity(remotePwd.getBytes(StandardCharsets.UTF_8)).addFingerprint().build(), now);
                    break;
                }
                case 2:
                    a.addRemoteCandidate(new IceCandidate(Integer.toString(data.consumeInt(0, 9)), 1, "udp",
                            data.consumeLong() & 0xFFFFFFFFL, "127.0.0.1", from.getPort(), CandidateType.HOST, null, -1, null), now);
                    break;
                case 3:
                    now += data.consumeInt(0, 40_000);
                    break;
                case 4:
                    if (data.consumeBoolean()) {
                        a.restart(now);
                    } else {
                        remoteUfrag = "r" + data.consumeInt(0, 3);
                        remotePwd = remoteUfrag + "passwordpasswordpassword";
                        a.setRemoteCredentials(remoteUfrag, remotePwd, now);
                    }
                    break;
                case 5:
                    a.handleDatagram(1, from, data.consumeBytes(data.consumeInt(0, 100)), now);
                    break;
                default:
                    a.send(data.consumeBytes(data.consumeInt(0, 100)), now);
                    if (data.consumeBoolean()) {
                        a.addRemoteEndOfCandidates(now);
                    }
                    break;
            }
            if (a.nextTimeout() <= now) {
                a.handleTimeout(now);
            }
            Datagram d;
            while ((d = a.pollDatagram()) != null) {
                if (StunMessage.looksLikeStun(d.data(), 0, d.data().length) && StunMessage.parse(d.data()).isRequest()
                        && theirRequests.size() < 64) {
                    theirRequests.add(d.data());
                }
            }
            while (a.pollEvent() != null) {
                // drain
            }
        }
        a.close(now);
    }
}
