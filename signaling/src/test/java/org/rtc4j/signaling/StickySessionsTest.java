package org.rtc4j.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtc4j.signaling.engineio.EngineCookie;
import org.rtc4j.signaling.engineio.EngineOptions;
import org.rtc4j.signaling.server.SocketIoServer;
import org.rtc4j.signaling.socketio.SioCodec;

/**
 * Three signaling nodes behind a real HAProxy (Debian's) that routes on the Engine.IO cookie, as
 * the Socket.IO docs set it up: stock socket.io-clients on long-polling only keep every request
 * of their session on one node. Without the cookie option the same clients fail, which is why
 * it exists; and a node asked about another node's sid answers 400 "Session ID unknown".
 */
class StickySessionsTest {
    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    private static final int CLIENTS = 6;

    @TempDir
    Path dir;

    @BeforeAll
    static void npm() throws Exception {
        NodeFixture.install();
        assertThat(HAPROXY).as(".ci/run installs haproxy").isExecutable();
    }

    @Test
    void cookieStickyProxyKeepsPollingClientsOnTheirNode() throws Exception {
        List<SocketIoServer> nodes = nodes(EngineOptions.defaults().withCookie(EngineCookie.defaults()));
        try (Proxy proxy = new Proxy(dir, nodes)) {
            Set<String> used = new HashSet<>();
            for (JsonNode r : clients(proxy.port)) {
                assertThat(r.has("error")).as("client error: %s", r).isFalse();
                assertThat(r.get("transport").asText()).isEqualTo("polling");
                Set<String> seen = new HashSet<>();
                r.get("nodes").forEach(n -> seen.add(n.asText()));
                assertThat(seen).as("every request of one session on one node: %s", r).hasSize(1);
                used.addAll(seen);
            }
            // round robin spread the sessions, so stickiness was needed, not luck
            assertThat(used).hasSize(3);
        } finally {
            nodes.forEach(SocketIoServer::close);
        }
    }

    @Test
    void withoutTheCookieThePollingClientsLoseTheirSessions() throws Exception {
        List<SocketIoServer> nodes = nodes(EngineOptions.defaults());
        try (Proxy proxy = new Proxy(dir, nodes)) {
            for (JsonNode r : clients(proxy.port)) {
                assertThat(r.has("error")).as("a client that got through: %s", r).isTrue();
            }
            // what each of them met: a node that does not know the session
            RawClient a = new RawClient(nodes.get(0).port());
            String sid = a.handshake();
            var onB = new RawClient(nodes.get(1).port()).get("EIO=4&transport=polling&sid=" + sid);
            assertThat(onB.statusCode()).isEqualTo(400);
            assertThat(onB.body()).contains("Session ID unknown");
        } finally {
            nodes.forEach(SocketIoServer::close);
        }
    }

    private static List<SocketIoServer> nodes(EngineOptions o) {
        List<SocketIoServer> out = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String name = "n" + i;
            SocketIoServer s = SocketIoServer.builder().engineOptions(o).build().start();
            s.on("connection", socket -> socket.on("node", (args, ack) -> ack.send(name)));
            out.add(s);
        }
        return out;
    }

    /** Runs the clients one after another, so round robin hands each a different first node. */
    private static List<JsonNode> clients(int proxyPort) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            try (NodeFixture.Run r = new NodeFixture.Run("sio-client.js", "http://127.0.0.1:" + proxyPort, "sticky")) {
                out.add(SioCodec.MAPPER.readTree(r.next(30)));
            }
        }
        return out;
    }

    /** HAProxy in the foreground, round robin over the nodes, routing on the {@code io} cookie. */
    private static final class Proxy implements AutoCloseable {
        final int port;
        final Process process;
        final Path log;

        Proxy(Path dir, List<SocketIoServer> nodes) throws Exception {
            port = freePort();
            StringBuilder cfg = new StringBuilder("""
                    global
                        maxconn 256
                    defaults
                        mode http
                        timeout connect 5s
                        timeout client 60s
                        timeout server 60s
                    frontend signaling
                        bind 127.0.0.1:%d
                        default_backend nodes
                    backend nodes
                        balance roundrobin
                        # the Socket.IO docs' setup: HAProxy prefixes the node to the io cookie the
                        # server sets on the handshake, and strips it on the way back
                        cookie io prefix indirect nocache
                    """.formatted(port));
            for (int i = 0; i < nodes.size(); i++) {
                cfg.append("    server n").append(i + 1).append(" 127.0.0.1:").append(nodes.get(i).port())
                        .append(" cookie n").append(i + 1).append('\n');
            }
            Path file = dir.resolve("haproxy.cfg");
            Files.writeString(file, cfg, StandardCharsets.UTF_8);
            log = dir.resolve("haproxy.log");
            process = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", file.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!listening(port)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("haproxy did not start: " + Files.readString(log));
                }
                Thread.sleep(50);
            }
        }

        private static boolean listening(int port) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
                return s.getLocalPort();
            }
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
