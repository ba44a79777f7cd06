package org.rtc4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class IceRestartTest {

    @Test
    void anIceRestartMidTransferLosesNothing() throws Exception {
        try (PeerConnectionFactory factory = PeerConnectionFactory.create(2);
             LoopbackPair pair = new LoopbackPair(factory)) {
            CompletableFuture<RTCDataChannel> opened = BulkTransfer.open(pair.offerer, "bulk");
            BulkTransfer transfer = new BulkTransfer(pair.answerer, 16L << 20);
            LoopbackPair.await(pair.negotiate());
            RTCDataChannel sender = LoopbackPair.await(opened);
            String ufragBefore = ufrag(pair.offerer.localDescription());
            String answererUfragBefore = ufrag(pair.answerer.localDescription());

            CompletableFuture<Void> renegotiated = new CompletableFuture<>();
            pair.offerer.onNegotiationNeeded(() -> pair.negotiate().whenComplete((v, e) -> {
                if (e != null) {
                    renegotiated.completeExceptionally(e);
                } else {
                    renegotiated.complete(null);
                }
            }));
            int half = (16 << 20) / BulkTransfer.CHUNK / 2;
            transfer.send(sender, i -> {
                if (i == half) {
                    pair.offerer.restartIce();
                }
            }, 60);
            LoopbackPair.await(renegotiated);
            assertThat(sender.readyState()).isEqualTo(RTCDataChannelState.OPEN);
            assertThat(ufrag(pair.offerer.localDescription())).isNotEqualTo(ufragBefore);
            assertThat(ufrag(pair.answerer.localDescription())).as("the answerer restarts too")
                    .isNotEqualTo(answererUfragBefore);
            assertThat(pair.offerer.connectionState()).isEqualTo(RTCPeerConnectionState.CONNECTED);
        }
    }

    private static String ufrag(RTCSessionDescription d) {
        for (String line : d.sdp().split("\r\n")) {
            if (line.startsWith("a=ice-ufrag:")) {
                return line.substring("a=ice-ufrag:".length());
            }
        }
        throw new AssertionError("no ufrag in " + d.sdp());
    }
}
