package org.rtc4j.srtp;

/**
 * How many packets a session protected, and how many it unprotected with each outcome. Plain
 * fields updated by the session's owning thread; read them from that thread (or accept slightly
 * stale values elsewhere).
 */
public final class SrtpCounters {
    private final long[] rtp = new long[SrtpStatus.values().length];
    private final long[] rtcp = new long[SrtpStatus.values().length];
    long rtpProtected;
    long rtcpProtected;

    SrtpCounters() {
    }

    SrtpStatus rtp(SrtpStatus s) {
        rtp[s.ordinal()]++;
        return s;
    }

    SrtpStatus rtcp(SrtpStatus s) {
        rtcp[s.ordinal()]++;
        return s;
    }

    /**
     * RTP packets protected.
     *
     * @return the number of successful {@code protectRtp} calls since the session was created
     */
    public long rtpProtected() {
        return rtpProtected;
    }

    /**
     * RTCP packets protected.
     *
     * @return the number of successful {@code protectRtcp} calls since the session was created
     */
    public long rtcpProtected() {
        return rtcpProtected;
    }

    /**
     * SRTP packets whose unprotect ended with {@code status}.
     *
     * @param status the outcome to count, not null
     * @return the number of {@code unprotectRtp} calls that returned {@code status}
     */
    public long rtpUnprotected(SrtpStatus status) {
        return rtp[status.ordinal()];
    }

    /**
     * SRTCP packets whose unprotect ended with {@code status}.
     *
     * @param status the outcome to count, not null
     * @return the number of {@code unprotectRtcp} calls that returned {@code status}
     */
    public long rtcpUnprotected(SrtpStatus status) {
        return rtcp[status.ordinal()];
    }

    /**
     * SRTP packets dropped for any reason.
     *
     * @return the number of {@code unprotectRtp} calls that returned anything but
     *     {@link SrtpStatus#OK}
     */
    public long rtpDropped() {
        return sumDropped(rtp);
    }

    /**
     * SRTCP packets dropped for any reason.
     *
     * @return the number of {@code unprotectRtcp} calls that returned anything but
     *     {@link SrtpStatus#OK}
     */
    public long rtcpDropped() {
        return sumDropped(rtcp);
    }

    private static long sumDropped(long[] counts) {
        long n = 0;
        for (int i = 1; i < counts.length; i++) {
            n += counts[i];
        }
        return n;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SrtpCounters{rtpProtected=").append(rtpProtected)
                .append(", rtcpProtected=").append(rtcpProtected);
        for (SrtpStatus s : SrtpStatus.values()) {
            sb.append(", rtp.").append(s).append('=').append(rtp[s.ordinal()]);
        }
        for (SrtpStatus s : SrtpStatus.values()) {
            sb.append(", rtcp.").append(s).append('=').append(rtcp[s.ordinal()]);
        }
        return sb.append('}').toString();
    }
}
