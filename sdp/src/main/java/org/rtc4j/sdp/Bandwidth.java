package org.rtc4j.sdp;

/**
 * The {@code b=} line: {@code <bwtype>:<bandwidth>} (e.g. {@code AS:30}, {@code TIAS:64000}).
 *
 * @param type      the bandwidth type token as written, e.g. {@code AS} (RFC 8866 §5.8) or
 *                  {@code TIAS} (RFC 3890)
 * @param bandwidth the value in the unit of the type: kilobits per second for {@code AS} and
 *                  {@code CT}, bits per second for {@code TIAS}; never negative when parsed
 */
public record Bandwidth(String type, long bandwidth) {

    /**
     * Parses the value of a {@code b=} line.
     *
     * @param value the text after {@code b=}, e.g. {@code AS:30}
     * @return the bandwidth
     * @throws SdpParseException if there is no colon, the type is not a token or the bandwidth is
     *                           not an unsigned decimal number (line number 0)
     */
    public static Bandwidth parse(String value) throws SdpParseException {
        int colon = value.indexOf(':');
        if (colon < 0) {
            throw SdpParseException.of("b= must be <type>:<bandwidth>");
        }
        String type = Fields.token(value.substring(0, colon), "b= bandwidth type");
        long bw = Fields.parseLong(value.substring(colon + 1), 0, Long.MAX_VALUE, "b= bandwidth");
        return new Bandwidth(type, bw);
    }

    /** @return the line value, {@code <type>:<bandwidth>} */
    public String format() {
        return type + ":" + bandwidth;
    }

    /** @return the {@code b=} line */
    public SdpLine toLine() {
        return new SdpLine('b', format());
    }
}
