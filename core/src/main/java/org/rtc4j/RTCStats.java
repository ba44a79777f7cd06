package org.rtc4j;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One W3C stats object: its {@code id}, {@code type} (e.g. {@code "candidate-pair"}),
 * {@code timestamp} in milliseconds, and the members the W3C stats spec names for that type.
 *
 * @param id        unique within one report
 * @param type      the W3C {@code RTCStatsType} value
 * @param timestamp when the object was sampled (ms since the Unix epoch)
 * @param members   the type's members, in a stable order
 */
public record RTCStats(String id, String type, double timestamp, Map<String, Object> members) {

    /**
     * Copies the members into an unmodifiable map.
     *
     * @param id        unique within one report
     * @param type      the W3C {@code RTCStatsType} value
     * @param timestamp when the object was sampled (ms since the Unix epoch)
     * @param members   the type's members, in a stable order
     */
    public RTCStats {
        members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    /**
     * One member, or null.
     *
     * @param member the W3C member name, e.g. {@code "bytesSent"}
     * @return the value (a String, Number or Boolean), or null when the object has no such member
     */
    public Object get(String member) {
        return members.get(member);
    }
}
