package org.rtc4j.rtp.ext;

import org.rtc4j.rtp.Bytes;
import org.rtc4j.rtp.RtpParseException;

/**
 * WebRTC abs-capture-time: 64-bit NTP capture timestamp and an optional 64-bit signed Q32.32
 * estimated capture clock offset.
 *
 * @param captureNtp       UQ32.32 NTP timestamp of capture
 * @param clockOffset      Q32.32 offset, meaningful only when {@code hasClockOffset}
 * @param hasClockOffset   whether the 16-byte form carries the offset
 */
public record AbsCaptureTime(long captureNtp, long clockOffset, boolean hasClockOffset) {
    /** @return encoded size: 8 or 16 bytes */
    public int size() {
        return hasClockOffset ? 16 : 8;
    }

    /**
     * Writes the value: the capture timestamp, then the clock offset if present.
     *
     * @param dst the destination buffer
     * @param off where the element data starts in {@code dst}; {@link #size()} bytes are written
     */
    public void write(byte[] dst, int off) {
        Bytes.put64(dst, off, captureNtp);
        if (hasClockOffset) {
            Bytes.put64(dst, off + 8, clockOffset);
        }
    }

    /**
     * @param b   the array holding the extension element's data
     * @param off start of the data in {@code b}
     * @param len data length in bytes: 8, or 16 with the clock offset
     * @return the decoded value
     * @throws RtpParseException if {@code len} is neither 8 nor 16
     */
    public static AbsCaptureTime read(byte[] b, int off, int len) throws RtpParseException {
        if (len != 8 && len != 16) {
            throw new RtpParseException("abs-capture-time length " + len);
        }
        return new AbsCaptureTime(Bytes.u64(b, off), len == 16 ? Bytes.u64(b, off + 8) : 0, len == 16);
    }
}
