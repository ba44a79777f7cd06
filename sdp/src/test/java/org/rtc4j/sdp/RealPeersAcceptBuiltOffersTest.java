package org.rtc4j.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An offer made with the builders is accepted by real peers (headless Chromium 156 and aiortc),
 * and their answers parse, round-trip and read back as expected. No network: only
 * setRemoteDescription/createAnswer run in the peers.
 */
class RealPeersAcceptBuiltOffersTest {
    private static final Fingerprint FP = Fingerprint.of("sha-256", digest());

    @TempDir
    Path tmp;

    static SessionDescription offer() {
        MediaDescription audio = MediaDescription.builder("audio", 9, "UDP/TLS/RTP/SAVPF", "111", "0")
                .connection("0.0.0.0").rtcp(9, "0.0.0.0")
                .iceUfrag("rtc4").icePwd("rtc4jrtc4jrtc4jrtc4jrt").iceOptions("trickle")
                .fingerprint(FP).setup(Setup.ACTPASS).mid("0")
                .extmap(1, "urn:ietf:params:rtp-hdrext:sdes:mid")
                .direction(Direction.SENDRECV).msid("s1", "a1").rtcpMux().rtcpRsize()
                .codec(new Codec(111, "opus", 48000, 2, List.of(new Parameter("minptime", "10"),
                        new Parameter("useinbandfec", "1")), List.of(RtcpFb.of(111, "transport-cc", null))))
                .ssrc(11111111L, "cname", "rtc4jcname")
                .build();
        MediaDescription video = MediaDescription.builder("video", 9, "UDP/TLS/RTP/SAVPF", "96", "97")
                .connection("0.0.0.0").rtcp(9, "0.0.0.0")
                .iceUfrag("rtc4").icePwd("rtc4jrtc4jrtc4jrtc4jrt").iceOptions("trickle")
                .fingerprint(FP).setup(Setup.ACTPASS).mid("1")
                .extmap(1, "urn:ietf:params:rtp-hdrext:sdes:mid")
                .direction(Direction.SENDRECV).msid("s1", "v1").rtcpMux().rtcpRsize()
                .codec(new Codec(96, "VP8", 90000, 1, List.of(),
                        List.of(RtcpFb.of(96, "nack", null), RtcpFb.of(96, "nack", "pli"), RtcpFb.of(96, "ccm", "fir"))))
                .codec(new Codec(97, "rtx", 90000, 1, List.of(new Parameter("apt", "96")), List.of()))
                .ssrcGroup("FID", 22222222L, 33333333L)
                .ssrc(22222222L, "cname", "rtc4jcname")
                .ssrc(33333333L, "cname", "rtc4jcname")
                .build();
        MediaDescription data = MediaDescription.builder("application", 9, "UDP/DTLS/SCTP", "webrtc-datachannel")
                .connection("0.0.0.0")
                .iceUfrag("rtc4").icePwd("rtc4jrtc4jrtc4jrtc4jrt").iceOptions("trickle")
                .fingerprint(FP).setup(Setup.ACTPASS).mid("2")
                .sctpPort(5000).maxMessageSize(262144)
                .build();
        return SessionDescription.builder()
                .origin("-", 4611731400430051336L, 2, "127.0.0.1")
                .bundle("0", "1", "2").extmapAllowMixed().msidSemantic("WMS", "s1")
                .media(audio).media(video).media(data)
                .build();
    }

