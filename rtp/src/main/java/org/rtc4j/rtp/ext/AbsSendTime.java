package org.rtc4j.rtp.ext;

import org.rtc4j.rtp.Bytes;
import org.rtc4j.rtp.RtpParseException;

/** abs-send-time: 24-bit 6.18 fixed-point seconds, the low bits of an NTP-like time. */
public final class AbsSendTime {
    /** Encoded size in bytes. */
    public static final int SIZE = 3;

    private AbsSendTime() {
    }

    /** @return the 24-bit value for a time in microseconds */
    public static int fromMicros(long micros) {
        return (int) (((micros << 18) / 1_000_000L) & 0xFFFFFF);
    }

    /** @return microseconds (modulo 64 s) of a 24-bit value */
    public static long toMicros(int value) {
        return ((value & 0xFFFFFFL) * 1_000_000L) >> 18;
    }

    /** Writes the value at {@code dst[off]}. */
    public static void write(int value, byte[] dst, int off) {
        Bytes.put24(dst, off, value);
    }

    /** @return the 24-bit value */
    public static int read(byte[] b, int off, int len) throws RtpParseException {
        if (len != SIZE) {
            throw new RtpParseException("abs-send-time length " + len);
        }
        return Bytes.u24(b, off);
    }
}
