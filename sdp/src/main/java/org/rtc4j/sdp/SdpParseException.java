package org.rtc4j.sdp;

/**
 * The one exception the SDP parser throws: malformed, truncated or oversized input.
 *
 * <p>It names the 1-based line number, the offending line (shortened for display when huge) and a
 * readable reason. For a standalone value such as a trickled candidate string the line number is 1
 * and the line is the value that was given.
 */
public final class SdpParseException extends Exception {
    private static final long serialVersionUID = 1L;
    private static final int MAX_SHOWN = 200;

    /** The 1-based line number, or 0 when the failure is not tied to a line. */
    private final int lineNumber;
    /** The offending line without terminator, or null. */
    private final String line;
    /** What is wrong, in words, without the position. */
    private final String reason;

    /**
     * @param reason     what is wrong, in words
     * @param lineNumber 1-based line number, or 0 when not yet known
     * @param line       the offending line, or null when not yet known
     */
    public SdpParseException(String reason, int lineNumber, String line) {
        super(message(reason, lineNumber, line));
        this.reason = reason;
        this.lineNumber = lineNumber;
        this.line = line;
    }

    /** A failure whose position is filled in later by {@link #at(int, String)}. */
    static SdpParseException of(String reason) {
        return new SdpParseException(reason, 0, null);
    }

    /** The same reason, placed at a line. */
    SdpParseException at(int lineNumber, String line) {
        return new SdpParseException(reason, lineNumber, line);
    }

    /** @return the 1-based line number (0 only if the failure was not tied to a line) */
    public int lineNumber() {
        return lineNumber;
    }

    /** @return the offending line without its line terminator, or null */
    public String line() {
        return line;
    }

    /** @return the reason in words, without the position */
    public String reason() {
        return reason;
    }

    private static String message(String reason, int lineNumber, String line) {
        StringBuilder sb = new StringBuilder();
        if (lineNumber > 0) {
            sb.append("line ").append(lineNumber).append(": ");
        }
        sb.append(reason);
        if (line != null) {
            sb.append(": \"").append(printable(line)).append('"');
        }
        return sb.toString();
    }

    /** Escapes control characters and shortens very long lines so the message stays readable. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        int n = Math.min(s.length(), MAX_SHOWN);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (s.length() > MAX_SHOWN) {
            sb.append("...(").append(s.length()).append(" chars)");
        }
        return sb.toString();
    }
}
