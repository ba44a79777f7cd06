package org.rtc4j.sdp;

import java.util.List;

/**
 * {@code a=msid-semantic: WMS [ids]} (the pre-standard Plan B line Chromium still writes).
 * Formatting uses Chromium's spelling with a space after the colon.
 */
public record MsidSemantic(String semantic, List<String> streamIds) implements AttributeValue {
    public MsidSemantic {
        streamIds = List.copyOf(streamIds);
    }

    /** Parses the attribute value (a leading space is allowed). */
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
