package org.rtc4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real sockets through {@link ImpairmentRelay}: 10% loss both ways, duplication and
 * reordering. ICE, DTLS and SCTP must all recover; a reliable channel delivers every byte in
 * order.
 */
class LossyNetworkTest {

    private static final Logger LOG = LoggerFactory.getLogger(LossyNetworkTest.class);

    @Test
    void sixteenMebibytesCrossTenPercentLossDuplicationAndReorderingWholeAndInOrder() throws Exception {
        try (PeerConnectionFactory factory = PeerConnectionFactory.create(2);
             ImpairmentRelay relay = new ImpairmentRelay(0.10, 0.02, 0.05, 42);
             RTCPeerConnection a = factory.createPeerConnection(LoopbackPair.defaultConfig());
             RTCPeerConnection b = factory.createPeerConnection(LoopbackPair.defaultConfig())) {
            InetSocketAddress[] real = new InetSocketAddress[2];
            HeldCandidates toA = new HeldCandidates(a);
            HeldCandidates toB = new HeldCandidates(b);
            // Each side learns the other's candidates rewritten to the relay's address.
            a.onIceCandidate(c -> {
                if (c != null) {
                    real[0] = address(c);
                    relay.peers(real[0], real[1]);
                    toB.add(rewrite(c, facing(relay, false)));
                }
            });
            b.onIceCandidate(c -> {
                if (c != null) {
                    real[1] = address(c);
                    relay.peers(real[0], real[1]);
                    toA.add(rewrite(c, facing(relay, true)));
                }
            });
            CompletableFuture<RTCDataChannel> opened = BulkTransfer.open(a, "bulk");
            BulkTransfer transfer = new BulkTransfer(b, 16L << 20);

            // Descriptions cross without their inline candidates: only the relay's addresses count.
            LoopbackPair.await(a.setLocalDescription());
            LoopbackPair.await(b.setRemoteDescription(stripCandidates(a.localDescription())));
            toB.release();
            LoopbackPair.await(b.setLocalDescription());
            LoopbackPair.await(a.setRemoteDescription(stripCandidates(b.localDescription())));
            toA.release();
            RTCDataChannel sender = opened.get(60, TimeUnit.SECONDS);
            double mbits = transfer.send(sender, i -> { }, 180);
            assertThat(relay.dropped.get()).as("the relay really dropped datagrams").isGreaterThan(100);
            assertThat(relay.duplicated.get()).isGreaterThan(0);
            assertThat(relay.delayed.get()).isGreaterThan(0);
            LOG.info("16 MiB through 10% loss: {} Mbit/s; relay forwarded {}, dropped {}, duplicated {}, delayed {}",
                    String.format("%.1f", mbits),
                    relay.forwarded.get(), relay.dropped.get(), relay.duplicated.get(), relay.delayed.get());
        }
    }

    static InetSocketAddress facing(ImpairmentRelay relay, boolean a) {
        try {
            return a ? relay.facingA() : relay.facingB();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static InetSocketAddress address(RTCIceCandidate c) {
        return ImpairmentRelay.address(c);
    }

    static RTCIceCandidate rewrite(RTCIceCandidate c, InetSocketAddress to) {
        return ImpairmentRelay.rewrite(c, to);
    }

    static RTCSessionDescription stripCandidates(RTCSessionDescription d) {
        return ImpairmentRelay.stripCandidates(d);
    }
}
