package org.rtc4j.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** One `rtc4j` command running in-process on its own thread, with its stdin, stdout and stderr. */
final class CliRun implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    final LineSink out = new LineSink();
    final LineSink err = new LineSink();
    private final PipedOutputStream stdin = new PipedOutputStream();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final Thread thread;

    private CliRun(String... args) throws IOException {
        PipedInputStream in = new PipedInputStream(stdin, 1 << 16);
        thread = new Thread(() -> {
            try {
                exit.complete(Rtc4jCli.execute(in, new PrintWriter(out, true), new PrintWriter(err, true), args));
            } catch (Throwable t) {
                exit.completeExceptionally(t);
            }
        }, "rtc4j " + args[0]);
        thread.setDaemon(true);
        thread.start();
    }

    static CliRun start(String... args) throws IOException {
        return new CliRun(args);
    }

    /** Types a line on the command's stdin. */
    void type(String line) throws IOException {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** Ends the command's stdin. */
    void endInput() throws IOException {
        stdin.close();
    }

    /** Waits for a JSON event line on stdout with {@code event} and matching {@code p}. */
    JsonNode awaitEvent(String event, Predicate<JsonNode> p) throws InterruptedException {
        String line = out.await(l -> {
            JsonNode n = parse(l);
            return n != null && event.equals(n.path("event").asText()) && p.test(n);
        }, WAIT).orElseThrow(() -> new AssertionError("no '" + event + "' event within " + WAIT
                + "\nstdout:\n" + out.text() + "\nstderr:\n" + err.text()));
        return parse(line);
    }

    JsonNode awaitEvent(String event) throws InterruptedException {
        return awaitEvent(event, n -> true);
    }

    /** Waits for the exit code. */
    int awaitExit() throws Exception {
        try {
            return exit.get(WAIT.toSeconds() * 2, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("did not exit\nstdout:\n" + out.text() + "\nstderr:\n" + err.text());
        }
    }

    /** Interrupts the command (like Ctrl-C for the commands that run until interrupted). */
    int interrupt() throws Exception {
        thread.interrupt();
        return awaitExit();
    }

    static JsonNode parse(String line) {
        try {
            return line.startsWith("{") ? JSON.readTree(line) : null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() throws Exception {
        if (!exit.isDone()) {
            thread.interrupt();
            thread.join(20_000);
        }
    }
}
