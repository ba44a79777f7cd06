package org.rtc4j.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rtc4j.signaling.client.SocketIoClient;
import org.rtc4j.signaling.server.SocketIoServer;
import org.rtc4j.signaling.server.SocketIoSocket;
import org.rtc4j.signaling.socketio.AckTimeoutException;
import org.rtc4j.signaling.socketio.Args;
import org.rtc4j.signaling.socketio.ConnectError;

class JavaClientServerTest {
    private SocketIoServer server;
    private final List<SocketIoClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        server = SocketIoServer.builder().build().start();
    }

    @AfterEach
    void stop() {
        clients.forEach(SocketIoClient::close);
        server.close();
    }

    private SocketIoClient client(String nsp, Object auth) {
        SocketIoClient c = SocketIoClient.builder(URI.create("http://127.0.0.1:" + server.port()))
                .namespace(nsp).auth(auth).reconnection(false).build();
        clients.add(c);
        return c;
    }

    private SocketIoClient connected(String nsp) throws Exception {
        SocketIoClient c = client(nsp, null);
        c.connect().get(5, TimeUnit.SECONDS);
        return c;
    }

    @Test
    void eventsAndAcksBothWaysWithAuthVisibleToMiddlewareAndHandlers() throws Exception {
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        server.use((socket, next) -> {
            seen.add("mw:" + socket.handshake().auth().path("user").asText());
            next.proceed();
        });
        server.on("connection", socket -> {
            seen.add("conn:" + socket.handshake().auth().path("user").asText());
            socket.on("add", (args, ack) -> ack.send(args.get(0).asInt() + args.get(1).asInt()));
            socket.on("ask", (args, ack) -> socket.emitWithAck(Duration.ofSeconds(5), "question", "q?")
                    .thenAccept(a -> ack.send("client said " + a.text(0))));
        });
        SocketIoClient c = client("/", Map.of("user", "ann"));
        c.on("question", (args, ack) -> ack.send("yes to " + args.text(0)));
        String id = c.connect().get(5, TimeUnit.SECONDS);
        assertThat(id).isNotBlank().isEqualTo(c.id());
        assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo("mw:ann");
        assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo("conn:ann");
        assertThat(c.emitWithAck(Duration.ofSeconds(5), "add", 2, 3).get(5, TimeUnit.SECONDS).get(0).asInt()).isEqualTo(5);
        assertThat(c.emitWithAck(Duration.ofSeconds(5), "ask").get(5, TimeUnit.SECONDS).text(0))
                .isEqualTo("client said yes to q?");
    }

    @Test
    void binaryEventsAndAcksKeepTheirBytesAndStructure() throws Exception {
        server.on("connection", socket -> socket.on("bin", (args, ack) -> {
            byte[] b = args.bytes(0);
            byte[] nested = Base.bytes(args.get(1).get("inner"));
            byte[] rev = new byte[b.length];
            for (int i = 0; i < b.length; i++) {
                rev[i] = b[b.length - 1 - i];
            }
            ack.send(rev, Map.of("n", nested.length, "echo", nested));
        }));
        SocketIoClient c = connected("/");
        byte[] payload = new byte[]{1, 2, 3, 0, (byte) 255};
        Args a = c.emitWithAck(Duration.ofSeconds(5), "bin", payload, Map.of("inner", new byte[300]))
                .get(5, TimeUnit.SECONDS);
        assertThat(a.bytes(0)).containsExactly(255 - 256, 0, 3, 2, 1);
        assertThat(a.get(1).get("n").asInt()).isEqualTo(300);
        assertThat(Base.bytes(a.get(1).get("echo"))).hasSize(300);
    }

    @Test
    void namespacesAreSeparateAndUnknownOnesAreRefused() throws Exception {
        server.of("/chat").on("connection", s -> s.on("who", (args, ack) -> ack.send("chat")));
        server.on("connection", s -> s.on("who", (args, ack) -> ack.send("main")));
        SocketIoClient main = connected("/");
        SocketIoClient chat = connected("/chat");
        assertThat(main.emitWithAck(Duration.ofSeconds(5), "who").get(5, TimeUnit.SECONDS).text(0)).isEqualTo("main");
        assertThat(chat.emitWithAck(Duration.ofSeconds(5), "who").get(5, TimeUnit.SECONDS).text(0)).isEqualTo("chat");
        assertThat(server.of("/chat").sockets()).hasSize(1);
        CompletableFuture<String> nope = client("/nope", null).connect();
        assertThatThrownBy(() -> nope.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(ConnectError.class)
                .hasMessageContaining("Invalid namespace");
    }

    @Test
    void middlewareRefusalReachesTheClientWithMessageAndData() throws Exception {
        server.use((socket, next) -> next.fail("not allowed", Map.of("code", 42)));
        BlockingQueue<ConnectError> errors = new LinkedBlockingQueue<>();
        SocketIoClient c = client("/", Map.of("token", "bad"));
        c.onConnectError(errors::add);
        assertThatThrownBy(() -> c.connect().get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(ConnectError.class);
        ConnectError e = errors.poll(5, TimeUnit.SECONDS);
        assertThat(e.getMessage()).isEqualTo("not allowed");
        assertThat(((JsonNode) e.data()).get("code").asInt()).isEqualTo(42);
    }

    @Test
    void broadcastExceptAndMultiRoomUnionReachEachSocketOnce() throws Exception {
        server.on("connection", socket -> {
            socket.on("join", (args, ack) -> {
                for (JsonNode r : args.get(0)) {
                    socket.join(r.asText());
                }
                ack.send(true);
            });
            socket.on("to", (args, ack) -> {
                List<String> to = new ArrayList<>();
                args.get(0).forEach(n -> to.add(n.asText()));
                List<String> ex = new ArrayList<>();
                args.get(1).forEach(n -> ex.add(n.asText()));
                server.to(to.toArray(String[]::new)).except(ex.toArray(String[]::new)).emit("msg", args.get(2));
                ack.send(true);
            });
            socket.on("others", (args, ack) -> {
                socket.broadcast().emit("msg", args.get(0));
                ack.send(true);
            });
        });
        Map<String, BlockingQueue<String>> inbox = new java.util.HashMap<>();
        Map<String, SocketIoClient> cs = new java.util.HashMap<>();
        for (String name : List.of("a", "b", "c", "d")) {
            SocketIoClient c = connected("/");
            BlockingQueue<String> q = new LinkedBlockingQueue<>();
            c.on("msg", (args, ack) -> q.add(args.text(0)));
            inbox.put(name, q);
            cs.put(name, c);
        }
        join(cs.get("a"), "r1", "r2");
        join(cs.get("b"), "r1");
        join(cs.get("c"), "r2", "r3");
        join(cs.get("d"), "r3");
        // union of r1 and r2: a (in both, once), b, c
        cs.get("d").emitWithAck(Duration.ofSeconds(5), "to", List.of("r1", "r2"), List.of(), "u").get(5, TimeUnit.SECONDS);
        // r2 and r3 except r1: c, d (a is excluded by r1)
        cs.get("a").emitWithAck(Duration.ofSeconds(5), "to", List.of("r2", "r3"), List.of("r1"), "x").get(5, TimeUnit.SECONDS);
        // all but the sender
        cs.get("b").emitWithAck(Duration.ofSeconds(5), "others", "o").get(5, TimeUnit.SECONDS);
        // a socket's own id room
        cs.get("a").emitWithAck(Duration.ofSeconds(5), "to", List.of(cs.get("d").id()), List.of(), "id").get(5, TimeUnit.SECONDS);
        EngineIoProtocolTest.waitFor(() -> inbox.get("a").size() >= 2 && inbox.get("b").size() >= 1
                && inbox.get("c").size() >= 3 && inbox.get("d").size() >= 3);
        Thread.sleep(200); // anything extra (a duplicate) would show up by now
        assertThat(drain(inbox.get("a"))).containsExactly("u", "o");
        assertThat(drain(inbox.get("b"))).containsExactly("u");
        assertThat(drain(inbox.get("c"))).containsExactly("u", "x", "o");
        assertThat(drain(inbox.get("d"))).containsExactly("x", "o", "id");
    }

    @Test
    void serverAckTimesOutWhenTheClientNeverAnswers() throws Exception {
        CompletableFuture<SocketIoSocket> sock = new CompletableFuture<>();
        server.on("connection", sock::complete);
        connected("/");
        CompletableFuture<Args> f = sock.get(5, TimeUnit.SECONDS).emitWithAck(Duration.ofMillis(200), "silent");
        assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(AckTimeoutException.class);
    }

    @Test
    void clientAckTimesOutAndBroadcastAckCollectsAnswers() throws Exception {
        server.on("connection", socket -> socket.on("ignored", (args, ack) -> { }));
        SocketIoClient a = connected("/");
        SocketIoClient b = connected("/");
        a.on("poll", (args, ack) -> ack.send("a"));
        b.on("poll", (args, ack) -> ack.send("b"));
        assertThatThrownBy(() -> a.emitWithAck(Duration.ofMillis(200), "ignored").get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(AckTimeoutException.class);
        List<Args> answers = server.of("/").except().emitWithAck(Duration.ofSeconds(5), "poll").get(5, TimeUnit.SECONDS);
        assertThat(answers).extracting(x -> x.text(0)).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void disconnectOfOneNamespaceKeepsTheOthers() throws Exception {
        BlockingQueue<String> reasons = new LinkedBlockingQueue<>();
        server.of("/x").on("connection", s -> s.on("disconnect", (args, ack) -> reasons.add("x:" + args.text(0))));
        server.on("connection", s -> s.on("ping", (args, ack) -> ack.send("pong")));
        SocketIoClient main = connected("/");
        SocketIoClient x = connected("/x");
        x.disconnect();
        assertThat(reasons.poll(5, TimeUnit.SECONDS)).isIn("x:client namespace disconnect", "x:transport close");
        assertThat(main.emitWithAck(Duration.ofSeconds(5), "ping").get(5, TimeUnit.SECONDS).text(0)).isEqualTo("pong");
        // server-side namespace disconnect
        BlockingQueue<String> clientSide = new LinkedBlockingQueue<>();
        main.onDisconnect(clientSide::add);
        server.of("/").sockets().forEach(SocketIoSocket::disconnect);
        assertThat(clientSide.poll(5, TimeUnit.SECONDS)).isEqualTo("io server disconnect");
    }

    @Test
    void clientReconnectsAfterServerRestartAndFlushesBufferedEmits() throws Exception {
        int port = server.port();
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        server.on("connection", s -> s.on("hello", (args, ack) -> got.add(args.text(0))));
        SocketIoClient c = SocketIoClient.builder(URI.create("http://127.0.0.1:" + port))
                .reconnectionDelay(Duration.ofMillis(100)).reconnectionDelayMax(Duration.ofMillis(400)).build();
        clients.add(c);
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        c.onConnect(() -> events.add("connect"));
        c.onDisconnect(r -> events.add("disconnect:" + r));
        c.connect().get(5, TimeUnit.SECONDS);
        assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("connect");
        String firstId = c.id();
        server.close();
        assertThat(events.poll(5, TimeUnit.SECONDS)).startsWith("disconnect:");
        c.emit("hello", "while down");
        server = SocketIoServer.builder().port(port).build().start();
        server.on("connection", s -> s.on("hello", (args, ack) -> got.add(args.text(0))));
        assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("connect");
        assertThat(c.id()).isNotEqualTo(firstId);
        assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo("while down");
    }

    private static void join(SocketIoClient c, String... rooms) throws Exception {
        c.emitWithAck(Duration.ofSeconds(5), "join", List.of(rooms)).get(5, TimeUnit.SECONDS);
    }

    private static List<String> drain(BlockingQueue<String> q) {
        List<String> l = new ArrayList<>();
        q.drainTo(l);
        return l;
    }

    /** Binary node access for assertions. */
    static final class Base {
        static byte[] bytes(JsonNode n) {
            assertThat(n.isBinary()).as("binary node: %s", n).isTrue();
            try {
                return n.binaryValue();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
