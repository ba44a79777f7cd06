package org.rtc4j.rtp.ext;

import org.rtc4j.rtp.RtpParseException;

/**
 * 3GPP TS 26.114 video orientation (CVO): camera, flip and rotation bits.
 *
 * @param backCamera the C bit
 * @param flip       the F bit (horizontal flip)
 * @param rotation   0, 90, 180 or 270 degrees clockwise
 */
public record VideoOrientation(boolean backCamera, boolean flip, int rotation) {
    /** Encoded size in bytes. */
    public static final int SIZE = 1;

    /**
     * Validates the rotation.
     *
     * @param backCamera the C bit
     * @param flip       the F bit (horizontal flip)
     * @param rotation   0, 90, 180 or 270 degrees clockwise
     * @throws IllegalArgumentException if {@code rotation} is not one of those
     */
    public VideoOrientation {
        if (rotation != 0 && rotation != 90 && rotation != 180 && rotation != 270) {
            throw new IllegalArgumentException("rotation " + rotation);
        }
    }

    /**
     * Writes the one-byte value.
     *
     * @param dst the destination buffer
     * @param off where the byte goes in {@code dst}
     */
    public void write(byte[] dst, int off) {
        dst[off] = (byte) ((backCamera ? 0x08 : 0) | (flip ? 0x04 : 0) | (rotation / 90));
    }

    /**
     * @param b   the array holding the extension element's data
     * @param off start of the data in {@code b}
     * @param len data length in bytes; bytes after the first are ignored
     * @return the decoded value
     * @throws RtpParseException if {@code len} is 0 or less
     */
    public static VideoOrientation read(byte[] b, int off, int len) throws RtpParseException {
        if (len < SIZE) {
            throw new RtpParseException("video orientation length " + len);
        }
        int v = b[off];
        return new VideoOrientation((v & 0x08) != 0, (v & 0x04) != 0, (v & 0x03) * 90);
    }
}
