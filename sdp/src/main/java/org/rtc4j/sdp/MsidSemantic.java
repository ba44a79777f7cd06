package org.rtc4j.sdp;

import java.util.List;

/**
 * {@code a=msid-semantic: WMS [ids]} (the pre-standard Plan B line Chromium still writes).
 * Formatting uses Chromium's spelling with a space after the colon.
 *
 * @param semantic  the semantic token, e.g. {@code WMS}
 * @param streamIds the stream ids after the semantic, in order; may be empty
 */
public record MsidSemantic(String semantic, List<String> streamIds) implements AttributeValue {
    /**
     * Copies the stream ids into an immutable list.
     *
     * @param semantic  the semantic token
     * @param streamIds the stream ids
     * @throws NullPointerException if {@code streamIds} is null or contains null
     */
    public MsidSemantic {
        streamIds = List.copyOf(streamIds);
    }

    /**
     * Parses the attribute value (a leading space is allowed).
     *
     * @param value the text after {@code a=msid-semantic:}, e.g. {@code " WMS"}
     * @return the msid-semantic
     * @throws SdpParseException if the value is empty or the semantic is not a token
     *                           (line number 0)
     */
    public static MsidSemantic parse(String value) throws SdpParseException {
        List<String> f = Fields.split(value);
        if (f.isEmpty()) {
            throw SdpParseException.of("msid-semantic needs a semantic such as WMS");
        }
        Fields.token(f.get(0), "msid-semantic");
        for (String id : f.subList(1, f.size())) {
            Fields.visible(id, "msid-semantic stream id");
        }
        return new MsidSemantic(f.get(0), f.subList(1, f.size()));
    }

    @Override
    public String attributeName() {
        return "msid-semantic";
    }

    @Override
    public String format() {
        return " " + semantic + (streamIds.isEmpty() ? "" : " " + String.join(" ", streamIds));
    }
}
