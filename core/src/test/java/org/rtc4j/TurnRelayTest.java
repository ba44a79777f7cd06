package org.rtc4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Two rtc4j connections with relay-only policy through a real coturn, over UDP, TCP and TLS. */
class TurnRelayTest {

    private static final Logger LOG = LoggerFactory.getLogger(TurnRelayTest.class);
    private static Coturn coturn;
    private static PeerConnectionFactory factory;

    @BeforeAll
    static void start() throws Exception {
        coturn = new Coturn();
        factory = PeerConnectionFactory.create(2);
    }

    @AfterAll
    static void stop() throws Exception {
        factory.close();
        coturn.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"udp", "tcp", "tls"})
    void sixteenMebibytesThroughTheRelay(String transport) throws Exception {
        String url = transport.equals("tls") ? "turns:127.0.0.1:" + coturn.tlsPort
                : "turn:127.0.0.1:" + coturn.port + "?transport=" + transport;
        RTCConfiguration config = LoopbackPair.defaultConfig().toBuilder()
                .iceServer(RTCIceServer.turn(url, Coturn.USER, Coturn.PASSWORD))
                .iceTransportPolicy(RTCIceTransportPolicy.RELAY)
                .tlsContext(coturn.trustingContext())
                .build();
        try (LoopbackPair pair = new LoopbackPair(factory, config)) {
            CompletableFuture<RTCDataChannel> opened = BulkTransfer.open(pair.offerer, "relayed");
            BulkTransfer transfer = new BulkTransfer(pair.answerer, 16L << 20);
            LoopbackPair.await(pair.negotiate());
            RTCDataChannel sender = opened.get(30, TimeUnit.SECONDS);
            double mbits = transfer.send(sender, i -> { }, 120);
            RTCStatsReport stats = LoopbackPair.await(pair.offerer.getStats());
            String pairId = (String) stats.ofType("transport").get(0).get("selectedCandidatePairId");
            RTCStats selected = stats.get(pairId).orElseThrow();
            RTCStats local = stats.get((String) selected.get("localCandidateId")).orElseThrow();
            assertThat(local.get("candidateType")).isEqualTo("relay");
            LOG.info("16 MiB via coturn over {}: {} Mbit/s", transport, String.format("%.0f", mbits));
        }
    }
}
