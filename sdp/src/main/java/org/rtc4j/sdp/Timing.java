package org.rtc4j.sdp;

import java.util.List;

/** The {@code t=} line: start and stop time in NTP seconds; WebRTC always uses {@code t=0 0}. */
public record Timing(long start, long stop) {

    /** Parses the value of a {@code t=} line. */
    public static Timing parse(String value) throws SdpParseException {
        List<String> f = Fields.split(value);
        Fields.count(f, 2, 2, "t=");
        return new Timing(Fields.parseLong(f.get(0), 0, Long.MAX_VALUE, "t= start time"),
                Fields.parseLong(f.get(1), 0, Long.MAX_VALUE, "t= stop time"));
    }

    /** @return the line value */
    public String format() {
        return start + " " + stop;
    }

    /** @return the {@code t=} line */
    public SdpLine toLine() {
        return new SdpLine('t', format());
    }
}
