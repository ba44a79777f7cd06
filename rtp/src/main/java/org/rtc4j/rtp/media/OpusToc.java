package org.rtc4j.rtp.media;

import org.rtc4j.rtp.RtpParseException;

/** Reads an Opus packet's duration from its TOC byte (RFC 6716 section 3.1). */
public final class OpusToc {
    private OpusToc() {
    }

    /**
     * @param p the buffer holding the Opus packet
     * @param off offset of the first byte in the buffer
     * @param len number of bytes
     * @return number of 48 kHz samples the packet decodes to
     */
    public static int samples48k(byte[] p, int off, int len) throws RtpParseException {
        if (len < 1) {
            throw new RtpParseException("empty Opus packet");
        }
        int toc = p[off] & 0xFF;
        int config = toc >>> 3;
        int frame; // in 1/400 s units of 120 samples... use samples directly
        if (config < 12) {
            frame = new int[] {480, 960, 1920, 2880}[config & 3];
        } else if (config < 16) {
            frame = (config & 1) == 0 ? 480 : 960;
        } else {
            frame = new int[] {120, 240, 480, 960}[config & 3];
        }
        int code = toc & 3;
        int frames;
        if (code == 0) {
            frames = 1;
        } else if (code < 3) {
            frames = 2;
        } else {
            if (len < 2) {
                throw new RtpParseException("Opus code 3 packet without frame count");
            }
            frames = p[off + 1] & 0x3F;
        }
        return frames * frame;
    }
}
