package org.rtc4j.sdp;

import java.util.List;

/**
 * {@code a=extmap:<id>[/<direction>] <uri> [<attributes>]} (RFC 8285).
 *
 * @param id         1..255 (one- or two-byte header), or 4096..4351 (offer-only range)
 * @param direction  the optional direction, or null
 * @param uri        the extension URI
 * @param attributes the extension attributes after the URI, or null
 */
public record ExtMap(int id, Direction direction, String uri, String attributes) implements AttributeValue {

    /**
     * An extmap with no direction and no extension attributes.
     *
     * @param id  the extension id, 1..255 or 4096..4351 (checked when the description is built)
     * @param uri the extension URI, e.g. {@code urn:ietf:params:rtp-hdrext:sdes:mid}
     */
    public ExtMap(int id, String uri) {
        this(id, null, uri, null);
    }

    /**
     * Parses the attribute value.
     *
     * @param value the text after {@code a=extmap:}
     * @return the extmap
     * @throws SdpParseException if there is no URI, the direction is not one of the four names or
     *                           the id is outside 1..255 and 4096..4351 (line number 0)
     */
    public static ExtMap parse(String value) throws SdpParseException {
        List<String> f = Fields.split(value);
        if (f.size() < 2) {
            throw SdpParseException.of("extmap needs <id>[/<direction>] <uri>");
        }
        String idField = f.get(0);
        int slash = idField.indexOf('/');
        Direction dir = null;
        String idText = idField;
        if (slash >= 0) {
            idText = idField.substring(0, slash);
            dir = Direction.fromSdpName(idField.substring(slash + 1));
            if (dir == null) {
                throw SdpParseException.of("extmap direction must be sendrecv, sendonly, recvonly or inactive, got \""
                        + idField.substring(slash + 1) + "\"");
            }
        }
        int id = Fields.parseInt(idText, 1, 4351, "extmap id");
        if (id > 255 && id < 4096) {
            throw SdpParseException.of("extmap id must be 1..255 or 4096..4351, got " + id);
        }
        Fields.visible(f.get(1), "extmap uri");
        String attrs = f.size() > 2 ? String.join(" ", f.subList(2, f.size())) : null;
        return new ExtMap(id, dir, f.get(1), attrs);
    }

    @Override
    public String attributeName() {
        return "extmap";
    }

    @Override
    public String format() {
        return id + (direction == null ? "" : "/" + direction.sdpName()) + " " + uri
                + (attributes == null ? "" : " " + attributes);
    }
}
