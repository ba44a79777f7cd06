package org.rtc4j.examples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.rtc4j.PeerConnectionFactory;
import org.rtc4j.RTCConfiguration;
import org.rtc4j.RTCIceCandidate;
import org.rtc4j.RTCPeerConnection;

/**
 * Two connections in one process wired directly (no signaling server): descriptions handed over
 * in memory, trickled candidates held until the other side has its remote description.
 */
final class LocalPair implements AutoCloseable {
    final RTCPeerConnection offerer;
    final RTCPeerConnection answerer;
    private final Side a;
    private final Side b;

    LocalPair(PeerConnectionFactory factory, RTCConfiguration config) {
        offerer = factory.createPeerConnection(config);
        answerer = factory.createPeerConnection(config);
        a = new Side(offerer);
        b = new Side(answerer);
        offerer.onIceCandidate(b::deliver);
        answerer.onIceCandidate(a::deliver);
    }

    /** Offer, answer and trickle; completes when both descriptions are applied on both sides. */
    CompletableFuture<Void> negotiate() {
        return offerer.setLocalDescription()
                .thenCompose(v -> answerer.setRemoteDescription(offerer.localDescription()))
                .thenRun(b::remoteSet)
                .thenCompose(v -> answerer.setLocalDescription())
                .thenCompose(v -> offerer.setRemoteDescription(answerer.localDescription()))
                .thenRun(a::remoteSet);
    }

    @Override
    public void close() {
        offerer.close();
        answerer.close();
    }

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
            queued.forEach(pc::addIceCandidate);
            queued.clear();
        }
    }
}
