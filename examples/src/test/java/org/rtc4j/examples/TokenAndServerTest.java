package org.rtc4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.signaling.service.SignalingTokens;

class TokenAndServerTest {
    private static final String SECRET = "a-test-secret-of-at-least-32-bytes-long";

    @Test
    void tokenCommandMintsATokenTheServerAccepts() throws Exception {
        LineSink out = new LineSink();
        LineSink err = new LineSink();
        int code = Rtc4jCli.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "token", "--secret", SECRET, "--room", "a", "--room", "b", "--ttl", "15m");
        assertThat(code).isZero();
        String token = out.lines().get(0);
        assertThat(new SignalingTokens(SECRET).verify(token)).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void tokenCommandRejectsAShortSecretAndABadTtl() {
        LineSink out = new LineSink();
        LineSink err = new LineSink();
        assertThat(Rtc4jCli.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "token", "--secret", "short", "--room", "a")).isEqualTo(2);
        assertThat(err.text()).contains("at least 32 bytes");
        assertThat(Rtc4jCli.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "token", "--secret", SECRET, "--room", "a", "--ttl", "soon")).isEqualTo(2);
        assertThat(err.text()).contains("--ttl soon");
    }

    @Test
    void signalServerCommandServesPeersWithTokens() throws Exception {
        try (CliRun server = CliRun.start("signal-server", "--port", "0", "--secret", SECRET, "--json")) {
            String url = server.awaitEvent("listening").path("url").asText();
            assertThat(url).startsWith("http://127.0.0.1:");
            String good = new SignalingTokens(SECRET).mint(List.of("ok-room"), java.time.Duration.ofMinutes(5));

            // A forged token (signed with another secret) is refused at connect: exit 2, one line why.
            String forged = new SignalingTokens("another-secret-that-is-32-bytes-or-more").mint(List.of("ok-room"),
                    java.time.Duration.ofMinutes(5));
            try (CliRun chat = CliRun.start("chat", "--signal", url, "--room", "ok-room", "--token", forged, "--json")) {
                assertThat(chat.awaitExit()).isEqualTo(2);
                assertThat(chat.awaitEvent("error").path("message").asText())
                        .isEqualTo("the signaling server refused the connection: authentication failed: invalid token signature");
            }
            // Same in human mode: one readable line on stderr.
            try (CliRun chat = CliRun.start("chat", "--signal", url, "--room", "ok-room", "--token", "not.a.jwt")) {
                assertThat(chat.awaitExit()).isEqualTo(2);
                assertThat(chat.err.lines()).contains(
                        "rtc4j: the signaling server refused the connection: authentication failed: malformed token");
            }
            // A good token for another room: the join is refused, exit 2.
            try (CliRun chat = CliRun.start("chat", "--signal", url, "--room", "other", "--token", good, "--json")) {
                assertThat(chat.awaitExit()).isEqualTo(2);
                assertThat(chat.awaitEvent("error").path("message").asText()).contains("not allowed by your token");
            }
            // The good token in its room: joins, and ends cleanly at end of input.
            try (CliRun chat = CliRun.start("chat", "--signal", url, "--room", "ok-room", "--token", good,
                    "--bind", "127.0.0.1", "--json")) {
                assertThat(chat.awaitEvent("joined").path("room").asText()).isEqualTo("ok-room");
                chat.endInput();
                assertThat(chat.awaitExit()).isZero();
            }
            assertThat(server.interrupt()).isZero();
        }
    }

    @Test
    void signalServerCookieOptionSetsTheSessionCookieForStickyBalancers() throws Exception {
        try (CliRun server = CliRun.start("signal-server", "--port", "0", "--cookie", "--json")) {
            String url = server.awaitEvent("listening").path("url").asText();
            java.net.http.HttpResponse<String> open = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/socket.io/?EIO=4&transport=polling"))
                            .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            String sid = open.body().replaceFirst("^0\\{\"sid\":\"([^\"]+)\".*$", "$1");
            assertThat(open.headers().firstValue("set-cookie")).hasValue("io=" + sid + "; Path=/; HttpOnly; SameSite=Lax");
            assertThat(server.interrupt()).isZero();
        }
        LineSink out = new LineSink();
        LineSink err = new LineSink();
        assertThat(Rtc4jCli.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "signal-server", "--port", "0", "--cookie=a;b")).isEqualTo(2);
        assertThat(err.text()).contains("--cookie a;b: cookie name is not an RFC 6265 token");
    }

    @Test
    void anUnreachableServerIsAJobFailure() throws Exception {
        try (CliRun chat = CliRun.start("chat", "--signal", "http://127.0.0.1:1", "--room", "r", "--json")) {
            assertThat(chat.awaitExit()).isEqualTo(1);
            assertThat(chat.awaitEvent("error").path("message").asText()).startsWith("cannot reach the signaling server");
        }
    }
}
