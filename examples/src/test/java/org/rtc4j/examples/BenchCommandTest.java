package org.rtc4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

    @Test
    void benchPrintsItsFiguresAsTheLastJsonLine() {
        LineSink out = new LineSink();
        LineSink err = new LineSink();
        int code = Rtc4jCli.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "bench", "--connections", "3", "--mb", "2", "--warmup-mb", "1", "--json");
        assertThat(code).as(err.text()).isZero();
        List<String> lines = out.lines();
        JsonNode last = CliRun.parse(lines.get(lines.size() - 1));
        assertThat(last.path("event").asText()).isEqualTo("bench");
        assertThat(last.path("connections").asInt()).isEqualTo(3);
        assertThat(last.path("mb").asInt()).isEqualTo(2);
        assertThat(last.path("warmup_mb").asInt()).isEqualTo(1);
        assertThat(last.path("setup_ms_p50").asDouble()).isPositive();
        assertThat(last.path("setup_ms_p99").asDouble()).isGreaterThanOrEqualTo(last.path("setup_ms_p50").asDouble());
        assertThat(last.path("throughput_mbit_s").asDouble()).isPositive();
        assertThat(lines.stream().filter(l -> l.contains("\"event\":\"connection\""))).hasSize(3);
    }

    @Test
    void aShortSoakEchoesEveryMessageOfEveryConnection() {
        LineSink out = new LineSink();
        LineSink err = new LineSink();
        int code = Rtc4jCli.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "bench", "--soak", "20", "--soak-seconds", "4", "--json");
        assertThat(code).as(err.text()).isZero();
        List<String> lines = out.lines();
        JsonNode last = CliRun.parse(lines.get(lines.size() - 1));
        assertThat(last.path("event").asText()).isEqualTo("soak");
        assertThat(last.path("connections").asInt()).isEqualTo(20);
        // One a second each for 4 s: about 80, every one echoed in order.
        assertThat(last.path("sent").asLong()).isBetween(60L, 120L);
        assertThat(last.path("echoed").asLong()).isEqualTo(last.path("sent").asLong());
        assertThat(last.path("lost").asLong()).isZero();
        assertThat(last.path("out_of_order").asLong()).isZero();
        assertThat(last.path("not_connected").asLong()).isZero();
        assertThat(last.path("rtt_ms_p99").asDouble()).isPositive();
        assertThat(last.path("heap_mib_by_sample")).hasSize(2);
    }
}
