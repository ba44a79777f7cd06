package org.rtc4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IceRestartTest {

    @Test
    void anIceRestartMidTransferLosesNothing() throws Exception {
        try (PeerConnectionFactory factory = PeerConnectionFactory.create(2);
             LoopbackPair pair = new LoopbackPair(factory)) {
            RTCDataChannel sender = pair.offerer.createDataChannel("bulk");
            CompletableFuture<Void> opened = new CompletableFuture<>();
            sender.onOpen(() -> opened.complete(null));
            long total = 16L << 20;
            MessageDigest got = MessageDigest.getInstance("SHA-256");
            CompletableFuture<Long> done = new CompletableFuture<>();
            pair.answerer.onDataChannel(ch -> {
                long[] n = {0};
                ch.onMessage(m -> {
                    got.update(m.data());
                    n[0] += m.data().length;
                    if (n[0] >= total) {
                        done.complete(n[0]);
                    }
                });
            });
            LoopbackPair.await(pair.negotiate());
            LoopbackPair.await(opened);
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
            MessageDigest sent = MessageDigest.getInstance("SHA-256");
            byte[] chunk = new byte[64 * 1024];
            int chunks = (int) (total / chunk.length);
            for (int i = 0; i < chunks; i++) {
                chunk[0] = (byte) i;
                chunk[chunk.length - 1] = (byte) (i * 31);
                if (i == chunks / 2) {
                    pair.offerer.restartIce();
                }
                while (sender.bufferedAmount() > (2 << 20)) {
                    Thread.sleep(1);
                }
                sender.send(chunk);
                sent.update(chunk);
            }
            LoopbackPair.await(renegotiated);
            assertThat(done.get(60, TimeUnit.SECONDS)).isEqualTo(total);
            assertThat(got.digest()).isEqualTo(sent.digest());
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
