package org.rtc4j.signaling;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The npm fixture in src/test/js: installs it with {@code npm ci} when node_modules is missing
 * and runs node scripts from it.
 */
final class NodeFixture {
    static final Path DIR = Path.of("src", "test", "js").toAbsolutePath();

    private NodeFixture() {
    }

    static synchronized void install() throws IOException, InterruptedException {
        if (Files.isDirectory(DIR.resolve("node_modules/socket.io-client"))
                && Files.isDirectory(DIR.resolve("node_modules/socket.io"))) {
            return;
        }
        Process p = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(DIR.toFile())
                .redirectErrorStream(true).redirectOutput(new File(System.getProperty("java.io.tmpdir"), "rtc4j-npm-ci.log"))
                .start();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("npm ci failed in " + DIR);
        }
    }

    /** The client bundle installed by npm. */
    static Path clientBundle() {
        return DIR.resolve("node_modules/socket.io-client/dist/socket.io.min.js");
    }

    /** A running node script whose stdout lines are queued. */
    static final class Run implements AutoCloseable {
        final Process process;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final List<String> stderr = new ArrayList<>();

        Run(String script, String... args) throws IOException, InterruptedException {
            install();
            List<String> cmd = new ArrayList<>(List.of("node", script));
            cmd.addAll(List.of(args));
            process = new ProcessBuilder(cmd).directory(DIR.toFile()).start();
            Thread t = new Thread(() -> pump(new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)), lines), "node-out");
            t.setDaemon(true);
            t.start();
            Thread e = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                    String l;
                    while ((l = r.readLine()) != null) {
                        synchronized (stderr) {
                            stderr.add(l);
                        }
                    }
                } catch (IOException ignored) {
                    // process ended
                }
            }, "node-err");
            e.setDaemon(true);
            e.start();
        }

        private static void pump(BufferedReader r, BlockingQueue<String> q) {
            try (r) {
                String l;
                while ((l = r.readLine()) != null) {
                    q.add(l);
                }
            } catch (IOException ignored) {
                // process ended
            }
        }

        /** The next stdout line, failing with stderr when none comes within the timeout. */
        String next(long seconds) throws InterruptedException {
            String l = lines.poll(seconds, TimeUnit.SECONDS);
            if (l == null) {
                synchronized (stderr) {
                    throw new AssertionError("no output from node within " + seconds + " s; stderr: " + stderr);
                }
            }
            return l;
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
