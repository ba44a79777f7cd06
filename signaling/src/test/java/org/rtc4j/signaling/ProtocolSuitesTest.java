package org.rtc4j.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rtc4j.signaling.engineio.EngineListener;
import org.rtc4j.signaling.engineio.EngineOptions;
import org.rtc4j.signaling.engineio.EnginePacket;
import org.rtc4j.signaling.engineio.EngineSocket;
import org.rtc4j.signaling.server.EngineIoServer;
import org.rtc4j.signaling.server.SocketIoServer;
import org.rtc4j.signaling.server.SocketIoSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Socket.IO project's own conformance suites (mocha, in src/test/conformance, pinned to the
 * upstream commits named in its README) against servers written on rtc4j's public API and
 * configured as each suite's README asks: every test passes.
 */
class ProtocolSuitesTest {
    private static final Logger LOG = LoggerFactory.getLogger(ProtocolSuitesTest.class);
    private static final Path DIR = Path.of("src", "test", "conformance").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The suites' own settings: heartbeat 300/200 ms, 1 MB payloads, any origin. */
    private static final EngineOptions SUITE_OPTIONS = EngineOptions.defaults()
            .withPing(Duration.ofMillis(300), Duration.ofMillis(200))
            .withMaxHttpBufferSize(1_000_000)
            .withCors(List.of("*"));
    /**
     * One event loop, as the Node reference has: a few tests send two requests at once on two
     * connections (a poll and a close, a WebSocket upgrade and a poll) and expect them handled in
     * the order sent, which one thread reading both sockets keeps, and several threads need not.
     */
    private static final int SUITE_THREADS = 1;
    /**
     * Mocha's retries per test. A few suite tests race timers or two sockets with a margin of a
     * millisecond or two — a poll sent 500 ms after a handshake against a 300 + 200 ms ping
     * timeout, a 400 awaited on one connection while "3probe" is in flight on another — and the
     * Node reference loses those races now and then as well. Retried passes are logged.
     */
    private static final int RETRIES = 2;
    private static final int MAX_RETRIED = 2;

    @Test
    void engineIoProtocolSuitePasses() throws Exception {
        EngineListener echo = new EngineListener() {
            @Override
            public void onOpen(EngineSocket socket) {
            }

            @Override
            public void onMessage(EngineSocket socket, String text) {
                socket.send(EnginePacket.message(text));
            }

            @Override
            public void onMessage(EngineSocket socket, byte[] data) {
                socket.send(EnginePacket.message(data));
            }

            @Override
            public void onClose(EngineSocket socket, String reason) {
            }
        };
        try (EngineIoServer server = EngineIoServer.builder().engineOptions(SUITE_OPTIONS).listener(echo)
                .threads(SUITE_THREADS).build().start()) {
            JsonNode stats = runSuite("engine.io-protocol",
                    "1d13901dd6ee1ba9b70a5c5c8a19ff5da397eb0aa40ec892e813b9ff7ad6edf8", server.port());
            assertThat(stats.path("tests").asInt()).isEqualTo(24);
        }
    }

    @Test
    void socketIoProtocolSuitePasses() throws Exception {
        try (SocketIoServer server = SocketIoServer.builder().engineOptions(SUITE_OPTIONS)
                .connectTimeout(Duration.ofSeconds(1)).threads(SUITE_THREADS).build().start()) {
            server.on("connection", (SocketIoSocket socket) -> {
                socket.emit("auth", socket.handshake().auth());
                socket.on("message", (args, ack) -> socket.emit("message-back", all(args)));
                socket.on("message-with-ack", (args, ack) -> ack.send(all(args)));
            });
            server.of("/custom").on("connection", (SocketIoSocket socket) -> socket.emit("auth", socket.handshake().auth()));
            JsonNode stats = runSuite("socket.io-protocol",
                    "9fc4abce7be55bcd8741a2c62d242f3eb85560d2b669c15f2fdd8abea9a0c30d", server.port());
            assertThat(stats.path("tests").asInt()).isEqualTo(32);
        }
    }

    private static Object[] all(Iterable<JsonNode> args) {
        List<Object> out = new ArrayList<>();
        args.forEach(out::add);
        return out.toArray();
    }

    /**
     * Runs one suite with mocha's JSON reporter against a server on {@code port} and fails with
     * every failing test's title and message unless all pass; returns mocha's stats.
     */
    private static JsonNode runSuite(String name, String sha256, int port) throws Exception {
        Path dir = DIR.resolve(name);
        Path suite = dir.resolve("test-suite.js");
        // The suite as upstream wrote it, byte for byte; only its fixed URL is pointed at our port.
        String source = Files.readString(suite, StandardCharsets.UTF_8);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                source.getBytes(StandardCharsets.UTF_8)))).as("%s is the pinned upstream file", suite).isEqualTo(sha256);
        String fixedUrl = "const URL = \"http://localhost:3000\";";
        assertThat(source).contains(fixedUrl);
        Path run = dir.resolve("test-suite.run.js");
        Files.writeString(run, source.replace(fixedUrl, "const URL = \"http://127.0.0.1:" + port + "\";"),
                StandardCharsets.UTF_8);
        install(dir);
        Path out = Files.createTempFile("rtc4j-" + name, ".json");
        Path err = Files.createTempFile("rtc4j-" + name, ".log");
        Process p = new ProcessBuilder("node", "node_modules/mocha/bin/mocha", "--reporter", "json",
                "--reporter-option", "output=" + out, "--retries", String.valueOf(RETRIES), run.getFileName().toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(err.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(name + ": mocha did not finish in 5 minutes: " + Files.readString(err));
        }
        String report = Files.size(out) > 0 ? Files.readString(out, StandardCharsets.UTF_8) : "";
        if (report.isEmpty()) {
            throw new AssertionError(name + ": mocha wrote no report (exit " + p.exitValue() + "): "
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        JsonNode r = JSON.readTree(report);
        JsonNode stats = r.path("stats");
        List<String> failures = new ArrayList<>();
        for (JsonNode f : r.path("failures")) {
            failures.add(f.path("fullTitle").asText() + ": " + f.path("err").path("message").asText());
        }
        List<String> retried = new ArrayList<>();
        for (JsonNode t : r.path("passes")) {
            if (t.path("currentRetry").asInt() > 0) {
                retried.add(t.path("fullTitle").asText() + " (passed on retry " + t.path("currentRetry").asInt() + ")");
            }
        }
        LOG.info("{} suite: {} tests, {} passed, {} failed, {} pending in {} ms; retried: {}", name,
                stats.path("tests").asInt(), stats.path("passes").asInt(), stats.path("failures").asInt(),
                stats.path("pending").asInt(), stats.path("duration").asLong(), retried);
        assertThat(failures).as(name + " failures").isEmpty();
        // A race in a test shows up once in a while; a behaviour of the server, every time.
        assertThat(retried).as(name + " tests that passed only on a retry").hasSizeLessThanOrEqualTo(MAX_RETRIED);
        assertThat(stats.path("pending").asInt()).isZero();
        assertThat(stats.path("passes").asInt()).isEqualTo(stats.path("tests").asInt());
        return stats;
    }

    private static synchronized void install(Path dir) throws IOException, InterruptedException {
        if (Files.isDirectory(dir.resolve("node_modules/mocha"))) {
            return;
        }
        File log = new File(System.getProperty("java.io.tmpdir"), "rtc4j-npm-ci-" + dir.getFileName() + ".log");
        Process p = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log).start();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("npm ci failed in " + dir + ": " + Files.readString(log.toPath()));
        }
    }
}
