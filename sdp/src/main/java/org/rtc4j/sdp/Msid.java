package org.rtc4j.sdp;

import java.util.List;

/**
 * {@code a=msid:<stream id> [<track id>]} (RFC 8830). Stream id {@code -} means no stream.
 *
 * @param streamId the MediaStream id, or {@code -} for a track without a stream
 * @param trackId  the application data (track id), or null when absent
 */
public record Msid(String streamId, String trackId) implements AttributeValue {

    /**
     * Parses the attribute value.
     *
     * @param value the text after {@code a=msid:}
     * @return the msid
     * @throws SdpParseException if there are not one or two fields or the stream id contains
     *                           control characters (line number 0)
     */
    public static Msid parse(String value) throws SdpParseException {
        List<String> f = Fields.split(value);
        Fields.count(f, 1, 2, "msid");
        Fields.visible(f.get(0), "msid stream id");
        return new Msid(f.get(0), f.size() > 1 ? f.get(1) : null);
    }

    @Override
    public String attributeName() {
        return "msid";
    }

    @Override
    public String format() {
        return trackId == null ? streamId : streamId + " " + trackId;
    }
}
