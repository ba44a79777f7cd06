package org.rtc4j.examples.peer;

import java.util.concurrent.TimeUnit;
import org.rtc4j.RTCPeerConnection;
import org.rtc4j.RTCStats;
import org.rtc4j.RTCStatsReport;

/**
 * The selected candidate pair and DTLS cipher suite of a connection, from its stats.
 *
 * @param candidatePair   {@code "<type> <address>:<port>/<protocol> <-> ..."} for the local and
 *                        remote candidate (IPv6 addresses in brackets), {@code "unknown"} when no
 *                        pair is selected, or {@code "unavailable (...)"} when the stats failed
 * @param dtlsCipherSuite the negotiated DTLS cipher suite name, or {@code "unknown"}
 */
public record ConnectionSummary(String candidatePair, String dtlsCipherSuite) {

    /**
     * Reads {@code getStats()}: transport → selectedCandidatePairId → its two candidates. Waits
     * up to 10 s for the stats.
     *
     * @param pc the connection
     * @return the summary; never null, and failures are reported in its text rather than thrown
     */
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
