package org.rtc4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.rtc4j.PeerConnectionFactory;
import org.rtc4j.RTCConfiguration;
import org.rtc4j.RTCDataChannel;
import org.rtc4j.RTCDataChannelMessage;
import org.rtc4j.examples.peer.Events;
import org.rtc4j.examples.peer.SignalingPeer;
import org.rtc4j.transport.InterfaceFilter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChatAndEchoTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void chatLinesCrossBothWays() throws Exception {
        try (CliRun a = CliRun.start(server.peer("chat", "chat-room"))) {
            String idA = a.awaitEvent("joined").path("id").asText();
            // b joins second and offers to a (the newcomer offers, per the contract)
            CliRun b = CliRun.start(server.peer("chat", "chat-room"));
            String idB = b.awaitEvent("joined").path("id").asText();
            assertThat(b.awaitEvent("joined").path("peers").toString()).contains(idA);
            a.awaitEvent("channel-open", n -> n.path("peer").asText().equals(idB));
            b.awaitEvent("channel-open", n -> n.path("peer").asText().equals(idA));
            a.awaitEvent("peer-connected");

            a.type("hello from a");
            JsonNode atB = b.awaitEvent("message");
            assertThat(atB.path("peer").asText()).isEqualTo(idA);
            assertThat(atB.path("text").asText()).isEqualTo("hello from a");

            b.type("grüße von b");
            JsonNode atA = a.awaitEvent("message");
            assertThat(atA.path("peer").asText()).isEqualTo(idB);
            assertThat(atA.path("text").asText()).isEqualTo("grüße von b");

            b.endInput();
            assertThat(b.awaitExit()).isZero();
            a.awaitEvent("peer-left", n -> n.path("peer").asText().equals(idB));
            a.endInput();
            assertThat(a.awaitExit()).isZero();
            b.close();
        }
    }

    @Test
    void echoAnswersTwoCliPeersAtOnce() throws Exception {
        try (CliRun echo = CliRun.start(server.peer("echo", "echo-room"))) {
            String echoId = echo.awaitEvent("joined").path("id").asText();
            try (CliRun one = CliRun.start(server.peer("chat", "echo-room"));
                    CliRun two = CliRun.start(server.peer("chat", "echo-room"))) {
                one.awaitEvent("channel-open", n -> n.path("peer").asText().equals(echoId));
                two.awaitEvent("channel-open", n -> n.path("peer").asText().equals(echoId));
                one.type("ping from one");
                two.type("ping from two");
                JsonNode back1 = one.awaitEvent("message", n -> n.path("peer").asText().equals(echoId));
                JsonNode back2 = two.awaitEvent("message", n -> n.path("peer").asText().equals(echoId));
                assertThat(back1.path("text").asText()).isEqualTo("ping from one");
                assertThat(back2.path("text").asText()).isEqualTo("ping from two");
                assertThat(echo.out.lines().stream().filter(l -> l.contains("\"channel-open\""))).hasSize(2);
                one.endInput();
                two.endInput();
                assertThat(one.awaitExit()).isZero();
                assertThat(two.awaitExit()).isZero();
            }
            assertThat(echo.interrupt()).isZero();
        }
    }

    @Test
    void echoKeepsTheMessageTypeTextAndBinary() throws Exception {
        try (CliRun echo = CliRun.start(server.peer("echo", "echo-types"));
                PeerConnectionFactory factory = PeerConnectionFactory.create(1)) {
            echo.awaitEvent("joined");
            CompletableFuture<RTCDataChannel> open = new CompletableFuture<>();
            LinkedBlockingQueue<RTCDataChannelMessage> back = new LinkedBlockingQueue<>();
            RTCConfiguration config = RTCConfiguration.builder().interfaceFilter(InterfaceFilter.loopbackOnly()).build();
            Events quiet = new Events(new PrintWriter(new LineSink()), new PrintWriter(new LineSink()), true);
            try (SignalingPeer client = new SignalingPeer(factory, config, "types", quiet, (peer, ch) -> {
                ch.onMessage(back::add);
                open.complete(ch);
            })) {
                client.join(URI.create(server.url), null, "echo-types");
                RTCDataChannel ch = open.get(60, TimeUnit.SECONDS);
                ch.send("text");
                ch.send(new byte[] {0, 1, 2, (byte) 255});
                RTCDataChannelMessage first = back.poll(30, TimeUnit.SECONDS);
                RTCDataChannelMessage second = back.poll(30, TimeUnit.SECONDS);
                assertThat(first.binary()).isFalse();
                assertThat(first.text()).isEqualTo("text");
                assertThat(second.binary()).isTrue();
                assertThat(second.data()).containsExactly(0, 1, 2, 255);
            }
            assertThat(echo.interrupt()).isZero();
        }
    }
}
