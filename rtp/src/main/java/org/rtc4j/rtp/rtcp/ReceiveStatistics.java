package org.rtc4j.rtp.rtcp;

import org.rtc4j.rtp.SequenceUnwrapper;

/**
 * Per-source receive statistics of RFC 3550 appendix A: extended highest sequence number,
 * cumulative and interval loss, interarrival jitter and the LSR/DLSR pair, turned into a
 * {@link ReportBlock} for the next RR/SR. Sans-IO: arrival times are passed in (µs).
 */
public final class ReceiveStatistics {
    private static final long NTP_EPOCH_OFFSET_SECONDS = 2_208_988_800L;

    private final long ssrc;
    private final int clockRate;
    private final SequenceUnwrapper unwrapper = SequenceUnwrapper.forSequenceNumbers();
    private long baseSeq = -1;
    private long maxSeq = -1;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private double jitter;
    private long lastTransit = Long.MIN_VALUE;
    private long firstArrivalMicros = Long.MIN_VALUE;
    private long lastSrMiddle;
    private long lastSrArrivalMicros = -1;

    /**
     * @param ssrc      the media source reported on
     * @param clockRate its RTP clock rate (for jitter in timestamp units)
     */
    public ReceiveStatistics(long ssrc, int clockRate) {
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate " + clockRate);
        }
        this.ssrc = ssrc;
        this.clockRate = clockRate;
    }

    /**
     * Records one RTP packet of this source (retransmissions restored from RTX included).
     *
     * @param sequenceNumber the RTP sequence number
     * @param rtpTimestamp the RTP timestamp of the packet
     * @param arrivalMicros when it arrived, in µs on the receiver clock
     */
    public void onPacket(int sequenceNumber, long rtpTimestamp, long arrivalMicros) {
        long s = unwrapper.unwrap(sequenceNumber);
        if (baseSeq < 0) {
            baseSeq = s;
            maxSeq = s;
        }
        baseSeq = Math.min(baseSeq, s); // a packet reordered before the first one
        maxSeq = Math.max(maxSeq, s);
        received++;
        if (firstArrivalMicros == Long.MIN_VALUE) {
            firstArrivalMicros = arrivalMicros;
        }
        // relative to the first arrival so that Unix-epoch microseconds times 90 kHz cannot overflow
        long arrivalUnits = Math.floorDiv((arrivalMicros - firstArrivalMicros) * clockRate, 1_000_000L);
        long transit = arrivalUnits - rtpTimestamp;
        if (lastTransit != Long.MIN_VALUE) {
            long d = Math.abs((int) (transit - lastTransit)); // RTP timestamps wrap at 32 bits
            jitter += (d - jitter) / 16.0;
        }
        lastTransit = transit;
    }

    /**
     * Remembers the source's last SR, for the LSR/DLSR fields.
     *
     * @param sr the sender report received
     * @param arrivalMicros when it arrived, in µs on the receiver clock
     */
    public void onSenderReport(SenderReport sr, long arrivalMicros) {
        lastSrMiddle = (sr.ntpTimestamp() >>> 16) & 0xFFFFFFFFL;
        lastSrArrivalMicros = arrivalMicros;
    }

    /** @return expected minus received packets since the first one (may be negative with duplicates) */
    public long cumulativeLost() {
        return baseSeq < 0 ? 0 : (maxSeq - baseSeq + 1) - received;
    }

    /** @return interarrival jitter in RTP timestamp units */
    public long jitter() {
        return (long) jitter;
    }

    /**
     * @param nowMicros the current time, in µs on the same clock as the arrival times
     * @return the report block for now; starts a new interval for the fraction-lost field
     *         (null before the first packet)
     */
    public ReportBlock report(long nowMicros) {
        if (baseSeq < 0) {
            return null;
        }
        long expected = maxSeq - baseSeq + 1;
        long expectedInterval = expected - expectedPrior;
        long receivedInterval = received - receivedPrior;
        expectedPrior = expected;
        receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        int fraction = expectedInterval == 0 || lostInterval <= 0 ? 0 : (int) ((lostInterval << 8) / expectedInterval);
        long lost = Math.max(-(1 << 23), Math.min((1 << 23) - 1, cumulativeLost()));
        long extHighest = (maxSeq - (1 << 16)) & 0xFFFFFFFFL; // the unwrapper starts one cycle up
        long dlsr = lastSrArrivalMicros < 0 ? 0 : ((nowMicros - lastSrArrivalMicros) << 16) / 1_000_000L;
        return new ReportBlock(ssrc, Math.min(255, fraction), (int) lost, extHighest, jitter(),
                lastSrArrivalMicros < 0 ? 0 : lastSrMiddle, dlsr & 0xFFFFFFFFL);
    }

    /**
     * @param unixMicros a Unix time, in µs
     * @return the 64-bit NTP timestamp of a Unix time in µs
     */
    public static long ntpTimestamp(long unixMicros) {
        long seconds = Math.floorDiv(unixMicros, 1_000_000L) + NTP_EPOCH_OFFSET_SECONDS;
        long micros = Math.floorMod(unixMicros, 1_000_000L);
        return (seconds << 32) | ((micros << 32) / 1_000_000L);
    }

    /**
     * Round-trip time from a report block about our own stream (RFC 3550 section 6.4.1).
     *
     * @param arrivalUnixMicros when the RR/SR carrying {@code block} arrived
     * @param block the report block
     * @return RTT in µs, or -1 if the block has no LSR
     */
    public static long roundTripMicros(ReportBlock block, long arrivalUnixMicros) {
        if (block.lastSr() == 0) {
            return -1;
        }
        long arrivalMiddle = (ntpTimestamp(arrivalUnixMicros) >>> 16) & 0xFFFFFFFFL;
        long rtt = (arrivalMiddle - block.lastSr() - block.delaySinceLastSr()) & 0xFFFFFFFFL;
        return rtt * 1_000_000L >>> 16;
    }
}
