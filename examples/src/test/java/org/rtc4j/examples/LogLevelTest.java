package org.rtc4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

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
    void rtc4jLogInTheEnvironmentDoesWhatTheFlagDoes() throws Exception {
        assertThat(stderr(java.util.Map.of("RTC4J_LOG", "debug"), 0, "demo", "--mb", "1"))
                .contains("DEBUG org.rtc4j.TransportStack - closing:");
    }

    @Test
    void aServerAndAnEchoPeerInANamespaceWithOnlyLoopbackPrintNoWarning() throws Exception {
        // A container or a bare namespace has no interface with a MAC address, and Netty warns on
        // every start that it uses random bytes for channel ids. The server and an echo peer
        // joined to it run in a network namespace of their own here (unshare --net, lo only) to
        // show the CLI keeps that quiet.
        org.junit.jupiter.api.Assumptions.assumeTrue(isRoot() && Files.isExecutable(Path.of("/usr/bin/unshare")),
                "needs root and util-linux's unshare for a network namespace of its own");
        String quiet = inBareNamespace(List.of());
        assertThat(quiet).contains("rtc4j signaling server on http://127.0.0.1:18080")
                .contains("joined room 'quiet'").doesNotContain("WARN");
        // The same start with Netty's logger let through shows what was kept out.
        String noisy = inBareNamespace(List.of("-Dorg.slf4j.simpleLogger.log.io.netty.util.internal.MacAddressUtil=warn"));
        assertThat(noisy).contains("WARN io.netty.util.internal.MacAddressUtil");
    }

    private String inBareNamespace(List<String> jvmOptions) throws Exception {
        StringBuilder java = new StringBuilder("'" + Path.of(System.getProperty("java.home"), "bin", "java") + "'");
        for (String o : jvmOptions) {
            java.append(" '").append(o).append("'");
        }
        java.append(" -cp '").append(System.getProperty("java.class.path")).append("' ").append(Rtc4jCli.class.getName());
        String script = "ip link set lo up && " + java + " signal-server --port 18080 & sleep 2; "
                + java + " echo --signal http://127.0.0.1:18080 --room quiet & wait";
        Path out = tmp.resolve("out-" + System.nanoTime());
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/unshare", "--net", "sh", "-c", script)
                .redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().remove("RTC4J_LOG");
        Process p = pb.start();
        for (int i = 0; i < 600 && !Files.readString(out).contains("joined room"); i++) {
            Thread.sleep(50);
        }
        Thread.sleep(1000); // anything printed after the first lines
        // unshare ignores TERM while it waits for its child: stop the two JVMs, then the rest.
        p.descendants().filter(h -> h.info().command().orElse("").endsWith("java")).forEach(ProcessHandle::destroy);
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    @Test
    void verboseIsDebug() throws Exception {
        assertThat(stderr("demo", "--mb", "1", "--verbose")).contains("DEBUG org.rtc4j.TransportStack - closing:");
    }

    @Test
    void aLevelThatIsNotOneIsAUsageError() throws Exception {
        assertThat(stderr(2, "demo", "--log-level", "loud")).contains("--log-level must be");
        assertThat(stderr(java.util.Map.of("RTC4J_LOG", "loud"), 2, "demo", "--mb", "1"))
                .contains("RTC4J_LOG must be trace, debug, info, warn, error or off, not 'loud'");
    }

    private String stderr(String... args) throws Exception {
        return stderr(java.util.Map.of(), 0, args);
    }

    private String stderr(int expectedExit, String... args) throws Exception {
        return stderr(java.util.Map.of(), expectedExit, args);
    }

    private String stderr(java.util.Map<String, String> env, int expectedExit, String... args) throws Exception {
        Process p = start(env, args);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String text = Files.readString(errFile, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isEqualTo(expectedExit);
        return text;
    }

    private Path errFile;

    private Process start(java.util.Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Rtc4jCli.class.getName()));
        cmd.addAll(List.of(args));
        errFile = tmp.resolve("err-" + System.nanoTime());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(errFile.toFile());
        pb.environment().remove("RTC4J_LOG");
        pb.environment().putAll(env);
        return pb.start();
    }
}
