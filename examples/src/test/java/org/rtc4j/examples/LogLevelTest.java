package org.rtc4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --log-level}: the CLI's bundled SLF4J binding prints the library's lines at the chosen
 * level. Each run is its own JVM, as {@code ./rtc4j} is: the level is fixed when logging starts.
 */
class LogLevelTest {
    @TempDir
    Path tmp;

    @Test
    void debugShowsTheLibrarysLinesAndTheDefaultShowsNone() throws Exception {
        String quiet = stderr("demo", "--mb", "1");
        assertThat(quiet).doesNotContain("DEBUG").doesNotContain("INFO");
        String debug = stderr("demo", "--mb", "1", "--log-level", "debug");
        // A line the transport writes at debug when a connection closes.
        assertThat(debug).contains("DEBUG org.rtc4j.TransportStack - closing:");
    }

    @Test
    void aLevelThatIsNotOneIsAUsageError() throws Exception {
        assertThat(stderr(2, "demo", "--log-level", "loud")).contains("--log-level must be");
    }

    private String stderr(String... args) throws Exception {
        return stderr(0, args);
    }

    private String stderr(int expectedExit, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Rtc4jCli.class.getName()));
        cmd.addAll(List.of(args));
        File err = tmp.resolve("err-" + System.nanoTime()).toFile();
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String text = Files.readString(err.toPath(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isEqualTo(expectedExit);
        return text;
    }
}
