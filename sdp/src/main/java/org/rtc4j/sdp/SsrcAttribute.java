package org.rtc4j.sdp;

/**
 * {@code a=ssrc:<ssrc> <attribute>[:<value>]} (RFC 5576), e.g. {@code 1957926969 cname:bJEV...}.
 *
 * @param ssrc      0..2^32-1
 * @param attribute e.g. {@code cname}, {@code msid}
 * @param value     the text after the colon (may contain spaces), or null
 */
public record SsrcAttribute(long ssrc, String attribute, String value) implements AttributeValue {

    /**
     * Parses the attribute value.
     *
     * @param value the text after {@code a=ssrc:}
     * @return the ssrc attribute
     * @throws SdpParseException if there is no space after the SSRC, the SSRC is not 0..2^32-1 or
     *                           the attribute name is not a token (line number 0)
     */
    public static SsrcAttribute parse(String value) throws SdpParseException {
        int sp = value.indexOf(' ');
        if (sp < 0) {
            throw SdpParseException.of("ssrc needs <ssrc> <attribute>[:<value>]");
        }
        long ssrc = Fields.parseLong(value.substring(0, sp), 0, 0xFFFFFFFFL, "ssrc");
        String rest = value.substring(sp + 1);
        int colon = rest.indexOf(':');
        String name = colon < 0 ? rest : rest.substring(0, colon);
        Fields.token(name, "ssrc attribute name");
        return new SsrcAttribute(ssrc, name, colon < 0 ? null : rest.substring(colon + 1));
    }

    @Override
    public String attributeName() {
        return "ssrc";
    }

    @Override
    public String format() {
        return ssrc + " " + attribute + (value == null ? "" : ":" + value);
    }
}
