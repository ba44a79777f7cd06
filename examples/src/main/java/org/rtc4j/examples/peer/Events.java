package org.rtc4j.examples.peer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a command tells its user: with {@code --json} one JSON object per line on stdout, each with
 * an {@code event} field; otherwise status lines on stderr and content (chat lines, summaries) on
 * stdout.
 */
public final class Events {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    private volatile boolean quietStatus;

    /**
     * Creates the output for one command run.
     *
     * @param out  standard output: JSON lines, or content lines
     * @param err  standard error: status and error lines in human mode
     * @param json one JSON object per line instead of human text
     */
    public Events(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    /**
     * Whether output is JSON lines.
     *
     * @return true when {@code --json} was given
     */
    public boolean json() {
        return json;
    }

    /** Drops later status events (e.g. peers leaving while a finished command shuts down). */
    public void quietStatus() {
        quietStatus = true;
    }

    /**
     * A status event: JSON on stdout, or {@code human} on stderr (skipped when null). Dropped
     * after {@link #quietStatus()}.
     *
     * @param event     the JSON {@code event} field, e.g. {@code "peer-joined"}
     * @param human     the line for human mode, or null to print nothing there
     * @param keyValues alternating field names ({@code String}) and JSON-serializable values; an
     *                  odd trailing element is ignored
     */
    public synchronized void status(String event, String human, Object... keyValues) {
        if (quietStatus) {
            return;
        }
        if (json) {
            line(event, keyValues);
        } else if (human != null) {
            err.println(human);
            err.flush();
        }
    }

    /**
     * A content event: JSON on stdout, or {@code human} on stdout.
     *
     * @param event     the JSON {@code event} field
     * @param human     the line for human mode
     * @param keyValues alternating field names ({@code String}) and JSON-serializable values; an
     *                  odd trailing element is ignored
     */
    public synchronized void content(String event, String human, Object... keyValues) {
        if (json) {
            line(event, keyValues);
        } else {
            out.println(human);
            out.flush();
        }
    }

    /**
     * The {@code error} event, or {@code rtc4j: message} on stderr. Never quieted.
     *
     * @param message the one-line description of what failed
     */
    public synchronized void error(String message) {
        if (json) {
            line("error", "message", message);
        } else {
            err.println("rtc4j: " + message);
            err.flush();
        }
    }

    /** Prints one JSON object (event first, then the key/value pairs) on stdout. */
    private void line(String event, Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", event);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        try {
            out.println(JSON.writeValueAsString(m));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }
}
