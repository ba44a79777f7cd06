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

    /** Validates the level range. */
    public AudioLevel {
        if (level < 0 || level > 127) {
            throw new IllegalArgumentException("audio level " + level);
        }
    }

    /** Writes the one-byte value. */
    public void write(byte[] dst, int off) {
        dst[off] = (byte) ((voiceActivity ? 0x80 : 0) | level);
    }

    /** @return the decoded value */
    public static AudioLevel read(byte[] b, int off, int len) throws RtpParseException {
        if (len < SIZE) {
            throw new RtpParseException("audio level length " + len);
        }
        return new AudioLevel((b[off] & 0x80) != 0, b[off] & 0x7F);
    }
}
