package org.rtc4j;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A session description as the W3C API carries it: a {@link RTCSdpType type} and the SDP text.
 * Converts to and from the browser's JSON form {@code {"type":"offer","sdp":"v=0..."}} so it
 * can cross any signaling channel unchanged.
 */
public final class RTCSessionDescription {

    private final RTCSdpType type;
    private final String sdp;

    /**
     * @param type the description's type
     * @param sdp  the SDP text; may be empty only for {@link RTCSdpType#ROLLBACK}
     */
    public RTCSessionDescription(RTCSdpType type, String sdp) {
        this.type = Objects.requireNonNull(type, "type");
        this.sdp = sdp == null ? "" : sdp;
    }

    /**
     * The description's type (W3C {@code type}).
     *
     * @return the type
     */
    public RTCSdpType type() {
        return type;
    }

    /**
     * The SDP text (empty for a rollback). W3C {@code sdp}.
     *
     * @return the SDP, never null
     */
    public String sdp() {
        return sdp;
    }

    /**
     * The browser's JSON form, {@code {"type":..., "sdp":...}}.
     *
     * @return the JSON text, what a browser's {@code JSON.stringify(description)} gives
     */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type.value());
        m.put("sdp", sdp);
        return JsonIo.writeFlatObject(m);
    }

    /**
     * Reads the browser's JSON form.
     *
     * @param json a flat JSON object with {@code "type"} and (unless a rollback) {@code "sdp"}
     * @return the description; a rollback without {@code "sdp"} has empty SDP
     * @throws IllegalArgumentException if the JSON is malformed, the type unknown, or the SDP
     *                                  missing from a description that is not a rollback
     */
    public static RTCSessionDescription fromJson(String json) {
        Map<String, Object> m = JsonIo.readFlatObject(json);
        String type = JsonIo.string(m, "type");
        if (type == null) {
            throw new IllegalArgumentException("description has no \"type\"");
        }
        RTCSdpType t = RTCSdpType.of(type);
        String sdp = JsonIo.string(m, "sdp");
        if (sdp == null && t != RTCSdpType.ROLLBACK) {
            throw new IllegalArgumentException("description of type " + type + " has no \"sdp\"");
        }
        return new RTCSessionDescription(t, sdp);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RTCSessionDescription
                && ((RTCSessionDescription) o).type == type && ((RTCSessionDescription) o).sdp.equals(sdp);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + sdp.hashCode();
    }

    @Override
    public String toString() {
        return "RTCSessionDescription{" + type + ", " + sdp.length() + " chars}";
    }
}
