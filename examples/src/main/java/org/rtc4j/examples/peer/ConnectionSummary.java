package org.rtc4j.examples.peer;

import java.util.concurrent.TimeUnit;
import org.rtc4j.RTCPeerConnection;
import org.rtc4j.RTCStats;
import org.rtc4j.RTCStatsReport;

/** The selected candidate pair and DTLS cipher suite of a connection, from its stats. */
public record ConnectionSummary(String candidatePair, String dtlsCipherSuite) {

    /** Reads {@code getStats()}: transport → selectedCandidatePairId → its two candidates. */
    public static ConnectionSummary of(RTCPeerConnection pc) {
        String pair = "unknown";
        try {
            RTCStatsReport r = pc.getStats().get(10, TimeUnit.SECONDS);
            for (RTCStats t : r.ofType("transport")) {
                Object pairId = t.get("selectedCandidatePairId");
                RTCStats p = pairId == null ? null : r.get(pairId.toString()).orElse(null);
                if (p != null) {
                    pair = candidate(r, p.get("localCandidateId")) + " <-> " + candidate(r, p.get("remoteCandidateId"));
                }
            }
        } catch (Exception e) {
            pair = "unavailable (" + e.getMessage() + ")";
        }
        String cipher = pc.dtlsCipherSuite();
        return new ConnectionSummary(pair, cipher == null ? "unknown" : cipher);
    }

    private static String candidate(RTCStatsReport r, Object id) {
        RTCStats c = id == null ? null : r.get(id.toString()).orElse(null);
        if (c == null) {
            return "?";
        }
        String host = String.valueOf(c.get("address"));
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return c.get("candidateType") + " " + host + ":" + c.get("port") + "/" + c.get("protocol");
    }
}