    @Test
    void chromiumAnswersOurOffer() throws Exception {
        String offer = offer().format();
        // The page reports to a loopback HTTP server rather than through --dump-dom and a virtual time
        // budget: on a fresh machine Chromium's first start is slow enough that the budget ran out while
        // the page still said "pending". Here the test waits for the page's own report, however long the
        // first start takes (bounded by the timeout below).
        String page = "<html><body><script>\n"
                + "const report = t => fetch('/result', {method: 'POST', body: t});\n"
                + "const pc = new RTCPeerConnection();\n"
                + "pc.setRemoteDescription({type: 'offer', sdp: " + jsString(offer) + "})"
                + ".then(() => pc.createAnswer())"
                + ".then(a => report('ANSWER\\n' + a.sdp))"
                + ".catch(e => report('ERROR ' + e));\n"
                + "</script></body></html>\n";
        CompletableFuture<String> result = new CompletableFuture<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body;
                if ("POST".equals(exchange.getRequestMethod())) {
                    result.complete(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    body = new byte[0];
                } else {
                    body = page.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                }
                exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    exchange.getResponseBody().write(body);
                }
            }
        });
        server.start();
        Process chromium = new ProcessBuilder("chromium", "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-proxy-server", "--user-data-dir=" + tmp.resolve("profile"),
                "http://127.0.0.1:" + server.getAddress().getPort() + "/answer.html")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String text;
        try {
            text = result.get(120, TimeUnit.SECONDS);
        } finally {
            chromium.destroy();
            if (!chromium.waitFor(10, TimeUnit.SECONDS)) {
                chromium.destroyForcibly();
            }
            server.stop(0);
        }
        assertThat(text).as("Chromium said").startsWith("ANSWER\n");
        SessionDescription answer = SessionDescription.parse(text.substring("ANSWER\n".length()));
        assertThat(answer.bundleGroup().orElseThrow().mids()).containsExactly("0", "1", "2");
        assertThat(answer.media()).extracting(m -> m.mid().orElseThrow()).containsExactly("0", "1", "2");
        MediaDescription audio = answer.media().get(0);
        assertThat(audio.codecs()).extracting(Codec::name).contains("opus");
        assertThat(audio.codecs().get(0).payloadType()).isEqualTo(111);
        assertThat(audio.codecs().get(0).parameter("useinbandfec")).contains("1");
        assertThat(answer.effectiveDirection(audio)).isEqualTo(Direction.RECVONLY);
        MediaDescription video = answer.media().get(1);
        assertThat(video.codecs()).extracting(Codec::name).containsExactly("VP8", "rtx");
        assertThat(video.codecs().get(1).parameter("apt")).contains("96");
        assertThat(video.codecs().get(0).hasFeedback("nack", "pli")).isTrue();
        MediaDescription data = answer.media().get(2);
        assertThat(data.sctpPort()).hasValue(5000);
        assertThat(data.maxMessageSize()).isPresent();
        for (MediaDescription m : answer.media()) {
            assertThat(answer.effectiveSetup(m)).contains(Setup.ACTIVE);
            assertThat(answer.effectiveFingerprints(m).get(0).bytes()).hasSize(32);
            assertThat(answer.effectiveIceUfrag(m)).isPresent();
        }
        assertThat(SessionDescription.parse(answer.format())).isEqualTo(answer);
    }

    @Test
    void aiortcAnswersOurOffer() throws Exception {
        String script = String.join("\n",
                "import asyncio, sys",
                "from aiortc import RTCPeerConnection, RTCSessionDescription",
                "async def main():",
                "    pc = RTCPeerConnection()",
                "    await pc.setRemoteDescription(RTCSessionDescription(sdp=sys.stdin.read(), type='offer'))",
                "    await pc.setLocalDescription(await pc.createAnswer())",
                "    sys.stdout.write(pc.localDescription.sdp)",
                "    sys.stdout.flush()",
                "    await pc.close()",
                "asyncio.run(main())", "");
        Path py = tmp.resolve("answer.py");
        Files.writeString(py, script);
        String text = run(List.of("/usr/bin/python3", py.toString()), offer().format());
        SessionDescription answer = SessionDescription.parse(text);
        assertThat(answer.format()).isEqualTo(text);
        assertThat(answer.media()).extracting(m -> m.mid().orElseThrow()).containsExactly("0", "1", "2");
        assertThat(answer.media().get(0).codecs()).extracting(Codec::name).containsExactly("opus");
        assertThat(answer.media().get(1).codecs()).extracting(Codec::name).containsExactly("VP8", "rtx");
        MediaDescription data = answer.media().get(2);
        assertThat(data.sctpPort()).hasValue(5000);
        assertThat(data.maxMessageSize()).hasValue(65536);
        for (MediaDescription m : answer.media()) {
            assertThat(m.setup()).contains(Setup.ACTIVE);
            assertThat(m.fingerprints()).isNotEmpty();
        }
    }

    private static byte[] digest() {
        byte[] d = new byte[32];
        for (int i = 0; i < d.length; i++) {
            d[i] = (byte) (i * 37 + 11);
        }
        return d;
    }

    /** Runs a peer with stdout to a file, so a hung peer ends in a timeout rather than a blocked read. */
    private String run(List<String> cmd, String stdin) throws IOException, InterruptedException {
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectOutput(out.toFile()).start();
        try {
            if (stdin != null) {
                p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("process finished").isTrue();
            assertThat(p.exitValue()).as(String.join(" ", cmd)).isZero();
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            p.destroyForcibly();
        }
    }

    private static String jsString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r").replace("\n", "\\n") + "\"";
    }
}
