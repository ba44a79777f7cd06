package org.rtc4j.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A Python script from {@code src/test/resources/interop/} run with the system's
 * {@code /usr/bin/python3} (where Debian's python3-aiortc lives), talking {@link Envelope}s one
 * per line over its stdin and stdout. Closing ends its stdin, gives it a few seconds to close its
 * connection, then kills it.
 */
final class PythonPeer implements PeerLink {

    static final Path PYTHON = Path.of("/usr/bin/python3");

    private final Process process;
    private final OutputStream stdin;
    private final List<String> transcript = new ArrayList<>();
    // Messages that arrive before onMessage: a fast offerer (webrtcbin) writes its offer while the
    // test is still wiring up, and dropping it would leave both sides waiting.
    private final List<Envelope> early = new ArrayList<>();
    private Consumer<Envelope> handler;

    PythonPeer(String script, String... args) throws IOException, URISyntaxException {
        Path path = Path.of(PythonPeer.class.getResource("/interop/" + script).toURI());
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), "-u", path.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("PYTHONIOENCODING", "utf-8");
        process = pb.start();
        stdin = process.getOutputStream();
        daemon("python-stdout", () -> read(process.getInputStream(), true));
        daemon("python-stderr", () -> read(process.getErrorStream(), false));
    }

    static boolean available() {
        return Files.isExecutable(PYTHON);
    }

    private static void daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    private void read(InputStream in, boolean messages) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                synchronized (transcript) {
                    transcript.add((messages ? "" : "stderr: ") + (line.length() > 400 ? line.substring(0, 400) + "..." : line));
                }
                if (messages && line.startsWith("{")) {
                    Envelope m;
                    try {
                        m = Envelope.parse(line);
                    } catch (IllegalArgumentException e) {
                        continue;
                    }
                    deliver(m);
                }
            }
        } catch (IOException e) {
            // the process went away
        }
    }

    @Override
    public synchronized void send(Envelope message) {
        try {
            stdin.write((message.toJson() + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new IllegalStateException("python peer is gone: " + transcript(), e);
        }
    }

    private void deliver(Envelope m) {
        Consumer<Envelope> h;
        synchronized (early) {
            if (handler == null) {
                early.add(m);
                return;
            }
            h = handler;
        }
        h.accept(m);
    }

    @Override
    public void onMessage(Consumer<Envelope> handler) {
        List<Envelope> queued;
        synchronized (early) {
            this.handler = handler;
            queued = new ArrayList<>(early);
            early.clear();
        }
        queued.forEach(handler);
    }

    @Override
    public String transcript() {
        synchronized (transcript) {
            return String.join("\n", transcript);
        }
    }

    @Override
    public void close() {
        try {
            stdin.close();
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // already gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
