package org.rtc4j.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code a=rid:<id> <send|recv> [<restrictions>]} (RFC 8851), e.g. {@code q send} or
 * {@code 1 send pt=96,97;max-width=1280}.
 *
 * @param id           the RTP stream id (letters, digits, {@code -}, {@code _})
 * @param direction    {@code send} or {@code recv}
 * @param restrictions ordered {@code key=value} pairs (including {@code pt})
 */
public record Rid(String id, String direction, List<Parameter> restrictions) implements AttributeValue {
    /**
     * Copies the restrictions into an immutable list. The id and direction are checked when the
     * description is built.
     *
     * @param id           the RTP stream id
     * @param direction    {@code send} or {@code recv}
     * @param restrictions the restrictions
     * @throws NullPointerException if {@code restrictions} is null or contains null
     */
    public Rid {
        restrictions = List.copyOf(restrictions);
    }

    /**
     * Parses the attribute value.
     *
     * @param value the text after {@code a=rid:}
     * @return the rid
     * @throws SdpParseException if there are not two or three fields, the id is not 1 to 255
     *                           letters, digits, {@code -} or {@code _}, the direction is not
     *                           {@code send} or {@code recv}, or a {@code pt} value is not 0..127
     *                           (line number 0)
     */
    public static Rid parse(String value) throws SdpParseException {
        List<String> f = Fields.split(value);
        Fields.count(f, 2, 3, "rid");
        checkId(f.get(0));
        if (!f.get(1).equals("send") && !f.get(1).equals("recv")) {
            throw SdpParseException.of("rid direction must be send or recv, got \"" + f.get(1) + "\"");
        }
        List<Parameter> params = f.size() > 2 ? Fmtp.parameters(f.get(2), "rid") : List.of();
        for (Parameter p : params) {
            if (p.key().equals("pt") && p.value() != null) {
                for (String pt : Fields.splitOn(p.value(), ',')) {
                    Fields.parseInt(pt, 0, 127, "rid payload type");
                }
            }
        }
        return new Rid(f.get(0), f.get(1), params);
    }

    static void checkId(String id) throws SdpParseException {
        boolean ok = !id.isEmpty() && id.length() <= 255;
        for (int i = 0; ok && i < id.length(); i++) {
            char c = id.charAt(i);
            ok = c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '_';
        }
        if (!ok) {
            throw SdpParseException.of("rid id must be letters, digits, '-' or '_', got \"" + id + "\"");
        }
    }

    /** @return the payload types of the {@code pt=} restriction, empty if none */
    public List<Integer> payloadTypes() {
        List<Integer> out = new ArrayList<>();
        for (Parameter p : restrictions) {
            if (p.key().equals("pt") && p.value() != null) {
                for (String pt : Fields.splitOn(p.value(), ',')) {
                    out.add(Integer.parseInt(pt));
                }
            }
        }
        return out;
    }

    @Override
    public String attributeName() {
        return "rid";
    }

    @Override
    public String format() {
        StringBuilder sb = new StringBuilder(id).append(' ').append(direction);
        for (int i = 0; i < restrictions.size(); i++) {
            sb.append(i == 0 ? ' ' : ';').append(restrictions.get(i).format());
        }
        return sb.toString();
    }
}
