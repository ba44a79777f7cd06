package org.rtc4j.rtp.session;

import org.rtc4j.rtp.rtcp.ReceiveStatistics;

/**
 * 64-bit NTP timestamps (RFC 5905, epoch 1900) to and from Unix microseconds. The forward
 * direction is {@link ReceiveStatistics#ntpTimestamp(long)}; this class adds the inverse that SR
 * consumers need.
 */
public final class Ntp {
    private static final long EPOCH_OFFSET_SECONDS = 2_208_988_800L;
    private static final long ERA_SECONDS = 1L << 32;

    private Ntp() {
    }

    /**
     * @param unixMicros a Unix time in µs
     * @return its NTP timestamp (same as {@link ReceiveStatistics#ntpTimestamp})
     */
    public static long fromUnixMicros(long unixMicros) {
        return ReceiveStatistics.ntpTimestamp(unixMicros);
    }

    /**
     * Converts back to Unix µs, rounding the 2^-32 s fraction to the nearest µs so that
     * {@code toUnixMicros(fromUnixMicros(t)) == t}.
     *
     * @param ntpTimestamp seconds since 1900 in the high 32 bits, fraction in the low 32 bits
     * @return the Unix time in µs
     */
    public static long toUnixMicros(long ntpTimestamp) {
        long seconds = ntpTimestamp >>> 32;
        // RFC 4330 section 3: with the top bit clear the time is in era 1 (after 2036-02-07),
        // because the 32-bit seconds field has wrapped; senders never report the 1900s.
        if ((seconds & 0x8000_0000L) == 0) {
            seconds += ERA_SECONDS;
        }
        long fraction = ntpTimestamp & 0xFFFF_FFFFL;
        long micros = (fraction * 1_000_000L + (1L << 31)) >>> 32;
        return (seconds - EPOCH_OFFSET_SECONDS) * 1_000_000L + micros;
    }
}
