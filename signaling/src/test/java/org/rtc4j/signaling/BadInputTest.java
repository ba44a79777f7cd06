package org.rtc4j.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rtc4j.signaling.engineio.EngineOptions;
import org.rtc4j.signaling.server.SocketIoServer;

/** Malformed Engine.IO / Socket.IO input closes only the offending connection. */
class BadInputTest {
    @TempDir
    static Path web;
    private SocketIoServer server;
    private RawClient raw;
    private RawClient.Ws bystander;

    @BeforeEach
    void start() throws Exception {
        Files.writeString(web.resolve("index.html"), "<h1>demo</h1>");
        Files.writeString(web.resolve("../secret.txt"), "do not serve");
        server = SocketIoServer.builder().maxAttachments(2).staticDirectory(web).staticClasspath("webroot")
                .engineOptions(EngineOptions.defaults().withMaxHttpBufferSize(10_000)).build().start();
        server.on("connection", s -> s.on("echo", (args, ack) -> ack.send(args.get(0))));
        raw = new RawClient(server.port());
        bystander = connectedWs();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RawClient.Ws connectedWs() throws Exception {
        RawClient.Ws ws = raw.ws("EIO=4&transport=websocket");
        assertThat(ws.next()).startsWith("0{");
        ws.send("40");
        assertThat(ws.next()).startsWith("40{\"sid\"");
        return ws;
    }

    private void assertBystanderAlive() throws Exception {
        bystander.send("421[\"echo\",\"alive\"]");
        assertThat(bystander.nextNonPing()).isEqualTo("431[\"alive\"]");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "9", "x", "", // engine: unknown type, garbage, empty
            "4", "47", "42", "42[", "42{}", "42[]", "42[1", "42\"str\"", "42[\"connect\"]", "42[\"disconnect\"]",
            "42[{}]", "43[\"a\"]", "44{\"message\":\"x\"}", "40{\"sid\":1}", "41[1]", "40", // 40 again: already connected
            "45-[\"a\",{\"_placeholder\":true,\"num\":0}]", "453-[\"a\"]", "45x-[\"a\"]",
            "42[\"a\"] trailing", "42999999999999999999[\"a\"]", "42/nsp-without-comma[\"a\"]",
            "42[\"a\",[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"
    })
    void malformedTextPacketsCloseTheConnection(String packet) throws Exception {
        RawClient.Ws ws = connectedWs();
        ws.send(packet);
        assertThat(ws.closed.get(5, TimeUnit.SECONDS)).isNotNull();
        assertBystanderAlive();
    }

    @Test
    void binaryWithoutAPendingPacketAndWrongPlaceholdersCloseTheConnection() throws Exception {
        RawClient.Ws ws = connectedWs();
        ws.sendBinary(new byte[]{1, 2, 3});
        assertThat(ws.closed.get(5, TimeUnit.SECONDS)).isNotNull();
        RawClient.Ws ws2 = connectedWs();
        ws2.send("451-[\"echo\",{\"_placeholder\":true,\"num\":5}]");
        ws2.sendBinary(new byte[]{1});
        assertThat(ws2.closed.get(5, TimeUnit.SECONDS)).isNotNull();
        RawClient.Ws ws3 = connectedWs();
        ws3.send("451-[\"echo\",1]");
        ws3.send("42[\"text while waiting for attachment\"]");
        assertThat(ws3.closed.get(5, TimeUnit.SECONDS)).isNotNull();
        assertBystanderAlive();
    }

    @Test
    void oversizedWebSocketFrameClosesTheConnection() throws Exception {
        RawClient.Ws ws = connectedWs();
        ws.socket.sendText("42[\"echo\",\"" + "x".repeat(20_000) + "\"]", true);
        assertThat(ws.closed.get(5, TimeUnit.SECONDS)).isNotNull();
        assertBystanderAlive();
    }

    @Test
    void malformedPollingPayloadAnswers400AndClosesThatSession() throws Exception {
        String sid = raw.handshake();
        String q = "EIO=4&transport=polling&sid=" + sid;
        EngineIoProtocolTest.assertError(raw.post(q, "bnot base64!!"), 400, 3, "Bad request");
        EngineIoProtocolTest.assertError(raw.get(q), 400, 1, "Session ID unknown");
        String sid2 = raw.handshake();
        raw.post("EIO=4&transport=polling&sid=" + sid2, "40\u001e42[");
        EngineIoProtocolTest.waitFor(() -> server.engine().sessionCount() == 1);
        assertBystanderAlive();
    }

    @Test
    void connectTimeoutClosesConnectionsThatNeverJoinANamespace() throws Exception {
        server.close();
        server = SocketIoServer.builder().connectTimeout(java.time.Duration.ofMillis(300)).build().start();
        raw = new RawClient(server.port());
        RawClient.Ws ws = raw.ws("EIO=4&transport=websocket");
        assertThat(ws.next()).startsWith("0{");
        assertThat(ws.closed.get(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void staticFilesStayInsideTheirRoot() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + server.port();
        HttpResponse<String> index = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).isEqualTo("<h1>demo</h1>");
        assertThat(index.headers().firstValue("content-type")).contains("text/html; charset=UTF-8");
        for (String p : List.of("/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/nope.html")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + p)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(p).isEqualTo(404);
        }
        HttpResponse<String> cp = http.send(HttpRequest.newBuilder(URI.create(base + "/from-classpath.txt")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(cp.body()).isEqualTo("classpath resource\n");
        assertBystanderAlive();
    }
}
