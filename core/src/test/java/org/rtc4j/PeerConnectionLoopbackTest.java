package org.rtc4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PeerConnectionLoopbackTest {

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
    void aChannelOpensAndCarriesTextAndBinaryBothWays() throws Exception {
        try (LoopbackPair pair = new LoopbackPair(factory)) {
            RTCDataChannel local = pair.offerer.createDataChannel("chat");
            CompletableFuture<Void> opened = new CompletableFuture<>();
            local.onOpen(() -> opened.complete(null));
            CompletableFuture<RTCDataChannel> remote = new CompletableFuture<>();
            pair.answerer.onDataChannel(remote::complete);
            LinkedBlockingQueue<RTCDataChannelMessage> atOfferer = new LinkedBlockingQueue<>();
            local.onMessage(atOfferer::add);

            LoopbackPair.await(pair.negotiate());
            LoopbackPair.await(opened);
            RTCDataChannel echo = LoopbackPair.await(remote);
            assertThat(echo.label()).isEqualTo("chat");
            assertThat(echo.readyState()).isEqualTo(RTCDataChannelState.OPEN);
            echo.onMessage(m -> {
                if (m.binary()) {
                    echo.send(m.data());
                } else {
                    echo.send(m.text());
                }
            });

            local.send("hello");
            RTCDataChannelMessage m = atOfferer.poll(10, TimeUnit.SECONDS);
            assertThat(m).isNotNull();
            assertThat(m.binary()).isFalse();
            assertThat(m.text()).isEqualTo("hello");

            local.send(new byte[] {1, 2, 3});
            m = atOfferer.poll(10, TimeUnit.SECONDS);
            assertThat(m.binary()).isTrue();
            assertThat(m.data()).containsExactly(1, 2, 3);

            assertThat(pair.offerer.connectionState()).isEqualTo(RTCPeerConnectionState.CONNECTED);
            assertThat(pair.answerer.connectionState()).isEqualTo(RTCPeerConnectionState.CONNECTED);
            assertThat(pair.offerer.signalingState()).isEqualTo(RTCSignalingState.STABLE);
            assertThat(pair.offerer.dtlsCipherSuite()).isNotNull();

            RTCStatsReport stats = LoopbackPair.await(pair.offerer.getStats());
            assertThat(stats.ofType("transport")).singleElement()
                    .satisfies(t -> assertThat(t.get("dtlsState")).isEqualTo("connected"));
            assertThat(stats.ofType("data-channel")).singleElement()
                    .satisfies(d -> assertThat(d.get("messagesSent")).isEqualTo(2L));
            assertThat(stats.ofType("candidate-pair")).anyMatch(p -> Boolean.TRUE.equals(p.get("nominated")));
            assertThat(stats.ofType("certificate")).hasSize(1);
        }
    }

    @Test
    void eightMebibytesArriveWholeAndInOrder() throws Exception {
        try (LoopbackPair pair = new LoopbackPair(factory)) {
            CompletableFuture<RTCDataChannel> opened = BulkTransfer.open(pair.offerer, "bulk");
            BulkTransfer transfer = new BulkTransfer(pair.answerer, 8L << 20);
            LoopbackPair.await(pair.negotiate());
            transfer.send(LoopbackPair.await(opened), i -> { }, 60);
        }
    }

    @Test
    void textSurvivesUtf8() throws Exception {
        try (LoopbackPair pair = new LoopbackPair(factory)) {
            RTCDataChannel ch = pair.offerer.createDataChannel("utf8");
            CompletableFuture<Void> opened = new CompletableFuture<>();
            ch.onOpen(() -> opened.complete(null));
            CompletableFuture<String> got = new CompletableFuture<>();
            pair.answerer.onDataChannel(r -> r.onMessage(m -> got.complete(m.text())));
            LoopbackPair.await(pair.negotiate());
            LoopbackPair.await(opened);
            String text = "grüße, 世界 \uD83D\uDE80";
            ch.send(text);
            assertThat(LoopbackPair.await(got)).isEqualTo(text);
            assertThat(text.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(text.length());
        }
    }
}
