package org.rtc4j.rtp.session;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When the next compound RTCP packet is due (RFC 3550 section 6.3.1, fixed deterministic
 * interval as WebRTC uses it instead of the bandwidth-share formula). Each interval is the
 * nominal one times a uniform factor in [0.5, 1.5), so that participants started together do not
 * stay synchronised, divided by {@code e - 3/2} as the RFC's timer-reconsideration compensation
 * prescribes (its appendix A.7 applies it to the initial interval too). Not thread-safe.
 */
public final class RtcpInterval {
    /** RFC 3550 6.3.1 compensation for timer reconsideration converging below the mean. */
    public static final double COMPENSATION = Math.E - 1.5;
    /** Lower bound of the randomisation factor. */
    public static final double MIN_FACTOR = 0.5;
    /** Upper bound (exclusive) of the randomisation factor. */
    public static final double MAX_FACTOR = 1.5;

    private final long intervalMicros;
    private final RandomGenerator random;

    /**
     * @param intervalMicros nominal interval in µs, e.g. 1 s for video, 5 s for audio
     * @param random         source of the randomisation (pass a seeded one in tests)
     */
    public RtcpInterval(long intervalMicros, RandomGenerator random) {
        if (intervalMicros <= 0) {
            throw new IllegalArgumentException("interval " + intervalMicros);
        }
        this.intervalMicros = intervalMicros;
        this.random = Objects.requireNonNull(random, "random");
    }

    /** @return the nominal interval in µs */
    public long intervalMicros() {
        return intervalMicros;
    }

    /**
     * Due time of the first report: half the nominal interval (RFC 3550 section 6.2, "initial"),
     * so that a new participant is reported quickly.
     *
     * @param nowMicros the current time in µs
     * @return a time strictly after {@code nowMicros}
     */
    public long first(long nowMicros) {
        return nowMicros + delay(intervalMicros / 2.0);
    }

    /**
     * @param nowMicros when the current report was sent, in µs
     * @return due time of the next report, strictly after {@code nowMicros}
     */
    public long next(long nowMicros) {
        return nowMicros + delay(intervalMicros);
    }

    private long delay(double nominal) {
        long d = (long) (nominal * random.nextDouble(MIN_FACTOR, MAX_FACTOR) / COMPENSATION);
        return Math.max(1, d); // a 1 µs interval must still move time forward
    }
}
