package org.rtc4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a remote description cannot do: swap the certificate (the fingerprint binds signaling to
 * DTLS), omit the fingerprint, use setup values that cannot be negotiated, or be garbage.
 */
class RemoteDescriptionSecurityTest {

    private static PeerConnectionFactory factory;

    @BeforeAll
    static void start() {
        factory = PeerConnectionFactory.create(2);
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    @Test
    void aTamperedFingerprintFailsTheConnectionAndNoMessageIsDelivered() throws Exception {
        try (LoopbackPair pair = new LoopbackPair(factory)) {
            RTCDataChannel ch = pair.offerer.createDataChannel("secret");
            AtomicInteger delivered = new AtomicInteger();
            pair.answerer.onDataChannel(c -> c.onMessage(m -> delivered.incrementAndGet()));
            ch.onOpen(() -> ch.send("must not arrive"));
            CompletableFuture<RTCPeerConnectionState> offererFailed = new CompletableFuture<>();
            pair.offerer.onConnectionStateChange(s -> {
                if (s == RTCPeerConnectionState.FAILED) {
                    offererFailed.complete(s);
                }
            });

            LoopbackPair.await(pair.offerer.setLocalDescription());
            LoopbackPair.await(pair.answerer.setRemoteDescription(pair.offerer.localDescription()));
            LoopbackPair.await(pair.answerer.setLocalDescription());
            // A man in the middle rewrites the answer's fingerprint to his own certificate's.
            String answer = pair.answerer.localDescription().sdp();
            String tampered = answer.replaceFirst("(a=fingerprint:sha-256 )([0-9A-F]{2})", "$1"
                    + (answer.contains("a=fingerprint:sha-256 00") ? "01" : "00"));
            assertThat(tampered).isNotEqualTo(answer);
            LoopbackPair.await(pair.offerer.setRemoteDescription(new RTCSessionDescription(RTCSdpType.ANSWER, tampered)));
            for (RTCIceCandidate c : candidatesOf(pair.answerer)) {
                pair.offerer.addIceCandidate(c);
            }
            for (RTCIceCandidate c : candidatesOf(pair.offerer)) {
                pair.answerer.addIceCandidate(c);
            }

            assertThat(LoopbackPair.await(offererFailed)).isEqualTo(RTCPeerConnectionState.FAILED);
            assertThat(ch.readyState()).isNotEqualTo(RTCDataChannelState.OPEN);
            Thread.sleep(500);
            assertThat(delivered).hasValue(0);
        }
    }

    @Test
    void descriptionsWithoutFingerprintOrWithBadSetupAreInvalidAccess() throws Exception {
        try (RTCPeerConnection offerer = factory.createPeerConnection(LoopbackPair.defaultConfig());
             RTCPeerConnection answerer = factory.createPeerConnection(LoopbackPair.defaultConfig())) {
            offerer.createDataChannel("x");
            String offer = LoopbackPair.await(offerer.createOffer()).sdp();

            assertRejected(answerer, offer.replaceAll("a=fingerprint:[^\r\n]*\r\n", ""),
                    RTCException.Name.InvalidAccessError);
            assertRejected(answerer, offer.replace("a=setup:actpass", "a=setup:holdconn"),
                    RTCException.Name.InvalidAccessError);
            // not a setup value at all: the SDP itself is malformed, named with its line
            assertRejected(answerer, offer.replace("a=setup:actpass", "a=setup:sideways"),
                    RTCException.Name.OperationError);
            assertRejected(answerer, "this is not SDP", RTCException.Name.OperationError);
            assertRejected(answerer, "", RTCException.Name.OperationError);

            // after all that, the connection is still usable
            LoopbackPair.await(answerer.setRemoteDescription(new RTCSessionDescription(RTCSdpType.OFFER, offer)));
            assertThat(answerer.signalingState()).isEqualTo(RTCSignalingState.HAVE_REMOTE_OFFER);
            RTCSessionDescription answer = LoopbackPair.await(answerer.createAnswer());
            assertThat(answer.sdp()).contains("a=setup:active");
        }
    }

    @Test
    void outOfOrderCallsAreInvalidState() throws Exception {
        try (RTCPeerConnection pc = factory.createPeerConnection(LoopbackPair.defaultConfig())) {
            assertThatThrownBy(() -> LoopbackPair.await(pc.createAnswer()))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(RTCException.class,
                            e -> assertThat(e.name()).isEqualTo(RTCException.Name.InvalidStateError));
            assertThatThrownBy(() -> LoopbackPair.await(pc.addIceCandidate(
                    new RTCIceCandidate("candidate:1 1 udp 1 127.0.0.1 9 typ host", "0", 0, null))))
                    .cause().isInstanceOfSatisfying(RTCException.class,
                            e -> assertThat(e.name()).isEqualTo(RTCException.Name.InvalidStateError));
            assertThatThrownBy(() -> LoopbackPair.await(pc.setRemoteDescription(
                    new RTCSessionDescription(RTCSdpType.ANSWER, "v=0\r\n"))))
                    .cause().isInstanceOfSatisfying(RTCException.class,
                            e -> assertThat(e.name()).isEqualTo(RTCException.Name.InvalidStateError));
        }
    }

    private static void assertRejected(RTCPeerConnection pc, String sdp, RTCException.Name name) {
        assertThatThrownBy(() -> LoopbackPair.await(pc.setRemoteDescription(new RTCSessionDescription(RTCSdpType.OFFER, sdp))))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(RTCException.class, e -> assertThat(e.name()).isEqualTo(name));
        assertThat(pc.signalingState()).isEqualTo(RTCSignalingState.STABLE);
    }

    private static java.util.List<RTCIceCandidate> candidatesOf(RTCPeerConnection pc) throws Exception {
        for (int i = 0; i < 100 && pc.iceGatheringState() != RTCIceGatheringState.COMPLETE; i++) {
            Thread.sleep(50);
        }
        java.util.List<RTCIceCandidate> out = new java.util.ArrayList<>();
        for (String line : pc.localDescription().sdp().split("\r\n")) {
            if (line.startsWith("a=candidate:")) {
                out.add(new RTCIceCandidate(line.substring(2), "0", 0, null));
            }
        }
        return out;
    }
}
