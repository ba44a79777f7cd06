package org.rtc4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code rtc4j sdp check} in-process on the shared Chromium files and on broken ones. */
class SdpCheckCommandTest {
    @TempDir
    Path tmp;

    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void streams() {
        out = new StringWriter();
        err = new StringWriter();
    }

    private int run(String... args) {
        return Rtc4jCli.execute(new PrintWriter(out), new PrintWriter(err), args);
    }

    private static Path fixtures() throws URISyntaxException {
        return Path.of(SdpCheckCommandTest.class.getResource("/sdp").toURI());
    }

    private static List<String> fixtureFiles() throws Exception {
        try (Stream<Path> s = Files.list(fixtures())) {
            return s.map(Path::toString).filter(p -> p.endsWith(".sdp")).sorted().toList();
        }
    }

    @Test
    void everyFixtureRoundTripsExactly() throws Exception {
        List<String> files = fixtureFiles();
        assertThat(files).hasSizeGreaterThanOrEqualTo(10);
        int code = run(Stream.concat(Stream.of("sdp", "check"), files.stream()).toArray(String[]::new));
        assertThat(code).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(files.size());
        for (int i = 0; i < files.size(); i++) {
            assertThat(lines.get(i)).isEqualTo(files.get(i) + ": OK round-trip exact");
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void parseErrorNamesTheLineAndFailsTheRun() throws Exception {
        String good = fixtures().resolve("chromium-156-datachannel-offer.sdp").toString();
        Path broken = tmp.resolve("broken.sdp");
        Files.writeString(broken, "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
                + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\na=sctp-port:99999\r\n");
        int code = run("sdp", "check", good, broken.toString());
        assertThat(code).isEqualTo(1);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo(good + ": OK round-trip exact");
        assertThat(lines.get(1)).isEqualTo(broken + ": ERROR line 6: sctp-port must be between 0 and 65535, got 99999: "
                + "\"a=sctp-port:99999\"");
    }

    @Test
    void lfOnlyFileIsAcceptedAndSaysSo() throws Exception {
        Path lf = tmp.resolve("lf.sdp");
        String text = Files.readString(fixtures().resolve("chromium-156-simulcast-offer.sdp"));
        Files.writeString(lf, text.replace("\r\n", "\n"));
        assertThat(run("sdp", "check", lf.toString())).isZero();
        assertThat(out.toString()).isEqualTo(lf + ": OK round-trip exact except line endings (written back with CRLF)"
                + System.lineSeparator());
    }

    @Test
    void differenceIsReportedWithLineNumber() throws Exception {
        // Mixed terminators cannot come back byte-exact: line 2 ends in a bare LF, the output uses CRLF.
        Path mixed = tmp.resolve("mixed.sdp");
        Files.write(mixed, "v=0\r\no=- 1 2 IN IP4 127.0.0.1\ns=-\r\nt=0 0\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(run("sdp", "check", mixed.toString())).isEqualTo(1);
        assertThat(out.toString()).isEqualTo(mixed + ": DIFF at line 2: expected \"o=- 1 2 IN IP4 127.0.0.1\" got "
                + "\"o=- 1 2 IN IP4 127.0.0.1\\r\"" + System.lineSeparator());
    }

    @Test
    void jsonPrintsTheTypedModel() throws Exception {
        String offer = fixtures().resolve("chromium-156-audio-video-data-offer.sdp").toString();
        String aiortc = fixtures().resolve("aiortc-1.4-datachannel-offer.sdp").toString();
        assertThat(run("sdp", "check", "--json", offer, aiortc)).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(2);
        ObjectMapper mapper = new ObjectMapper();
        JsonNode a = mapper.readTree(lines.get(0));
        assertThat(a.get("ok").asBoolean()).isTrue();
        assertThat(a.get("result").asText()).isEqualTo("OK round-trip exact");
        JsonNode sdp = a.get("sdp");
        assertThat(sdp.at("/groups/0/semantics").asText()).isEqualTo("BUNDLE");
        assertThat(sdp.at("/groups/0/mids").toString()).isEqualTo("[\"0\",\"1\",\"2\"]");
        List<String> mids = new ArrayList<>();
        sdp.get("media").forEach(m -> mids.add(m.get("mid").asText()));
        assertThat(mids).containsExactly("0", "1", "2");
        JsonNode audio = sdp.at("/media/0");
        assertThat(audio.get("iceUfrag").asText()).isEqualTo("SYSk");
        assertThat(audio.get("setup").asText()).isEqualTo("actpass");
        assertThat(audio.at("/fingerprints/0/hashFunction").asText()).isEqualTo("sha-256");
        assertThat(audio.at("/codecs/0/name").asText()).isEqualTo("opus");
        assertThat(audio.at("/codecs/0/parameters/useinbandfec").asText()).isEqualTo("1");
        assertThat(audio.at("/codecs/0/feedback/0").asText()).isEqualTo("transport-cc");
        assertThat(audio.at("/ssrcs/0/ssrc").asLong()).isEqualTo(1957926969L);
        assertThat(audio.at("/ssrcs/0/cname").asText()).isEqualTo("bJEVp24mccbrrz5e");
        assertThat(audio.at("/candidates/2/tcpType").asText()).isEqualTo("active");
        assertThat(audio.at("/otherAttributes/0/name").asText()).isEqualTo("rtcp-xr");
        assertThat(sdp.at("/media/2/sctpPort").asInt()).isEqualTo(5000);
        assertThat(sdp.at("/media/2/maxMessageSize").asLong()).isEqualTo(262144);

        JsonNode b = mapper.readTree(lines.get(1)).get("sdp");
        assertThat(b.at("/media/0/sctpmap/port").asInt()).isEqualTo(5000);
        assertThat(b.at("/media/0/maxMessageSize").asLong()).isEqualTo(65536);
        assertThat(b.at("/media/0/endOfCandidates").asBoolean()).isTrue();
        assertThat(b.at("/media/0/effectiveSctpPort").asInt()).isEqualTo(5000);
    }

    @Test
    void jsonReportsParseErrors() throws Exception {
        Path broken = tmp.resolve("b.sdp");
        Files.writeString(broken, "v=0\r\nx\r\n");
        assertThat(run("sdp", "check", "--json", broken.toString())).isEqualTo(1);
        JsonNode n = new ObjectMapper().readTree(out.toString());
        assertThat(n.get("ok").asBoolean()).isFalse();
        assertThat(n.at("/error/line").asInt()).isEqualTo(2);
        assertThat(n.at("/error/reason").asText()).isEqualTo("expected <type>=<value>");
        assertThat(n.has("sdp")).isFalse();
    }

    @Test
    void missingFileFailsWithExitOne() {
        assertThat(run("sdp", "check", tmp.resolve("nope.sdp").toString())).isEqualTo(1);
        assertThat(out.toString()).contains("nope.sdp: ERROR cannot read");
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(run("sdp", "check")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter", "FILE");
        assertThat(run("sdp", "check", "--frobnicate", "x.sdp")).isEqualTo(2);
        assertThat(run("sdp")).isEqualTo(2);
        assertThat(run()).isEqualTo(2);
        assertThat(run("no-such-command")).isEqualTo(2);
    }

    @Test
    void helpAndVersionExitZero() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: rtc4j", "sdp");
        out.getBuffer().setLength(0);
        assertThat(run("sdp", "check", "--help")).isZero();
        assertThat(out.toString()).contains("--json", "FILE");
        out.getBuffer().setLength(0);
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("rtc4j ");
    }
}
