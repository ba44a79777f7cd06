package org.rtc4j.sdp;

import java.util.ArrayList;
import java.util.List;

/** {@code a=ssrc-group:<semantics> <ssrc>...} (RFC 5576), e.g. {@code FID 2719703504 3416358507}. */
public record SsrcGroup(String semantics, List<Long> ssrcs) implements AttributeValue {
    public SsrcGroup {
        ssrcs = List.copyOf(ssrcs);
    }

    /** Parses the attribute value. */
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
