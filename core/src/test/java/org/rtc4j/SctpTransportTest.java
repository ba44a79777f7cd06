package org.rtc4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code pc.sctp()}: the W3C RTCSctpTransport, and the sctp-transport entry of getStats. */
class SctpTransportTest {
    private static PeerConnectionFactory factory;

    @BeforeAll
    static void start() {
        factory = PeerConnectionFactory.create();
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    @Test
    void itAppearsWithTheAnswerAndFollowsTheAssociation() throws Exception {
        LoopbackPair pair = new LoopbackPair(factory);
        assertThat(pair.offerer.sctp()).isNull();
        RTCDataChannel ch = pair.offerer.createDataChannel("x");
        CompletableFuture<Void> opened = new CompletableFuture<>();
        ch.onOpen(() -> opened.complete(null));
        LoopbackPair.await(pair.offerer.setLocalDescription());
        assertThat(pair.offerer.sctp()).as("an offer alone negotiates nothing").isNull();
        LoopbackPair.await(pair.answerer.setRemoteDescription(pair.offerer.localDescription()));
        LoopbackPair.await(pair.answerer.setLocalDescription());
        LoopbackPair.await(pair.offerer.setRemoteDescription(pair.answerer.localDescription()));
        pair.close();

        try (LoopbackPair p = new LoopbackPair(factory)) {
            List<RTCSctpTransportState> atOfferer = new CopyOnWriteArrayList<>();
            List<RTCSctpTransportState> atAnswerer = new CopyOnWriteArrayList<>();
            RTCDataChannel c = p.offerer.createDataChannel("y");
            CompletableFuture<Void> open = new CompletableFuture<>();
            c.onOpen(() -> open.complete(null));
            LoopbackPair.await(p.negotiate());
            RTCSctpTransport offererSctp = p.offerer.sctp();
            RTCSctpTransport answererSctp = p.answerer.sctp();
            assertThat(offererSctp).isNotNull();
            assertThat(answererSctp).isNotNull();
            offererSctp.onStateChange(atOfferer::add);
            answererSctp.onStateChange(atAnswerer::add);
            LoopbackPair.await(open);
            assertThat(offererSctp.state()).isEqualTo(RTCSctpTransportState.CONNECTED);
            // Both INITs offer 65535 streams each way; rtc4j's answer declares 256 KiB.
            assertThat(offererSctp.maxChannels()).isEqualTo(65535);
            assertThat(offererSctp.maxMessageSize()).isEqualTo(262144.0);
            assertThat(answererSctp.maxMessageSize()).isEqualTo(262144.0);

            p.answerer.close();
            assertThat(answererSctp.state()).isEqualTo(RTCSctpTransportState.CLOSED);
            for (int i = 0; i < 100 && offererSctp.state() != RTCSctpTransportState.CLOSED; i++) {
                Thread.sleep(50);
            }
            // The peer's ABORT closes ours (with an event); our own close() fires none, as in W3C.
            assertThat(offererSctp.state()).isEqualTo(RTCSctpTransportState.CLOSED);
            assertThat(atOfferer).endsWith(RTCSctpTransportState.CLOSED);
            assertThat(atAnswerer).doesNotContain(RTCSctpTransportState.CLOSED);
            // The peer's close_notify closes our DTLS transport; W3C counts a closed transport with
            // the connected ones, so the connection says connected (not connecting) until ICE notices.
            String dtls = null;
            for (int i = 0; i < 100 && !"closed".equals(dtls); i++) {
                dtls = (String) LoopbackPair.await(p.offerer.getStats()).ofType("transport").get(0).get("dtlsState");
                Thread.sleep(20);
            }
            assertThat(dtls).isEqualTo("closed");
            assertThat(p.offerer.connectionState()).isEqualTo(RTCPeerConnectionState.CONNECTED);
        }
    }

    @Test
    void maxMessageSizeIsThePeersDeclaredLimit() throws Exception {
        try (LoopbackPair p = new LoopbackPair(factory)) {
            openAfter(p, sdp -> sdp.replaceAll("a=max-message-size:\\d+", "a=max-message-size:0"));
            assertThat(p.offerer.sctp().maxMessageSize()).isEqualTo(Double.POSITIVE_INFINITY);
        }
        try (LoopbackPair p = new LoopbackPair(factory)) {
            // No attribute: RFC 8841 §6 says assume 64 KiB, and send() holds to it.
            RTCDataChannel ch = openAfter(p, sdp -> sdp.replaceAll("a=max-message-size:\\d+\r\n", ""));
            assertThat(p.offerer.sctp().maxMessageSize()).isEqualTo(65536.0);
            assertThatThrownBy(() -> ch.send(new byte[65537])).isInstanceOf(RTCException.class)
                    .hasMessageContaining("65536");
            ch.send(new byte[65536]);
        }
    }

    @Test
    void getStatsShowsTheAssociation() throws Exception {
        try (LoopbackPair p = new LoopbackPair(factory)) {
            CompletableFuture<RTCDataChannel> remote = new CompletableFuture<>();
            p.answerer.onDataChannel(remote::complete);
            RTCDataChannel ch = openAfter(p, sdp -> sdp);
            CompletableFuture<Void> last = new CompletableFuture<>();
            LoopbackPair.await(remote).onMessage(m -> {
                if (!m.binary()) {
                    last.complete(null);
                }
            });
            for (int i = 0; i < 64; i++) {
                ch.send(new byte[16384]);
            }
            ch.send("last");
            LoopbackPair.await(last);
            RTCStats s = LoopbackPair.await(p.offerer.getStats()).ofType("sctp-transport").get(0);
            assertThat(s.get("transportId")).isEqualTo("T01");
            assertThat(s.get("state")).isEqualTo("connected");
            assertThat(s.get("maxChannels")).isEqualTo(65535);
            assertThat(s.get("maxMessageSize")).isEqualTo(262144.0);
            assertThat((Long) s.get("packetsSent")).isGreaterThan(64);
            assertThat((Long) s.get("congestionWindow")).isPositive();
            assertThat((Long) s.get("receiverWindow")).isPositive();
            assertThat((Long) s.get("localReceiverWindow")).isPositive();
            assertThat((Double) s.get("smoothedRoundTripTime")).isBetween(0.0, 1.0);
            assertThat((Double) s.get("retransmissionTimeout")).isPositive();
            assertThat(s.get("mtu")).isEqualTo(TransportStack.SCTP_MTU);
            assertThat(s.get("retransmissions")).isEqualTo(0L); // loopback loses nothing
            assertThat(s.get("zeroChecksum")).isEqualTo(true);
            assertThat(s.members()).containsKeys("slowStartThreshold", "bytesInFlight", "receiveBufferedBytes",
                    "packetsReceived", "packetsDiscarded", "messagesDelivered", "outboundStreams", "inboundStreams");
        }
    }

    private static RTCDataChannel openAfter(LoopbackPair p, java.util.function.UnaryOperator<String> answer)
            throws Exception {
        RTCDataChannel ch = p.offerer.createDataChannel("m");
        CompletableFuture<Void> open = new CompletableFuture<>();
        ch.onOpen(() -> open.complete(null));
        LoopbackPair.await(p.negotiate(answer));
        LoopbackPair.await(open);
        return ch;
    }
}
