package org.rtc4j.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rtc4j.signaling.engineio.EngineCookie;
import org.rtc4j.signaling.engineio.EngineOptions;
import org.rtc4j.signaling.server.SocketIoServer;
import org.rtc4j.signaling.socketio.SioCodec;

class EngineIoProtocolTest {
    private SocketIoServer server;

    private RawClient start(EngineOptions o) {
        server = SocketIoServer.builder().engineOptions(o).build().start();
        server.on("connection", s -> {
            s.on("echo", (args, ack) -> ack.send(args.get(0)));
        });
        return new RawClient(server.port());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void pollingHandshakeAnnouncesSessionAndLimits() throws Exception {
        RawClient c = start(EngineOptions.defaults());
        HttpResponse<String> r = c.get("EIO=4&transport=polling");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("0{");
        JsonNode open = SioCodec.MAPPER.readTree(r.body().substring(1));
        assertThat(open.get("sid").asText()).hasSize(20);
        assertThat(open.get("upgrades").toString()).isEqualTo("[\"websocket\"]");
        assertThat(open.get("pingInterval").asInt()).isEqualTo(25000);
        assertThat(open.get("pingTimeout").asInt()).isEqualTo(20000);
        assertThat(open.get("maxPayload").asInt()).isEqualTo(1000000);
    }

    @Test
    void protocolErrorsGetTheirCodes() throws Exception {
        RawClient c = start(EngineOptions.defaults().withAllowRequest(r -> !"no".equals(r.param("x"))));
        assertError(c.get("EIO=4&transport=carrier-pigeon"), 400, 0, "Transport unknown");
        assertError(c.get("EIO=4&transport=polling&sid=nope"), 400, 1, "Session ID unknown");
        assertError(c.post("EIO=4&transport=polling", "40"), 400, 2, "Bad handshake method");
        assertError(c.get("EIO=3&transport=polling"), 400, 5, "Unsupported protocol version");
        assertError(c.get("transport=polling"), 400, 5, "Unsupported protocol version");
        assertError(c.get("EIO=4&transport=polling&x=no"), 403, 4, "Forbidden");
        assertError(c.get("EIO=4&transport=websocket"), 400, 3, "Bad request");
    }

    @Test
    void pollingCarriesPayloadsWithSeparatorAndBase64Binary() throws Exception {
        RawClient c = start(EngineOptions.defaults());
        String sid = c.handshake();
        String q = "EIO=4&transport=polling&sid=" + sid;
        assertThat(c.post(q, "40\u001e421[\"echo\",\"hi\"]").body()).isEqualTo("ok");
        String got = pollUntil(c, q, "431");
        assertThat(got).contains("40{\"sid\":\"").contains("431[\"hi\"]");
        assertThat(c.post(q, "451-1[\"echo\",{\"_placeholder\":true,\"num\":0}]\u001ebAQID").body()).isEqualTo("ok");
        assertThat(pollUntil(c, q, "461-"))
                .isEqualTo("461-1[{\"_placeholder\":true,\"num\":0}]\u001ebAQID");
    }

    @Test
    void oversizedBodyIs413() throws Exception {
        RawClient c = start(EngineOptions.defaults().withMaxHttpBufferSize(1000));
        String sid = c.handshake();
        HttpResponse<String> r = c.post("EIO=4&transport=polling&sid=" + sid, "4" + "x".repeat(5000));
        assertThat(r.statusCode()).isEqualTo(413);
        // the server still works for others
        assertThat(c.get("EIO=4&transport=polling").statusCode()).isEqualTo(200);
    }

    @Test
    void secondConcurrentPollClosesTheSession() throws Exception {
        RawClient c = start(EngineOptions.defaults());
        String sid = c.handshake();
        String q = "EIO=4&transport=polling&sid=" + sid;
        c.post(q, "40");
        c.get(q); // the CONNECT reply
        CompletableFuture<HttpResponse<String>> first = c.getAsync(q);
        Thread.sleep(300);
        CompletableFuture<HttpResponse<String>> second = c.getAsync(q);
        // whichever arrived second is refused; the held one is released with a close packet
        List<HttpResponse<String>> both = List.of(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS));
        HttpResponse<String> refused = both.stream().filter(r -> r.statusCode() == 400).findFirst().orElseThrow();
        HttpResponse<String> released = both.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
        assertError(refused, 400, 3, "Bad request");
        assertThat(released.body()).isEqualTo("1");
        assertError(c.get(q), 400, 1, "Session ID unknown");
    }

