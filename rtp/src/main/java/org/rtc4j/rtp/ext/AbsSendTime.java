package org.rtc4j.rtp.ext;

import org.rtc4j.rtp.Bytes;
import org.rtc4j.rtp.RtpParseException;

/** abs-send-time: 24-bit 6.18 fixed-point seconds, the low bits of an NTP-like time. */
public final class AbsSendTime {
    /** Encoded size in bytes. */
    public static final int SIZE = 3;
    /** The field wraps every 64 s: 2<sup>24</sup> units of 2<sup>-18</sup> s. */
    private static final long WRAP_MICROS = 64_000_000L;

    private AbsSendTime() {
    }

    /**
     * @param micros a time in microseconds, any value (only its value modulo 64 s is kept)
     * @return the 24-bit value for a time in microseconds
     */
    public static int fromMicros(long micros) {
        // 2^24 units of 2^-18 s are exactly 64 s: reduce first, so the shift cannot overflow
        // (a monotonic clock passes 2^45 us after about 407 days).
        long r = Math.floorMod(micros, WRAP_MICROS);
        return (int) ((r << 18) / 1_000_000L);
    }


    /**
     * @param value a 24-bit abs-send-time value (higher bits are ignored)
     * @return microseconds (modulo 64 s) of a 24-bit value, rounded down
     */
    public static long toMicros(int value) {
        return ((value & 0xFFFFFFL) * 1_000_000L) >> 18;
    }

    /**
     * Writes the value at {@code dst[off]}.
     *
     * @param value the 24-bit value, e.g. from {@link #fromMicros}; higher bits are ignored
     * @param dst   the destination buffer
     * @param off   where the {@value #SIZE} bytes start in {@code dst}
     */
    public static void write(int value, byte[] dst, int off) {
        Bytes.put24(dst, off, value);
    }

    /**
     * @param b   the array holding the extension element's data
     * @param off start of the data in {@code b}
     * @param len data length in bytes; must be {@value #SIZE}
     * @return the 24-bit value
     * @throws RtpParseException if {@code len} is not {@value #SIZE}
     */
    public static int read(byte[] b, int off, int len) throws RtpParseException {
        if (len != SIZE) {
            throw new RtpParseException("abs-send-time length " + len);
        }
        return Bytes.u24(b, off);
    }
}
