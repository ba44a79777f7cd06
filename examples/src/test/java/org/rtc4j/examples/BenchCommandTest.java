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
}
