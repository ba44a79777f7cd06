package org.rtc4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of {@link RTCPeerConnection#getStats()}: stats objects by id, as the browser's
 * {@code RTCStatsReport} map.
 */
public final class RTCStatsReport {

    private final Map<String, RTCStats> byId;

    RTCStatsReport(List<RTCStats> stats) {
        Map<String, RTCStats> m = new LinkedHashMap<>();
        for (RTCStats s : stats) {
            m.put(s.id(), s);
        }
        this.byId = Collections.unmodifiableMap(m);
    }

    /**
     * All objects by id.
     *
     * @return an unmodifiable map, in the order the objects were collected
     */
    public Map<String, RTCStats> asMap() {
        return byId;
    }

    /**
     * The object with this id.
     *
     * @param id the stats object's id
     * @return the object, or empty if the report has none with that id
     */
    public Optional<RTCStats> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * All objects of one W3C type, e.g. {@code "data-channel"}.
     *
     * @param type the W3C {@code RTCStatsType} value
     * @return a new list, in report order; empty if there are none
     */
    public List<RTCStats> ofType(String type) {
        List<RTCStats> out = new ArrayList<>();
        for (RTCStats s : byId.values()) {
            if (s.type().equals(type)) {
                out.add(s);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return byId.values().toString();
    }
}
