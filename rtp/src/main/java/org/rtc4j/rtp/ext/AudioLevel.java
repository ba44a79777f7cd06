package org.rtc4j.rtp.ext;

import org.rtc4j.rtp.RtpParseException;

/**
 * RFC 6464 ssrc-audio-level: voice activity flag and level in -dBov (0 loudest, 127 silence).
 *
 * @param voiceActivity the V bit
 * @param level         0-127, in -dBov
 */
public record AudioLevel(boolean voiceActivity, int level) {
    /** Encoded size in bytes. */
    public static final int SIZE = 1;

    /**
     * Validates the level range.
     *
     * @param voiceActivity the V bit
     * @param level         0-127, in -dBov
     * @throws IllegalArgumentException if {@code level} is outside 0-127
     */
    public AudioLevel {
        if (level < 0 || level > 127) {
            throw new IllegalArgumentException("audio level " + level);
        }
    }

    /**
     * Writes the one-byte value.
     *
     * @param dst the destination buffer
     * @param off where the byte goes in {@code dst}
     */
    public void write(byte[] dst, int off) {
        dst[off] = (byte) ((voiceActivity ? 0x80 : 0) | level);
    }

    /**
     * @param b   the array holding the extension element's data
     * @param off start of the data in {@code b}
     * @param len data length in bytes; bytes after the first are ignored
     * @return the decoded value
     * @throws RtpParseException if {@code len} is 0 or less
     */
    public static AudioLevel read(byte[] b, int off, int len) throws RtpParseException {
        if (len < SIZE) {
            throw new RtpParseException("audio level length " + len);
        }
        return new AudioLevel((b[off] & 0x80) != 0, b[off] & 0x7F);
    }
}
