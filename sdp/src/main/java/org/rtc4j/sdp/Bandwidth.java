package org.rtc4j.sdp;

/** The {@code b=} line: {@code <bwtype>:<bandwidth>} (e.g. {@code AS:30}, {@code TIAS:64000}). */
public record Bandwidth(String type, long bandwidth) {

    /** Parses the value of a {@code b=} line. */
    public static Bandwidth parse(String value) throws SdpParseException {
        int colon = value.indexOf(':');
        if (colon < 0) {
            throw SdpParseException.of("b= must be <type>:<bandwidth>");
        }
        String type = Fields.token(value.substring(0, colon), "b= bandwidth type");
        long bw = Fields.parseLong(value.substring(colon + 1), 0, Long.MAX_VALUE, "b= bandwidth");
        return new Bandwidth(type, bw);
    }

    /** @return the line value */
    public String format() {
        return type + ":" + bandwidth;
    }

    /** @return the {@code b=} line */
    public SdpLine toLine() {
        return new SdpLine('b', format());
    }
}
