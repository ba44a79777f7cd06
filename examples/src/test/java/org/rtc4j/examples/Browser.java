package org.rtc4j.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium on one page for one test (fresh profile, no network extras), with the
 * DevTools port open so the test can take a screenshot.
 */
final class Browser implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final CompletableFuture<Integer> devtoolsPort = new CompletableFuture<>();

    /** Whether the tests run in their own network namespace (see tools/netns/bin/java) with Chromium installed. */
    static boolean available() {
        return System.getenv("RTC4J_NETNS") != null && Files.isExecutable(BINARY);
    }

    Browser(String url) throws IOException {
        profile = Files.createTempDirectory("rtc4j-chromium");
        process = new ProcessBuilder(BINARY.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--user-data-dir=" + profile,
                "--allow-loopback-in-peer-connection", "--disable-features=WebRtcHideLocalIpsWithMdns",
                "--window-size=1100,640", "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1", url)
                .redirectErrorStream(true).start();
        Thread t = new Thread(this::readLog, "chromium-log");
        t.setDaemon(true);
        t.start();
    }

    private void readLog() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                int at = line.indexOf("DevTools listening on ws://127.0.0.1:");
                if (at >= 0) {
                    String rest = line.substring(at + "DevTools listening on ws://127.0.0.1:".length());
                    devtoolsPort.complete(Integer.parseInt(rest.substring(0, rest.indexOf('/'))));
                }
            }
        } catch (IOException e) {
            // the browser went away
        }
    }

    /** A PNG of the page as it is now (DevTools Page.captureScreenshot). */
    byte[] screenshot() throws Exception {
        int port = devtoolsPort.get(30, TimeUnit.SECONDS);
        HttpClient http = HttpClient.newHttpClient();
        JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        String ws = null;
        for (JsonNode t : targets) {
            if ("page".equals(t.path("type").asText())) {
                ws = t.path("webSocketDebuggerUrl").asText();
            }
        }
        CompletableFuture<String> reply = new CompletableFuture<>();
        StringBuilder text = new StringBuilder();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(ws), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    reply.complete(text.toString());
                }
                w.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        socket.sendText("{\"id\":1,\"method\":\"Page.captureScreenshot\",\"params\":{\"format\":\"png\"}}", true);
        JsonNode r = JSON.readTree(reply.get(30, TimeUnit.SECONDS));
        socket.abort();
        return Base64.getDecoder().decode(r.path("result").path("data").asText());
    }

    @Override
    public void close() throws IOException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    static Duration timeout() {
        return Duration.ofSeconds(60);
    }
}
