package com.example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.rtc4j.PeerConnectionFactory;
import org.rtc4j.RTCConfiguration;
import org.rtc4j.RTCDataChannel;
import org.rtc4j.RTCIceCandidate;
import org.rtc4j.RTCPeerConnection;
import org.rtc4j.RTCSdpType;
import org.rtc4j.RTCSessionDescription;
import org.rtc4j.signaling.client.SocketIoClient;
import org.rtc4j.signaling.server.SocketIoServer;
import org.rtc4j.signaling.service.SignalingOptions;
import org.rtc4j.signaling.service.SignalingService;
import org.rtc4j.transport.InterfaceFilter;

/**
 * What an application does with rtc4j: an in-process signaling server, two peers that meet in a
 * room through it (join, then offer/answer and candidates relayed as {@code signal} events), and
 * a data channel that carries bytes one way and back.
 */
public final class ConsumerDemo {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ACK = Duration.ofSeconds(10);

    /** What one run measured. */
    public record Result(double setupMs, long bytes, String sentSha256, String echoedSha256) {
    }

    private ConsumerDemo() {
    }

    public static void main(String[] args) throws Exception {
        Result r = run(1 << 20);
        System.out.printf("rtc4j consumer: channel open %.1f ms after the offer; %d bytes echoed, sha-256 %s%n",
                r.setupMs(), r.bytes(), r.sentSha256().equals(r.echoedSha256()) ? "matches" : "DIFFERS");
    }

    /** Sends {@code bytes} from one peer to the other and back; returns the figures. */
    public static Result run(int bytes) throws Exception {
        try (SocketIoServer server = SocketIoServer.builder().host("127.0.0.1").port(0).build().start();
             PeerConnectionFactory factory = PeerConnectionFactory.create()) {
            SignalingService.install(server, SignalingOptions.defaults());
            URI uri = URI.create("http://127.0.0.1:" + server.port());
            RTCConfiguration config = RTCConfiguration.builder().interfaceFilter(InterfaceFilter.loopbackOnly()).build();
            try (Peer echo = new Peer(factory, config, uri); Peer caller = new Peer(factory, config, uri)) {
                echo.pc.onDataChannel(ch -> ch.onMessage(m -> ch.send(m.data())));
                echo.join();
                List<String> present = caller.join();

                RTCDataChannel ch = caller.pc.createDataChannel("demo");
                CompletableFuture<Void> open = new CompletableFuture<>();
                ch.onOpen(() -> open.complete(null));
                MessageDigest back = MessageDigest.getInstance("SHA-256");
                long[] got = {0};
                CompletableFuture<Void> done = new CompletableFuture<>();
                ch.onMessage(m -> {
                    back.update(m.data());
                    got[0] += m.data().length;
                    if (got[0] >= bytes) {
                        done.complete(null);
                    }
                });
                long t0 = System.nanoTime();
                caller.offerTo(present.get(0));
                open.get(20, TimeUnit.SECONDS);
                double setupMs = (System.nanoTime() - t0) / 1e6;

                MessageDigest sent = MessageDigest.getInstance("SHA-256");
                Random random = new Random(1);
                for (int off = 0; off < bytes; off += 16384) {
                    byte[] chunk = new byte[Math.min(16384, bytes - off)];
                    random.nextBytes(chunk);
                    sent.update(chunk);
                    ch.send(chunk);
                }
                done.get(30, TimeUnit.SECONDS);
                return new Result(setupMs, got[0], HexFormat.of().formatHex(sent.digest()),
                        HexFormat.of().formatHex(back.digest()));
            }
        }
    }

    /** One side: a signaling client and the connection it negotiates for. */
    private static final class Peer implements AutoCloseable {
        final RTCPeerConnection pc;
        private final SocketIoClient client;
        private final List<RTCIceCandidate> early = new ArrayList<>();
        private boolean remoteSet;
        private volatile String remote;

        Peer(PeerConnectionFactory factory, RTCConfiguration config, URI server) throws Exception {
            pc = factory.createPeerConnection(config);
            client = SocketIoClient.builder(server).reconnection(false).build();
            client.on("signal", (args, ack) -> onSignal(args.get(0)));
            client.connect().get(10, TimeUnit.SECONDS);
            pc.onIceCandidate(c -> send(Map.of("candidate",
                    c == null ? NullNode.getInstance() : parse(c.toJson()))));
        }

        /** Joins room "demo"; returns the peers already there. */
        List<String> join() throws Exception {
            JsonNode reply = client.emitWithAck(ACK, "join", Map.of("room", "demo")).get().get(0);
            List<String> peers = new ArrayList<>();
            reply.path("peers").forEach(p -> peers.add(p.asText()));
            return peers;
        }

        void offerTo(String peer) {
            remote = peer;
            pc.setLocalDescription().thenRun(() -> send(parse(pc.localDescription().toJson())));
        }

        private void onSignal(JsonNode msg) {
            remote = msg.path("from").asText();
            JsonNode data = msg.path("data");
            if (data.has("type")) {
                RTCSessionDescription d = RTCSessionDescription.fromJson(data.toString());
                CompletableFuture<Void> f = pc.setRemoteDescription(d).thenRun(this::remoteReady);
                if (d.type() == RTCSdpType.OFFER) {
                    f.thenCompose(v -> pc.setLocalDescription())
                            .thenRun(() -> send(parse(pc.localDescription().toJson())));
                }
            } else if (data.has("candidate")) {
                JsonNode c = data.get("candidate");
                candidate(c.isNull() ? null : RTCIceCandidate.fromJson(c.toString()));
            }
        }

        // Candidates may come before the description they belong to has been applied.
        private synchronized void candidate(RTCIceCandidate c) {
            if (remoteSet) {
                pc.addIceCandidate(c);
            } else {
                early.add(c);
            }
        }

        private synchronized void remoteReady() {
            remoteSet = true;
            early.forEach(pc::addIceCandidate);
            early.clear();
        }

        private void send(Object data) {
            if (remote != null) {
                client.emitWithAck(ACK, "signal", Map.of("to", remote, "data", data));
            }
        }

        @Override
        public void close() {
            pc.close();
            client.close();
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
