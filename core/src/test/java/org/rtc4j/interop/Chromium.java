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
        return open(url, List.of());
    }

    /**
     * Opens {@code url} in a new headless browser started with {@code extraFlags} as well (e.g.
     * {@link #mediaFlags}). A {@code --disable-features=} among them is merged with ours: Chromium
     * reads only the last one.
     */
    public static Chromium open(String url, List<String> extraFlags) throws IOException {
        Path profile = Files.createTempDirectory("rtc4j-chromium");
        // Plain host addresses in candidates: nothing here answers mDNS.
        String disabled = "WebRtcHideLocalIpsWithMdns";
        List<String> extra = new ArrayList<>();
        for (String f : extraFlags) {
            if (f.startsWith("--disable-features=")) {
                disabled += "," + f.substring("--disable-features=".length());
            } else {
                extra.add(f);
            }
        }
        List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions",
                "--user-data-dir=" + profile, "--allow-loopback-in-peer-connection",
                "--disable-features=" + disabled,
                "--enable-logging=stderr", "--v=0"));
        cmd.addAll(extra);
        cmd.add(url);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        return new Chromium(p, profile);
    }

    /**
     * What a media page needs: camera and microphone granted without a prompt, Chromium's fake
     * devices (its beeping microphone; for the camera the frames of {@code y4m} in a loop, or its
     * own moving pattern when null), {@code <video>} and {@code <audio>} playing without a user
     * gesture, and no throttling of timers or rendering.
     */
    public static List<String> mediaFlags(Path y4m) {
        return mediaFlags(y4m, null);
    }

    /** As {@link #mediaFlags(Path)}, the microphone playing {@code wav} in a loop instead of beeping. */
    public static List<String> mediaFlags(Path y4m, Path wav) {
        List<String> flags = new ArrayList<>(List.of("--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream", "--autoplay-policy=no-user-gesture-required",
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows"));
        if (y4m != null) {
            flags.add("--use-file-for-fake-video-capture=" + y4m.toAbsolutePath());
        }
        if (wav != null) {
            flags.add("--use-file-for-fake-audio-capture=" + wav.toAbsolutePath());
        }
        return flags;
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
