package org.rtc4j.sdp;

import java.util.List;

/**
 * {@code a=group:<semantics> <mid>...} (RFC 5888), e.g. {@code BUNDLE 0 1 2}.
 *
 * @param semantics the semantics token, e.g. {@code BUNDLE} or {@code LS}
 * @param mids      the mids of the grouped media sections, in order; may be empty
 */
public record Group(String semantics, List<String> mids) implements AttributeValue {
    /**
     * Copies the mids into an immutable list.
     *
     * @param semantics the semantics token
     * @param mids      the grouped mids
     * @throws NullPointerException if {@code mids} is null or contains null
     */
    public Group {
        mids = List.copyOf(mids);
    }

    /**
     * Parses the attribute value.
     *
     * @param value the text after {@code a=group:}
     * @return the group
     * @throws SdpParseException if the value is empty or the semantics or a mid is not a token
     *                           (line number 0)
     */
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

    /** @return true if the semantics is {@code BUNDLE} (RFC 9143), compared case-sensitively */
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
