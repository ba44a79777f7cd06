package org.rtc4j.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rtc4j.signaling.server.SocketIoServer;
import org.rtc4j.signaling.server.SocketIoSocket;
import org.rtc4j.signaling.service.SignalingOptions;
import org.rtc4j.signaling.service.SignalingService;
import org.rtc4j.signaling.service.SignalingTokens;
import org.rtc4j.signaling.socketio.SioCodec;

/** The stock socket.io-client 4.8.1 (npm) against our server, driven by node. */
class StockJsClientTest {
    private static final String SECRET = "a-test-secret-that-is-long-enough-for-hs256";
    private SocketIoServer server;

    @BeforeAll
    static void npm() throws Exception {
        NodeFixture.install();
    }

    @BeforeEach
    void start() {
        server = newServer(0);
    }

    private static SocketIoServer newServer(int port) {
        SocketIoServer s = SocketIoServer.builder().port(port).build().start();
        s.on("connection", socket -> install(s, socket));
        return s;
    }

    private static void install(SocketIoServer s, SocketIoSocket socket) {
        socket.on("echo", (args, ack) -> ack.send(args.get(0)));
        socket.on("join", (args, ack) -> {
            for (JsonNode r : args.get(0)) {
                socket.join(r.asText());
            }
            ack.send(true);
        });
        socket.on("to", (args, ack) -> {
            String[] to = names(args.get(0));
            String[] ex = names(args.get(1));
            s.to(to).except(ex).emit("msg", args.get(2));
            ack.send(true);
        });
        socket.on("others", (args, ack) -> {
            socket.broadcast().emit("msg", args.get(0));
            ack.send(true);
        });
        socket.on("send-bin", (args, ack) -> socket.emit("bin", new byte[]{42, 1, 2},
                java.util.Map.of("inner", new byte[77])));
    }

    private static String[] names(JsonNode arr) {
        String[] out = new String[arr.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = arr.get(i).asText();
        }
        return out;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode run(String scenario, String... opts) throws Exception {
        String[] args = opts.length == 0 ? new String[]{url(), scenario} : new String[]{url(), scenario, opts[0]};
        try (NodeFixture.Run r = new NodeFixture.Run("sio-client.js", args)) {
            JsonNode n = SioCodec.MAPPER.readTree(r.next(30));
            assertThat(n.has("error")).as("node error: %s", n).isFalse();
            return n;
        }
    }

    private String url() {
        return "http://127.0.0.1:" + server.port();
    }

    @Test
    void pollingThenUpgradeToWebSocket() throws Exception {
        JsonNode r = run("upgrade");
        assertThat(r.get("first").asText()).isEqualTo("polling");
        assertThat(r.get("now").asText()).isEqualTo("websocket");
        assertThat(r.get("reply").asText()).isEqualTo("after upgrade");
    }

    @Test
    void pollingOnlyAndWebSocketOnly() throws Exception {
        JsonNode p = run("polling");
        assertThat(p.get("transport").asText()).isEqualTo("polling");
        assertThat(p.get("reply").toString()).isEqualTo("{\"deep\":[1,\"two\",null]}");
        JsonNode w = run("websocket");
        assertThat(w.get("transport").asText()).isEqualTo("websocket");
        assertThat(w.get("reply").asText()).isEqualTo("ws only");
    }

    @Test
    void binaryBothWaysOverWebSocketAndPolling() throws Exception {
        for (String transport : List.of("websocket", "polling")) {
            JsonNode r = run("binary", "{\"transport\":\"" + transport + "\"}");
            assertThat(r.get("isBuffer").asBoolean()).as(transport).isTrue();
            assertThat(r.get("bytes").toString()).isEqualTo("[1,2,3,250]");
            assertThat(r.get("fromServer").toString()).isEqualTo("{\"len\":3,\"first\":42,\"nested\":77}");
        }
    }

    @Test
    void roomsBroadcastExceptAndUnion() throws Exception {
        JsonNode got = run("rooms").get("got");
        assertThat(got.get("a").toString()).isEqualTo("[\"union\",\"broadcast\"]");
        assertThat(got.get("b").toString()).isEqualTo("[\"union\"]");
        assertThat(got.get("c").toString()).isEqualTo("[\"union\",\"except\",\"broadcast\"]");
        assertThat(got.get("d").toString()).isEqualTo("[\"except\",\"broadcast\"]");
    }

    @Test
    void refusedTokenSurfacesAsConnectErrorWithOurMessage() throws Exception {
        server.close();
        server = SocketIoServer.builder().build().start();
        SignalingService.install(server, SignalingOptions.defaults().withSecret(SECRET));
        assertThat(run("auth", "{\"auth\":{\"token\":\"not-a-jwt\"}}").get("connect_error").asText())
                .isEqualTo("authentication failed: malformed token");
        assertThat(run("auth", "{}").get("connect_error").asText()).isEqualTo("authentication failed: token missing");
        String forged = new SignalingTokens("another-secret-that-is-long-enough-for-hs256").mint(List.of("call"), Duration.ofMinutes(5));
        assertThat(run("auth", "{\"auth\":{\"token\":\"" + forged + "\"}}").get("connect_error").asText())
                .isEqualTo("authentication failed: invalid token signature");
        String good = new SignalingTokens(SECRET).mint(List.of("call"), Duration.ofMinutes(5));
        assertThat(run("auth", "{\"auth\":{\"token\":\"" + good + "\"}}").get("connected").asBoolean()).isTrue();
        JsonNode sig = run("signaling", "{\"auth\":{\"token\":\"" + good + "\"}}");
        assertThat(sig.get("joinedA").get("peers").size()).isZero();
        assertThat(sig.get("joinedB").get("peers").get(0).asText()).isEqualTo(sig.get("a").asText());
        assertThat(sig.get("got").toString())
                .isEqualTo("{\"from\":\"" + sig.get("b").asText() + "\",\"data\":{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\"}}");
        assertThat(sig.get("peerJoined").get("id").asText()).isEqualTo(sig.get("b").asText());
        assertThat(sig.get("peerLeft").get("id").asText()).isEqualTo(sig.get("b").asText());
    }

    @Test
    void reconnectsAfterServerRestart() throws Exception {
        int port = server.port();
        try (NodeFixture.Run r = new NodeFixture.Run("sio-client.js", url(), "reconnect")) {
            JsonNode first = SioCodec.MAPPER.readTree(r.next(30));
            assertThat(first.get("event").asText()).isEqualTo("connect");
            assertThat(first.get("reply").asText()).isEqualTo("connection 1");
            server.close();
            assertThat(SioCodec.MAPPER.readTree(r.next(30)).get("event").asText()).isEqualTo("disconnect");
            server = newServer(port);
            JsonNode second = SioCodec.MAPPER.readTree(r.next(30));
            assertThat(second.get("event").asText()).isEqualTo("connect");
            assertThat(second.get("reply").asText()).isEqualTo("connection 2");
            assertThat(second.get("id").asText()).isNotEqualTo(first.get("id").asText());
        }
    }

    @Test
    void servesTheClientBundle() throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url() + "/socket.io/socket.io.min.js")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/javascript"));
        assertThat(r.body()).isEqualTo(Files.readAllBytes(NodeFixture.clientBundle()));
    }
}
