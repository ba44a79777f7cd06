package org.rtc4j;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A trickled ICE candidate as the W3C API carries it, converting to and from the browser's JSON
 * {@code {"candidate":"candidate:...","sdpMid":"0","sdpMLineIndex":0,"usernameFragment":"..."}}.
 *
 * <p>An empty {@link #candidate()} string is the end-of-candidates marker for its generation
 * (what a browser's {@code addIceCandidate({candidate: ""})} means).
 */
public final class RTCIceCandidate {

    private final String candidate;
    private final String sdpMid;
    private final Integer sdpMLineIndex;
    private final String usernameFragment;

    /**
     * @param candidate        the {@code candidate:...} attribute value, or "" for end-of-candidates
     * @param sdpMid           the media section's mid, or null
     * @param sdpMLineIndex    the media section's index, or null; one of mid and index is needed
     * @param usernameFragment the ICE ufrag the candidate belongs to, or null
     */
    public RTCIceCandidate(String candidate, String sdpMid, Integer sdpMLineIndex, String usernameFragment) {
        this.candidate = Objects.requireNonNull(candidate, "candidate");
        if (sdpMid == null && sdpMLineIndex == null) {
            throw new IllegalArgumentException("a candidate needs sdpMid or sdpMLineIndex");
        }
        if (sdpMLineIndex != null && sdpMLineIndex < 0) {
            throw new IllegalArgumentException("sdpMLineIndex is negative: " + sdpMLineIndex);
        }
        this.sdpMid = sdpMid;
        this.sdpMLineIndex = sdpMLineIndex;
        this.usernameFragment = usernameFragment;
    }

    /**
     * The candidate attribute value ({@code candidate:1 1 udp ...}), or "" at end-of-candidates.
     * W3C {@code candidate}.
     *
     * @return the value, without the {@code a=} prefix; empty for the end-of-candidates marker
     */
    public String candidate() {
        return candidate;
    }

    /**
     * The mid of the media section the candidate belongs to, or null (W3C {@code sdpMid}).
     *
     * @return the mid, or null when only {@link #sdpMLineIndex()} names the section
     */
    public String sdpMid() {
        return sdpMid;
    }

    /**
     * The index of the media section the candidate belongs to, or null (W3C
     * {@code sdpMLineIndex}).
     *
     * @return the 0-based index of the m= section, or null when only {@link #sdpMid()} names it
     */
    public Integer sdpMLineIndex() {
        return sdpMLineIndex;
    }

    /**
     * The ICE username fragment, or null when the sender did not say (W3C
     * {@code usernameFragment}).
     *
     * @return the ufrag of the ICE generation the candidate belongs to, or null
     */
    public String usernameFragment() {
        return usernameFragment;
    }

    /**
     * Whether this is the end-of-candidates marker.
     *
     * @return true if {@link #candidate()} is empty
     */
    public boolean isEndOfCandidates() {
        return candidate.isEmpty();
    }

    /**
     * The browser's JSON form.
     *
     * @return a JSON object with all four members, absent ones as JSON {@code null}
     */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("candidate", candidate);
        m.put("sdpMid", sdpMid);
        m.put("sdpMLineIndex", sdpMLineIndex);
        m.put("usernameFragment", usernameFragment);
        return JsonIo.writeFlatObject(m);
    }

    /**
     * Reads the browser's JSON form.
     *
     * @param json a flat JSON object with string, number or null members
     * @return the candidate; a missing or null {@code "candidate"} reads as "" (end of candidates)
     * @throws IllegalArgumentException if the JSON is malformed or lacks both mid and index
     */
    public static RTCIceCandidate fromJson(String json) {
        Map<String, Object> m = JsonIo.readFlatObject(json);
        String candidate = JsonIo.string(m, "candidate");
        Object index = m.get("sdpMLineIndex");
        if (index != null && !(index instanceof Long && (Long) index <= Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("\"sdpMLineIndex\" is not a small integer");
        }
        return new RTCIceCandidate(candidate == null ? "" : candidate, JsonIo.string(m, "sdpMid"),
                index == null ? null : ((Long) index).intValue(), JsonIo.string(m, "usernameFragment"));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RTCIceCandidate)) {
            return false;
        }
        RTCIceCandidate c = (RTCIceCandidate) o;
        return candidate.equals(c.candidate) && Objects.equals(sdpMid, c.sdpMid)
                && Objects.equals(sdpMLineIndex, c.sdpMLineIndex)
                && Objects.equals(usernameFragment, c.usernameFragment);
    }

    @Override
    public int hashCode() {
        return Objects.hash(candidate, sdpMid, sdpMLineIndex, usernameFragment);
    }

    @Override
    public String toString() {
        return toJson();
    }
}
