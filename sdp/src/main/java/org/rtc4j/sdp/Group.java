package org.rtc4j.sdp;

import java.util.List;

/** {@code a=group:<semantics> <mid>...} (RFC 5888), e.g. {@code BUNDLE 0 1 2}. */
public record Group(String semantics, List<String> mids) implements AttributeValue {
    public Group {
        mids = List.copyOf(mids);
    }

    /** Parses the attribute value. */
    public static Group parse(String value) throws SdpParseException {
        List<String> f = Fields.split(value);
        if (f.isEmpty()) {
            throw SdpParseException.of("group needs a semantics such as BUNDLE");
        }
        Fields.token(f.get(0), "group semantics");
        for (String mid : f.subList(1, f.size())) {
            Fields.token(mid, "group mid");
        }
        return new Group(f.get(0), f.subList(1, f.size()));
    }

    /** @return true for {@code BUNDLE} */
    public boolean isBundle() {
        return "BUNDLE".equals(semantics);
    }

    @Override
    public String attributeName() {
        return "group";
    }

    @Override
    public String format() {
        return mids.isEmpty() ? semantics : semantics + " " + String.join(" ", mids);
    }
}
