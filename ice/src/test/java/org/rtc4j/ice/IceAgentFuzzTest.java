package org.rtc4j.ice;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetSocketAddress;
import java.util.Random;
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
}
