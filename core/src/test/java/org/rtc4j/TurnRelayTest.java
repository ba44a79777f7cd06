package org.rtc4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
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
            RTCDataChannel sender = pair.offerer.createDataChannel("relayed");
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
            opened.get(30, TimeUnit.SECONDS);

            MessageDigest sent = MessageDigest.getInstance("SHA-256");
            byte[] chunk = new byte[64 * 1024];
            long t0 = System.nanoTime();
            for (int i = 0; i < total / chunk.length; i++) {
                chunk[0] = (byte) i;
                chunk[chunk.length / 2] = (byte) (i * 7);
                while (sender.bufferedAmount() > (2 << 20)) {
                    Thread.sleep(1);
                }
                sender.send(chunk);
                sent.update(chunk);
            }
            assertThat(done.get(120, TimeUnit.SECONDS)).isEqualTo(total);
            assertThat(got.digest()).isEqualTo(sent.digest());
            RTCStatsReport stats = LoopbackPair.await(pair.offerer.getStats());
            String pairId = (String) stats.ofType("transport").get(0).get("selectedCandidatePairId");
            RTCStats selected = stats.get(pairId).orElseThrow();
            RTCStats local = stats.get((String) selected.get("localCandidateId")).orElseThrow();
            assertThat(local.get("candidateType")).isEqualTo("relay");
            LOG.info("16 MiB via coturn over {}: {} Mbit/s", transport,
                    String.format("%.0f", total * 8 / ((System.nanoTime() - t0) / 1e9) / 1e6));
        }
    }
}
