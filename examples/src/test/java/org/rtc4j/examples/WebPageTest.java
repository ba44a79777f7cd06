package org.rtc4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web demo page served by {@code rtc4j signal-server}, in headless Chromium, against CLI
 * peers. Runs in the tests' own network namespace (Chromium gathers only on the default route's
 * interface there, so the CLI peers bind that address).
 */
class WebPageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static CliRun server;
    private static String url;
    private static HttpServer reports;
    private static final LinkedBlockingQueue<JsonNode> REPORTED = new LinkedBlockingQueue<>();

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Browser.available(), "needs root (own network namespace) and /usr/bin/chromium");
        // A bare server: the page loads the socket.io client rtc4j-signaling carries, no npm install.
        server = CliRun.start("signal-server", "--port", "0", "--json");
        url = server.awaitEvent("listening").path("url").asText();
        reports = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        reports.createContext("/", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(204, -1);
            ex.close();
            REPORTED.add(JSON.readTree(body));
        });
        reports.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (reports != null) {
            reports.stop(0);
        }
    }

    @Test
    void thePageAndItsBundleAreServed() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>rtc4j web demo</title>").contains("/socket.io/socket.io.min.js");
        HttpResponse<String> bundle = http.send(HttpRequest.newBuilder(URI.create(url + "/socket.io/socket.io.min.js"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.body()).contains("Socket.IO");
    }

    @Test
    void aMessageRoundTripsThroughAnEchoPeer() throws Exception {
        try (CliRun echo = CliRun.start(peer("echo", "web-echo"))) {
            String echoId = echo.awaitEvent("joined").path("id").asText();
            try (Browser page = new Browser(pageUrl("web-echo", "&say=hello%20from%20chromium"))) {
                JsonNode back = await(n -> n.path("event").asText().equals("message"));
                assertThat(back.path("peer").asText()).isEqualTo(echoId);
                assertThat(back.path("text").asText()).isEqualTo("hello from chromium");
                Thread.sleep(500); // let the page render the echoed line
                byte[] png = page.screenshot();
                assertThat(png).startsWith(0x89, 'P', 'N', 'G');
                assertThat(png.length).isGreaterThan(10_000);
                Path shot = Path.of("target/web-demo.png");
                Files.write(shot, png);
            }
            assertThat(echo.interrupt()).isZero();
        }
    }

    @Test
    void aFileFromThePageArrivesAtAReceivePeer() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("in"));
        try (CliRun receive = CliRun.start(peer("receive", "web-files", dir.toString()))) {
            receive.awaitEvent("joined");
            try (Browser page = new Browser(pageUrl("web-files", "&fileSize=3145728&fileName=from-browser.bin"))) {
                JsonNode sent = await(n -> n.path("event").asText().equals("file-sent")
                        || n.path("event").asText().equals("error"));
                assertThat(sent.path("event").asText()).as(sent.toString()).isEqualTo("file-sent");
                assertThat(receive.awaitExit()).as(receive.err.text()).isZero();
                Path got = dir.resolve("from-browser.bin");
                assertThat(Files.size(got)).isEqualTo(3145728);
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                assertThat(HexFormat.of().formatHex(md.digest(Files.readAllBytes(got))))
                        .isEqualTo(sent.path("sha256").asText());
            }
        }
    }

    private static String[] peer(String command, String room, String... more) {
        String[] base = {command, "--signal", url, "--room", room, "--bind", System.getenv("RTC4J_NETNS_ADDRESS"), "--json"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private static String pageUrl(String room, String extra) {
        String report = "http://127.0.0.1:" + reports.getAddress().getPort() + "/";
        return url + "/?auto=1&room=" + room + "&report=" + URLEncoder.encode(report, StandardCharsets.UTF_8) + extra;
    }

    private static JsonNode await(Predicate<JsonNode> p) throws InterruptedException {
        long deadline = System.nanoTime() + Browser.timeout().toNanos();
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < deadline) {
            JsonNode n = REPORTED.poll(1, TimeUnit.SECONDS);
            if (n != null) {
                seen.append(n).append('\n');
                if (p.test(n)) {
                    return n;
                }
            }
        }
        throw new AssertionError("the page did not report in time; it reported:\n" + seen);
    }

}
