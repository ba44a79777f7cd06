package org.rtc4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

    @Test
    void demoSendsFourMebibytesAndPrintsItsFigures() {
        LineSink out = new LineSink();
        LineSink err = new LineSink();
        int code = Rtc4jCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--mb", "4");
        assertThat(code).as(err.text()).isZero();
        String text = out.text();
        assertThat(text).contains("rtc4j demo: 4 MiB");
        assertThat(text).containsPattern("setup +[0-9.]+ ms \\(createOffer to data channel open\\)");
        assertThat(text).containsPattern("transfer +4 MiB in [0-9.]+ s = [0-9.]+ Mbit/s");
        assertThat(text).containsPattern("sha-256 +[0-9a-f]{64} \\(verified\\)");
        assertThat(text).containsPattern("candidate pair \\w+ 127\\.0\\.0\\.1:\\d+/udp <-> \\w+ 127\\.0\\.0\\.1:\\d+/udp");
        assertThat(text).containsPattern("dtls +TLS_\\w+");
        assertThat(err.text()).contains("joined room 'demo'").contains("data channel 'demo' open");
    }

    @Test
    void demoJsonEndsWithOneSummaryObject() {
        LineSink out = new LineSink();
        LineSink err = new LineSink();
        int code = Rtc4jCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--mb", "1", "--json");
        assertThat(code).as(err.text()).isZero();
        java.util.List<String> lines = out.lines();
        com.fasterxml.jackson.databind.JsonNode last = CliRun.parse(lines.get(lines.size() - 1));
        assertThat(last.path("event").asText()).isEqualTo("summary");
        assertThat(last.path("verified").asBoolean()).isTrue();
        assertThat(last.path("mb").asInt()).isEqualTo(1);
        assertThat(last.path("setup_ms").asDouble()).isPositive();
        assertThat(last.path("throughput_mbit_s").asDouble()).isPositive();
        assertThat(last.path("dtls_cipher_suite").asText()).startsWith("TLS_");
        assertThat(lines).allSatisfy(l -> assertThat(CliRun.parse(l)).as(l).isNotNull());
    }

    @Test
    void badSizeIsUsageError() {
        LineSink out = new LineSink();
        LineSink err = new LineSink();
        assertThat(Rtc4jCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--mb", "0")).isEqualTo(2);
        assertThat(err.text()).contains("--mb must be at least 1");
    }
}
