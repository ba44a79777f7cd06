package org.rtc4j.rtp.ext;

import org.rtc4j.rtp.Bytes;
import org.rtc4j.rtp.RtpParseException;

/**
 * WebRTC playout-delay: minimum and maximum delay, 12 bits each, in 10 ms units.
 *
 * @param minDelay 0-4095 (x 10 ms)
 * @param maxDelay 0-4095 (x 10 ms)
 */
public record PlayoutDelay(int minDelay, int maxDelay) {
    /** Encoded size in bytes. */
    public static final int SIZE = 3;

    /**
     * Validates the 12-bit ranges.
     *
     * @param minDelay 0-4095 (x 10 ms)
     * @param maxDelay 0-4095 (x 10 ms)
     * @throws IllegalArgumentException if either value is outside 0-4095
     */
    public PlayoutDelay {
        if (minDelay < 0 || minDelay > 4095 || maxDelay < 0 || maxDelay > 4095) {
            throw new IllegalArgumentException("playout delay " + minDelay + "/" + maxDelay);
        }
    }

    /**
     * Writes the three-byte value.
     *
     * @param dst the destination buffer
     * @param off where the {@value #SIZE} bytes start in {@code dst}
     */
    public void write(byte[] dst, int off) {
        Bytes.put24(dst, off, (minDelay << 12) | maxDelay);
    }

    /**
     * @param b   the array holding the extension element's data
     * @param off start of the data in {@code b}
     * @param len data length in bytes; bytes after the first {@value #SIZE} are ignored
     * @return the decoded value
     * @throws RtpParseException if {@code len} is less than {@value #SIZE}
     */
    public static PlayoutDelay read(byte[] b, int off, int len) throws RtpParseException {
        if (len < SIZE) {
            throw new RtpParseException("playout delay length " + len);
        }
        int v = Bytes.u24(b, off);
        return new PlayoutDelay(v >>> 12, v & 0xFFF);
    }
}
