package org.rtc4j;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.rtc4j.transport.InterfaceFilter;

/**
 * Two rtc4j connections on loopback wired to each other the way a signaling channel would:
 * descriptions are handed over, and trickled candidates are queued until the other side has a
 * remote description (as an application must).
 */
final class LoopbackPair implements AutoCloseable {

    final RTCPeerConnection offerer;
    final RTCPeerConnection answerer;
    private final Side a;
    private final Side b;

    LoopbackPair(PeerConnectionFactory factory) {
        this(factory, defaultConfig());
    }

    static RTCConfiguration defaultConfig() {
        return RTCConfiguration.builder().interfaceFilter(InterfaceFilter.loopbackOnly()).build();
    }

    LoopbackPair(PeerConnectionFactory factory, RTCConfiguration config) {
        this(factory, config, config);
    }

    LoopbackPair(PeerConnectionFactory factory, RTCConfiguration offererConfig, RTCConfiguration answererConfig) {
        offerer = factory.createPeerConnection(offererConfig);
        answerer = factory.createPeerConnection(answererConfig);
        a = new Side(offerer);
        b = new Side(answerer);
        offerer.onIceCandidate(c -> b.deliver(c));
        answerer.onIceCandidate(c -> a.deliver(c));
    }

    /** Offer, answer, and trickle; completes when both descriptions are applied on both sides. */
    CompletableFuture<Void> negotiate() {
        return negotiate(sdp -> sdp);
    }

    /** As {@link #negotiate()}, with the answer's SDP rewritten on its way to the offerer. */
    CompletableFuture<Void> negotiate(java.util.function.UnaryOperator<String> answerOnTheWire) {
        return offerer.setLocalDescription()
                .thenCompose(v -> answerer.setRemoteDescription(offerer.localDescription()))
                .thenRun(b::remoteSet)
                .thenCompose(v -> answerer.setLocalDescription())
                .thenCompose(v -> offerer.setRemoteDescription(new RTCSessionDescription(RTCSdpType.ANSWER,
                        answerOnTheWire.apply(answerer.localDescription().sdp()))))
                .thenRun(a::remoteSet);
    }

    static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }

    static Duration timeout() {
        return Duration.ofSeconds(20);
    }

    @Override
    public void close() {
        offerer.close();
        answerer.close();
    }

    /** Candidates for one connection, held back until its remote description is set. */
    private static final class Side {
        private final RTCPeerConnection pc;
        private final List<RTCIceCandidate> queued = new ArrayList<>();
        private boolean ready;

        Side(RTCPeerConnection pc) {
            this.pc = pc;
        }

        synchronized void deliver(RTCIceCandidate c) {
            if (ready) {
                pc.addIceCandidate(c);
            } else {
                queued.add(c);
            }
        }

        synchronized void remoteSet() {
            ready = true;
            for (RTCIceCandidate c : queued) {
                pc.addIceCandidate(c);
            }
            queued.clear();
        }
    }
}
