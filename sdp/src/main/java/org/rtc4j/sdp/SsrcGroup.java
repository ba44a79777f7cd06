package org.rtc4j.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code a=ssrc-group:<semantics> <ssrc>...} (RFC 5576), e.g. {@code FID 2719703504 3416358507}.
 *
 * @param semantics the semantics token, e.g. {@code FID} (RTX), {@code FEC-FR} or {@code SIM}
 * @param ssrcs     the SSRCs in order, each 0..2^32-1; at least one when parsed
 */
public record SsrcGroup(String semantics, List<Long> ssrcs) implements AttributeValue {
    /**
     * Copies the SSRCs into an immutable list.
     *
     * @param semantics the semantics token
     * @param ssrcs     the SSRCs
     * @throws NullPointerException if {@code ssrcs} is null or contains null
     */
    public SsrcGroup {
        ssrcs = List.copyOf(ssrcs);
    }

    /**
     * Parses the attribute value.
     *
     * @param value the text after {@code a=ssrc-group:}
     * @return the ssrc group
     * @throws SdpParseException if there is no SSRC, the semantics is not a token or an SSRC is not
     *                           0..2^32-1 (line number 0)
     */
    public static SsrcGroup parse(String value) throws SdpParseException {
        List<String> f = Fields.split(value);
        if (f.size() < 2) {
            throw SdpParseException.of("ssrc-group needs <semantics> and at least one ssrc");
        }
        Fields.token(f.get(0), "ssrc-group semantics");
        List<Long> ssrcs = new ArrayList<>();
        for (String s : f.subList(1, f.size())) {
            ssrcs.add(Fields.parseLong(s, 0, 0xFFFFFFFFL, "ssrc-group ssrc"));
        }
        return new SsrcGroup(f.get(0), ssrcs);
    }

    @Override
    public String attributeName() {
        return "ssrc-group";
    }

    @Override
    public String format() {
        StringBuilder sb = new StringBuilder(semantics);
        for (Long s : ssrcs) {
            sb.append(' ').append(s);
        }
        return sb.toString();
    }
}
