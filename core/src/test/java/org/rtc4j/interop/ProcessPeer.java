package org.rtc4j.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A real peer in a child process that talks {@link Envelope}s one per line over its stdin and
 * stdout; what it writes to stderr goes into the transcript. Its messages wait until a handler
 * is set, so that none is lost when it answers before the test listens (webrtcbin and Pion write
 * their offers within milliseconds of starting). Closing ends its stdin (the peer's cue to close
 * its connection and exit), waits a few seconds, then kills it.
 */
class ProcessPeer implements PeerLink {

    private final Process process;
    private final OutputStream stdin;
    private final List<String> transcript = new ArrayList<>();
    private volatile Consumer<Envelope> handler;
    /** Opened by {@link #onMessage}: a fast peer may speak before the test is listening. */
    private final CountDownLatch listening = new CountDownLatch(1);

    ProcessPeer(String name, ProcessBuilder pb) throws IOException {
        process = pb.start();
        stdin = process.getOutputStream();
        daemon(name + "-stdout", () -> read(process.getInputStream(), true));
        daemon(name + "-stderr", () -> read(process.getErrorStream(), false));
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
                    listening.await();
                    handler.accept(m);
                }
            }
        } catch (IOException e) {
            // the process went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void send(Envelope message) {
        try {
            stdin.write((message.toJson() + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new IllegalStateException("peer process is gone: " + transcript(), e);
        }
    }

    @Override
    public void onMessage(Consumer<Envelope> handler) {
        this.handler = handler;
        listening.countDown();
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
