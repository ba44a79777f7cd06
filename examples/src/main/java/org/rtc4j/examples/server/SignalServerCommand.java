package org.rtc4j.examples.server;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.rtc4j.examples.peer.Events;
import org.rtc4j.signaling.engineio.EngineCookie;
import org.rtc4j.signaling.engineio.EngineOptions;
import org.rtc4j.signaling.server.SocketIoServer;
import org.rtc4j.signaling.service.SignalingOptions;
import org.rtc4j.signaling.service.SignalingService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The rtc4j signaling service (Socket.IO, rooms, optional HS256 tokens) until interrupted. */
@Command(name = "signal-server", mixinStandardHelpOptions = true,
        description = "Run the signaling server (Socket.IO v5; join/leave/signal per DESIGN.md) and the web demo page "
                + "at / until interrupted.",
        footer = {"", "Examples:", "  rtc4j signal-server",
                "  rtc4j signal-server --host 0.0.0.0 --port 3000 --secret \"$(head -c 32 /dev/urandom | base64)\"",
                "  rtc4j signal-server --port 0 --json     # any free port; prints {\"event\":\"listening\",\"url\":...}",
                "  rtc4j signal-server --port 3001 --cookie   # behind a cookie-sticky load balancer (HAProxy: cookie io prefix)",
                "  rtc4j signal-server --client-bundle node_modules/socket.io-client/dist   # another client release"})
public final class SignalServerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--secret", paramLabel = "S",
            description = "Require HS256 tokens signed with this secret (at least 32 bytes; mint them with `rtc4j token`).")
    String secret;

    @Option(names = "--client-bundle", paramLabel = "PATH",
            description = "Serve another socket.io client than the bundled 4.8.1: a file replaces /socket.io/socket.io.min.js, "
                    + "a directory (an npm install's node_modules/socket.io-client/dist) replaces all the client builds.")
    java.nio.file.Path clientBundle;

    @Option(names = "--cookie", paramLabel = "NAME", arity = "0..1", fallbackValue = "io",
            description = "Set the session id as a cookie (default name io; Path=/, HttpOnly, SameSite=Lax) on each "
                    + "handshake, for a load balancer that keeps long-polling sessions on one node by cookie.")
    String cookie;

    @Option(names = "--json", description = "Print the URL as a JSON event.")
    boolean json;

    @Override
    public Integer call() {
        Events events = new Events(spec.commandLine().getOut(), spec.commandLine().getErr(), json);
        SignalingOptions options = SignalingOptions.defaults();
        if (secret != null) {
            if (secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 32) {
                events.error("--secret must be at least 32 bytes (HS256)");
                return 2;
            }
            options = options.withSecret(secret);
        }
        SocketIoServer server;
        try {
            SocketIoServer.Builder b = SocketIoServer.builder().host(host).port(port).staticClasspath("webroot/");
            if (cookie != null) {
                EngineCookie d = EngineCookie.defaults();
                try {
                    b.engineOptions(EngineOptions.defaults().withCookie(
                            new EngineCookie(cookie, d.path(), d.httpOnly(), d.sameSite(), d.secure())));
                } catch (IllegalArgumentException e) {
                    events.error("--cookie " + cookie + ": " + e.getMessage());
                    return 2;
                }
            }
            if (clientBundle != null) {
                if (!java.nio.file.Files.isReadable(clientBundle)) {
                    events.error("--client-bundle " + clientBundle + ": not a readable file or directory");
                    return 2;
                }
                b.clientBundle(clientBundle);
            }
            server = b.build().start();
        } catch (RuntimeException e) {
            events.error("cannot listen on " + host + ":" + port + ": " + e.getMessage());
            return 1;
        }
        try {
            SignalingService.install(server, options);
            String h = host.contains(":") ? "[" + host + "]" : host;
            String url = "http://" + h + ":" + server.port();
            events.content("listening", "rtc4j signaling server on " + url
                    + (secret == null ? " (open: no tokens needed)" : " (tokens required)"),
                    "url", url, "tokens", secret != null);
            new CountDownLatch(1).await();
            return 0;
        } catch (InterruptedException e) {
            return 0;
        } finally {
            server.close();
        }
    }
}
