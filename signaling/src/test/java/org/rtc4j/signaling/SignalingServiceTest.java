package org.rtc4j.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rtc4j.signaling.client.SocketIoClient;
import org.rtc4j.signaling.server.SocketIoServer;
import org.rtc4j.signaling.service.SignalingOptions;
import org.rtc4j.signaling.service.SignalingService;
import org.rtc4j.signaling.service.SignalingTokens;
import org.rtc4j.signaling.socketio.ConnectError;

class SignalingServiceTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef-secret";
    private SocketIoServer server;
    private final List<SocketIoClient> clients = new ArrayList<>();

    private void start(SignalingOptions o) {
        server = SocketIoServer.builder().build().start();
        SignalingService.install(server, o);
    }

    @AfterEach
    void stop() {
        clients.forEach(SocketIoClient::close);
        if (server != null) {
            server.close();
        }
    }

    private SocketIoClient peer(String token) throws Exception {
        SocketIoClient c = SocketIoClient.builder(URI.create("http://127.0.0.1:" + server.port()))
                .auth(token == null ? null : Map.of("token", token)).reconnection(false).build();
        clients.add(c);
        c.connect().get(5, TimeUnit.SECONDS);
        return c;
    }

    private static JsonNode call(SocketIoClient c, String event, Object arg) throws Exception {
        return c.emitWithAck(Duration.ofSeconds(5), event, arg).get(5, TimeUnit.SECONDS).get(0);
    }

    @Test
    void joinSignalAndLeaveFollowTheContract() throws Exception {
        start(SignalingOptions.defaults());
        SocketIoClient a = peer(null);
        SocketIoClient b = peer(null);
        SocketIoClient outsider = peer(null);
        BlockingQueue<String> aEvents = new LinkedBlockingQueue<>();
        a.on("peer-joined", (args, ack) -> aEvents.add("joined:" + args.get(0).get("id").asText()));
        a.on("peer-left", (args, ack) -> aEvents.add("left:" + args.get(0).get("id").asText()));
        a.on("signal", (args, ack) -> aEvents.add("signal:" + args.get(0)));
        JsonNode ja = call(a, "join", Map.of("room", "r"));
        assertThat(ja.get("id").asText()).isEqualTo(a.id());
        assertThat(ja.get("peers").size()).isZero();
        JsonNode jb = call(b, "join", Map.of("room", "r"));
        assertThat(jb.get("peers").toString()).isEqualTo("[\"" + a.id() + "\"]");
        assertThat(aEvents.poll(5, TimeUnit.SECONDS)).isEqualTo("joined:" + b.id());

        Map<String, Object> offer = new java.util.LinkedHashMap<>();
        offer.put("type", "offer");
        offer.put("sdp", "v=0\r\n");
        assertThat(call(b, "signal", Map.of("to", a.id(), "data", offer)).has("error")).isFalse();
        assertThat(aEvents.poll(5, TimeUnit.SECONDS))
                .isEqualTo("signal:{\"from\":\"" + b.id() + "\",\"data\":{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\"}}");
        // a candidate and the end-of-candidates marker travel too
        java.util.Map<String, Object> endOfCandidates = new java.util.HashMap<>();
        endOfCandidates.put("candidate", null);
        call(b, "signal", Map.of("to", a.id(), "data", endOfCandidates));
        assertThat(aEvents.poll(5, TimeUnit.SECONDS)).endsWith("\"data\":{\"candidate\":null}}");

        // no shared room: refused, nothing relayed
        assertThat(call(outsider, "signal", Map.of("to", a.id(), "data", offer)).get("error").asText())
                .contains("not in a room with you");
        assertThat(call(b, "signal", Map.of("to", "nobody", "data", offer)).get("error").asText())
                .contains("not in a room with you");
        // joining someone's id room does not grant a relay
        assertThat(call(outsider, "join", Map.of("room", a.id())).get("error").asText()).contains("reserved");

        call(b, "leave", Map.of("room", "r"));
        assertThat(aEvents.poll(5, TimeUnit.SECONDS)).isEqualTo("left:" + b.id());
        assertThat(call(b, "signal", Map.of("to", a.id(), "data", offer)).get("error").asText())
                .contains("not in a room with you");
        call(b, "join", Map.of("room", "r"));
        assertThat(aEvents.poll(5, TimeUnit.SECONDS)).isEqualTo("joined:" + b.id());
        String bId = b.id();
        b.close();
        assertThat(aEvents.poll(5, TimeUnit.SECONDS)).isEqualTo("left:" + bId);
        assertThat(aEvents).isEmpty();
    }

    @Test
    void malformedRequestsAreAnsweredWithErrors() throws Exception {
        start(SignalingOptions.defaults());
        SocketIoClient a = peer(null);
        assertThat(call(a, "join", Map.of("nope", 1)).get("error").asText()).contains("join needs {room}");
        assertThat(call(a, "join", Map.of("room", "x".repeat(500))).has("error")).isTrue();
        assertThat(call(a, "signal", "just a string").get("error").asText()).contains("signal needs {to, data}");
        assertThat(call(a, "join", Map.of("room", "ok")).get("id").asText()).isEqualTo(a.id());
    }

    @Test
    void tokensAreCheckedOnConnectAndRestrictRooms() throws Exception {
        start(SignalingOptions.defaults().withSecret(SECRET));
        SignalingTokens tokens = new SignalingTokens(SECRET);
        SocketIoClient ok = peer(tokens.mint(List.of("allowed"), Duration.ofMinutes(5)));
        assertThat(call(ok, "join", Map.of("room", "allowed")).get("id").asText()).isEqualTo(ok.id());
        assertThat(call(ok, "join", Map.of("room", "other")).get("error").asText())
                .isEqualTo("room 'other' is not allowed by your token");

        assertRefused(null, "authentication failed: token missing");
        assertRefused(new SignalingTokens("some-other-secret-some-other-secret!").mint(List.of("allowed"),
                Duration.ofMinutes(5)), "authentication failed: invalid token signature");
        SignalingTokens past = new SignalingTokens(SECRET,
                Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC));
        assertRefused(past.mint(List.of("allowed"), Duration.ofMinutes(5)), "authentication failed: token expired");
        assertRefused("garbage", "authentication failed: malformed token");
    }

    private void assertRefused(String token, String message) {
        SocketIoClient c = SocketIoClient.builder(URI.create("http://127.0.0.1:" + server.port()))
                .auth(token == null ? Map.of() : Map.of("token", token)).reconnection(false).build();
        clients.add(c);
        assertThatThrownBy(() -> c.connect().get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(ConnectError.class)
                .cause().hasMessage(message);
    }

    @Test
    void weakSecretsAreRejected() {
        assertThatThrownBy(() -> new SignalingTokens("short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void oversizedSignalsAndFloodsGetErrorsNotCrashes() throws Exception {
        start(SignalingOptions.defaults().withRate(1, 10));
        SocketIoClient a = peer(null);
        SocketIoClient b = peer(null);
        call(a, "join", Map.of("room", "r"));
        call(b, "join", Map.of("room", "r"));
        String hugeSdp = "v=0\r\n" + "a=x\r\n".repeat(70 * 1024 / 5);
        assertThat(call(b, "signal", Map.of("to", a.id(), "data", Map.of("type", "offer", "sdp", hugeSdp)))
                .get("error").asText()).startsWith("signal data too large");
        String bigButFine = "v=0\r\n" + "a=x\r\n".repeat(60 * 1024 / 5);
        assertThat(call(b, "signal", Map.of("to", a.id(), "data", Map.of("type", "offer", "sdp", bigButFine)))
                .has("error")).isFalse();
        int limited = 0;
        for (int i = 0; i < 30; i++) {
            JsonNode r = call(b, "signal", Map.of("to", a.id(), "data", Map.of("candidate", Map.of("candidate", "c" + i))));
            if (r.has("error")) {
                assertThat(r.get("error").asText()).isEqualTo("rate limit exceeded");
                limited++;
            }
        }
        assertThat(limited).isPositive();
        assertThat(b.connected()).isTrue();
        assertThat(server.of("/").sockets()).hasSize(2);
    }
}
