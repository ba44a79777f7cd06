package org.rtc4j.sdp;

import java.util.List;

/**
 * The {@code t=} line: start and stop time in NTP seconds; WebRTC always uses {@code t=0 0}.
 *
 * @param start the start time in NTP seconds (since 1900); 0 together with {@code stop} 0 means
 *              a permanent session
 * @param stop  the stop time in NTP seconds; 0 means the session is unbounded
 */
public record Timing(long start, long stop) {

    /**
     * Parses the value of a {@code t=} line.
     *
     * @param value the text after {@code t=}, e.g. {@code 0 0}
     * @return the timing
     * @throws SdpParseException if the value is not two unsigned decimal numbers (the exception
     *                           is not tied to a line: its line number is 0)
     */
    public static Timing parse(String value) throws SdpParseException {
        List<String> f = Fields.split(value);
        Fields.count(f, 2, 2, "t=");
        return new Timing(Fields.parseLong(f.get(0), 0, Long.MAX_VALUE, "t= start time"),
                Fields.parseLong(f.get(1), 0, Long.MAX_VALUE, "t= stop time"));
    }

    /** @return the line value, {@code <start> <stop>} */
    public String format() {
        return start + " " + stop;
    }

    /** @return the {@code t=} line */
    public SdpLine toLine() {
        return new SdpLine('t', format());
    }
}