    @Test
    void theCookieOptionSetsTheSidCookieOnBothHandshakesAndNothingWithoutIt() throws Exception {
        RawClient plain = start(EngineOptions.defaults());
        assertThat(plain.get("EIO=4&transport=polling").headers().firstValue("set-cookie")).isEmpty();
        server.close();

        RawClient c = start(EngineOptions.defaults().withCookie(EngineCookie.defaults()));
        HttpResponse<String> open = c.get("EIO=4&transport=polling");
        String sid = open.body().substring(open.body().indexOf("\"sid\":\"") + 7, open.body().indexOf("\",\"upgrades"));
        assertThat(open.headers().allValues("set-cookie")).containsExactly("io=" + sid + "; Path=/; HttpOnly; SameSite=Lax");
        // later requests of the session carry no new cookie
        assertThat(c.post("EIO=4&transport=polling&sid=" + sid, "40").headers().firstValue("set-cookie")).isEmpty();
        // a session that opens on WebSocket gets it on the 101 (java.net.http hides those headers)
        try (java.net.Socket raw = new java.net.Socket("127.0.0.1", server.port())) {
            raw.getOutputStream().write(("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            raw.setSoTimeout(5000);
            java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(raw.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII));
            List<String> head = new java.util.ArrayList<>();
            for (String l = r.readLine(); l != null && !l.isEmpty(); l = r.readLine()) {
                head.add(l);
            }
            assertThat(head.get(0)).startsWith("HTTP/1.1 101");
            assertThat(head).anySatisfy(h -> assertThat(h).matches("(?i)set-cookie: io=[\\w-]+; Path=/; HttpOnly; SameSite=Lax"));
        }
        assertThatThrownBy(() -> new EngineCookie("io", "/", true, "None", false)).hasMessageContaining("Secure");
        assertThatThrownBy(() -> new EngineCookie("i;o", "/", true, "Lax", false)).hasMessageContaining("token");
        assertThatThrownBy(() -> new EngineCookie("io", "/a;b", true, "Lax", false)).hasMessageContaining("path");
        assertThat(new EngineCookie("sid", "/app", false, "None", true).header("x_y-1"))
                .isEqualTo("sid=x_y-1; Path=/app; Secure; SameSite=None");
    }

    @Test
    void aCloseThePollingClientPostsReleasesItsHeldPollWithANoop() throws Exception {
        RawClient c = start(EngineOptions.defaults());
        String sid = c.handshake();
        String q = "EIO=4&transport=polling&sid=" + sid;
        CompletableFuture<HttpResponse<String>> held = c.getAsync(q);
        Thread.sleep(300);
        assertThat(c.post(q, "1").body()).isEqualTo("ok");
        // the reference polling transport answers the waiting GET with noop: the client closed,
        // so it is not told "close"
        assertThat(held.get(5, TimeUnit.SECONDS).body()).isEqualTo("6");
        assertError(c.get(q), 400, 1, "Session ID unknown");
    }

    @Test
    void upgradeProbeNoopAndPollAfterUpgradeIsRefused() throws Exception {
        RawClient c = start(EngineOptions.defaults());
        String sid = c.handshake();
        String q = "EIO=4&transport=polling&sid=" + sid;
        c.post(q, "40");
        assertThat(c.get(q).body()).startsWith("40{");
        CompletableFuture<HttpResponse<String>> pending = c.getAsync(q);
        Thread.sleep(200);
        RawClient.Ws ws = c.ws("EIO=4&transport=websocket&sid=" + sid);
        ws.send("2probe");
        assertThat(ws.next()).isEqualTo("3probe");
        assertThat(pending.get(5, TimeUnit.SECONDS).body()).isEqualTo("6");
        ws.send("5");
        ws.send("421[\"echo\",\"over ws\"]");
        assertThat(ws.nextNonPing()).isEqualTo("431[\"over ws\"]");
        assertError(c.get(q), 400, 3, "Bad request");
        assertError(c.post(q, "6"), 400, 3, "Bad request");
        // a second websocket for the same session: as the reference server, the handshake
        // completes and the server closes it at once, with nothing sent on it
        RawClient.Ws again = c.ws("EIO=4&transport=websocket&sid=" + sid);
        // 1005: a close frame without a status code, as ws' close() sends
        assertThat(again.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1005);
        assertThat(again.in).isEmpty();
        ws.send("422[\"echo\",\"still\"]");
        assertThat(ws.nextNonPing()).isEqualTo("432[\"still\"]");
    }

    @Test
    void websocketOnlyOpensWithoutUpgradesAndBinaryFramesAreRaw() throws Exception {
        RawClient c = start(EngineOptions.defaults());
        RawClient.Ws ws = c.ws("EIO=4&transport=websocket");
        String open = ws.next();
        assertThat(open).startsWith("0{").contains("\"upgrades\":[]");
        ws.send("40");
        assertThat(ws.next()).startsWith("40{\"sid\":");
        ws.send("451-7[\"echo\",{\"_placeholder\":true,\"num\":0}]");
        ws.sendBinary(new byte[]{9, 8, 7});
        assertThat(ws.next()).isEqualTo("461-7[{\"_placeholder\":true,\"num\":0}]");
        assertThat(ws.next()).isEqualTo("<bin:3>");
    }

    @Test
    void corsHeadersOnlyForConfiguredOrigins() throws Exception {
        RawClient c = start(EngineOptions.defaults().withCors(List.of("http://app.example")));
        var ok = c.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(c.base + "?EIO=4&transport=polling"))
                .header("Origin", "http://app.example").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.headers().firstValue("access-control-allow-origin")).contains("http://app.example");
        assertThat(ok.headers().firstValue("access-control-allow-credentials")).contains("true");
        var other = c.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(c.base + "?EIO=4&transport=polling"))
                .header("Origin", "http://evil.example").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(other.headers().firstValue("access-control-allow-origin")).isEmpty();
        var pre = c.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(c.base + "?EIO=4&transport=polling"))
                .header("Origin", "http://app.example").header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(pre.statusCode()).isEqualTo(204);
        assertThat(pre.headers().firstValue("access-control-allow-headers")).contains("content-type");
    }

    @Test
    void clientThatStopsAnsweringPingsIsDroppedWhileAnAnsweringOneStays() throws Exception {
        RawClient c = start(EngineOptions.defaults().withPing(Duration.ofMillis(400), Duration.ofMillis(1500)));
        RawClient.Ws silent = c.ws("EIO=4&transport=websocket");
        RawClient.Ws alive = c.ws("EIO=4&transport=websocket");
        assertThat(silent.next()).startsWith("0{");
        assertThat(alive.next()).startsWith("0{");
        assertThat(silent.next()).isEqualTo("2");
        long start = System.nanoTime();
        // keep the second one answering for three heartbeats
        for (int i = 0; i < 3; i++) {
            assertThat(alive.next()).isEqualTo("2");
            alive.send("3");
        }
        assertThat(silent.closed.get(5, TimeUnit.SECONDS)).isNotNull();
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(alive.closed).isNotDone();
        // The client sees the close frame before the server's loop has removed the session (a
        // fresh-machine run read 2 here): wait for the removal, bounded.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.engine().sessionCount() != 1 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(server.engine().sessionCount()).isEqualTo(1);
        System.out.println("silent client dropped " + ms + " ms after the unanswered ping (pingTimeout 1500 ms)");
    }

    @Test
    void vanishedClientsAreDetectedByTheHeartbeat() throws Exception {
        RawClient c = start(EngineOptions.defaults().withPing(Duration.ofMillis(400), Duration.ofMillis(1500)));
        // a polling client that never polls again
        c.handshake();
        // a WebSocket whose peer neither reads nor closes
        try (Socket raw = new Socket("127.0.0.1", server.port())) {
            OutputStream out = raw.getOutputStream();
            out.write(("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            waitFor(() -> server.engine().sessionCount() == 2);
            waitFor(() -> server.engine().sessionCount() == 0);
        }
        assertThat(server.engine().sessionCount()).isZero();
    }

    private String pollUntil(RawClient c, String q, String marker) throws Exception {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 5 && !all.toString().contains(marker); i++) {
            String b = c.get(q).body();
            if (all.length() > 0) {
                all.append('\u001e');
            }
            all.append(b);
        }
        return all.toString();
    }

    static void assertError(HttpResponse<String> r, int status, int code, String message) {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.body()).isEqualTo("{\"code\":" + code + ",\"message\":\"" + message + "\"}");
        assertThat(r.headers().firstValue("content-type")).contains("application/json");
    }

    static void waitFor(BooleanSupplier cond) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met in 10 s");
            }
            Thread.sleep(20);
        }
    }
}
