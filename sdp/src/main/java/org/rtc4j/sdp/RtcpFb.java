package org.rtc4j.sdp;

/**
 * {@code a=rtcp-fb:<pt|*> <type> [<parameter>]} (RFC 4585), e.g. {@code 96 nack pli}.
 *
 * @param payloadType the payload type as written, or {@code *} for all
 * @param type        e.g. {@code nack}, {@code ccm}, {@code goog-remb}, {@code transport-cc}
 * @param parameter   the rest (e.g. {@code pli}, {@code fir}), or null
 */
public record RtcpFb(String payloadType, String type, String parameter) implements AttributeValue {

    /**
     * Feedback for one payload type.
     *
     * @param payloadType the RTP payload type, 0..127 (not checked until the description is built)
     * @param type        the feedback type, e.g. {@code nack}
     * @param parameter   the feedback parameter, e.g. {@code pli}, or null
     * @return the feedback line
     */
    public static RtcpFb of(int payloadType, String type, String parameter) {
        return new RtcpFb(Integer.toString(payloadType), type, parameter);
    }

    /**
     * Parses the attribute value.
     *
     * @param value the text after {@code a=rtcp-fb:}
     * @return the feedback line
     * @throws SdpParseException if there are fewer than two fields, the payload type is neither
     *                           {@code *} nor 0..127 or the type is not a token (line number 0)
     */
    public static RtcpFb parse(String value) throws SdpParseException {
        java.util.List<String> f = Fields.split(value);
        if (f.size() < 2) {
            throw SdpParseException.of("rtcp-fb needs <payload type> <type>");
        }
        String pt = f.get(0);
        if (!pt.equals("*")) {
            Fields.parseInt(pt, 0, 127, "rtcp-fb payload type");
        }
        Fields.token(f.get(1), "rtcp-fb type");
        String param = f.size() > 2 ? String.join(" ", f.subList(2, f.size())) : null;
        return new RtcpFb(pt, f.get(1), param);
    }

    /**
     * @param pt the RTP payload type
     * @return true if this feedback is for {@code pt} or for all payload types ({@code *})
     */
    public boolean appliesTo(int pt) {
        return payloadType.equals("*") || payloadType.equals(Integer.toString(pt));
    }

    @Override
    public String attributeName() {
        return "rtcp-fb";
    }

    @Override
    public String format() {
        return payloadType + " " + type + (parameter == null ? "" : " " + parameter);
    }
}
