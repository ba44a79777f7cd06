package org.rtc4j.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A headless Chromium started for one test: a fresh profile, the flags that keep it off the
 * network (it runs in the test's network namespace anyway), and its console read from its log,
 * where pages print {@code RESULT <json>} lines. Closing kills the browser and its children and
 * deletes the profile.
 */
public final class Chromium implements AutoCloseable {

    /** Where Debian's package puts it. */
    public static final Path BINARY = Path.of("/usr/bin/chromium");

    private final Process process;
    private final Path profile;
    private final LinkedBlockingQueue<String> results = new LinkedBlockingQueue<>();
    private final List<String> console = new ArrayList<>();

    private Chromium(Process process, Path profile) {
        this.process = process;
        this.profile = profile;
        Thread reader = new Thread(this::readLog, "chromium-log");
        reader.setDaemon(true);
        reader.start();
    }

    /** Whether this test JVM runs in its own network namespace with Chromium installed. */
    public static boolean available() {
        return System.getenv("RTC4J_NETNS") != null && Files.isExecutable(BINARY);
    }

    /** Opens {@code url} in a new headless browser. */
    public static Chromium open(String url) throws IOException {
        Path profile = Files.createTempDirectory("rtc4j-chromium");
        List<String> cmd = List.of(BINARY.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions",
                "--user-data-dir=" + profile, "--allow-loopback-in-peer-connection",
                // Plain host addresses in candidates: nothing here answers mDNS.
                "--disable-features=WebRtcHideLocalIpsWithMdns",
                "--enable-logging=stderr", "--v=0", url);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        return new Chromium(p, profile);
    }

    private void readLog() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                int at = line.indexOf(":CONSOLE");
                if (at < 0) {
                    continue;
                }
                synchronized (console) {
                    console.add(line);
                }
                int start = line.indexOf("\"RESULT ");
                int end = line.lastIndexOf("\", source:");
                if (start >= 0 && end > start) {
                    results.add(line.substring(start + "\"RESULT ".length(), end));
                }
            }
        } catch (IOException e) {
            // the browser went away; awaitResult reports the timeout with the console so far
        }
    }

    /**
     * The JSON of the next {@code RESULT} line the page prints.
     *
     * @throws AssertionError with the page's console if none comes in time
     */
    public String awaitResult(Duration timeout) throws InterruptedException {
        String r = results.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (r == null) {
            synchronized (console) {
                throw new AssertionError("no RESULT from the page in " + timeout + "; console: " + console);
            }
        }
        return r;
    }

    @Override
    public void close() throws IOException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
