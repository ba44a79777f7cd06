package org.rtc4j.examples;

import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** A writer that keeps what a command prints, line by line, for tests to wait on. */
final class LineSink extends Writer {
    private final StringBuilder partial = new StringBuilder();
    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void write(char[] cbuf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            char c = cbuf[i];
            if (c == '\n') {
                lines.add(partial.toString());
                partial.setLength(0);
                notifyAll();
            } else if (c != '\r') {
                partial.append(c);
            }
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    synchronized String text() {
        return String.join("\n", lines) + (partial.length() > 0 ? "\n" + partial : "");
    }

    /** Waits for a line matching {@code p}. */
    synchronized Optional<String> await(Predicate<String> p, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (true) {
            for (; seen < lines.size(); seen++) {
                if (p.test(lines.get(seen))) {
                    return Optional.of(lines.get(seen));
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
