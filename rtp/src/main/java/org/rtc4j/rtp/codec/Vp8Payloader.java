package org.rtc4j.rtp.codec;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.rtp.RtpParseException;

/**
 * VP8 (RFC 7741). The payloader writes a 4-byte descriptor with a 15-bit picture id that grows
 * by one per frame (as browsers do) and S=1 on the first packet of each frame; the depacketizer
 * accepts every descriptor form of section 4.2.
 */
public final class Vp8Payloader implements Payloader, Depacketizer {
    private static final int DESCRIPTOR = 4;
    private int pictureId;

    /** @param initialPictureId first picture id (15 bits) */
    public Vp8Payloader(int initialPictureId) {
        this.pictureId = initialPictureId & 0x7FFF;
    }

    /** Starts at picture id 0. */
    public Vp8Payloader() {
        this(0);
    }

    @Override
    public List<byte[]> payload(int maxPayload, byte[] frame, int off, int len) {
        int chunk = maxPayload - DESCRIPTOR;
        if (chunk < 1) {
            throw new IllegalArgumentException("payload limit " + maxPayload);
        }
        List<byte[]> out = new ArrayList<>();
        int p = 0;
        do {
            int n = Math.min(chunk, len - p);
            byte[] pkt = new byte[DESCRIPTOR + n];
            pkt[0] = (byte) (0x80 | (p == 0 ? 0x10 : 0)); // X, S (partition index 0)
            pkt[1] = (byte) 0x80; // I: picture id present
            pkt[2] = (byte) (0x80 | (pictureId >>> 8)); // M: 15-bit picture id
            pkt[3] = (byte) pictureId;
            System.arraycopy(frame, off + p, pkt, DESCRIPTOR, n);
            out.add(pkt);
            p += n;
        } while (p < len);
        pictureId = (pictureId + 1) & 0x7FFF;
        return out;
    }

    /** @return descriptor length of {@code payload}, validating it */
    static int descriptorLength(byte[] b, int off, int len) throws RtpParseException {
        if (len < 1) {
            throw new RtpParseException("empty VP8 payload");
        }
        int i = 1;
        if ((b[off] & 0x80) != 0) {
            if (len < 2) {
                throw new RtpParseException("VP8 extension byte missing");
            }
            int x = b[off + 1] & 0xFF;
            i = 2;
            if ((x & 0x80) != 0) { // I
                if (len <= i) {
                    throw new RtpParseException("VP8 picture id missing");
                }
                i += (b[off + i] & 0x80) != 0 ? 2 : 1;
            }
            if ((x & 0x40) != 0) { // L
                i++;
            }
            if ((x & 0x30) != 0) { // T or K
                i++;
            }
        }
        if (i > len) {
            throw new RtpParseException("VP8 descriptor truncated");
        }
        return i;
    }

    /**
     * Reads the PictureID of a VP8 payload descriptor (RFC 7741 section 4.2).
     *
     * @param b   the array holding the RTP payload
     * @param off start of the payload in {@code b}
     * @param len payload length in bytes
     * @return the picture id in {@code payload} (7 or 15 bits), or -1 if absent
     * @throws RtpParseException if the payload descriptor is empty or truncated
     */
    public static int pictureId(byte[] b, int off, int len) throws RtpParseException {
        descriptorLength(b, off, len);
        if ((b[off] & 0x80) == 0 || (b[off + 1] & 0x80) == 0) {
            return -1;
        }
        return (b[off + 2] & 0x80) != 0 ? ((b[off + 2] & 0x7F) << 8) | (b[off + 3] & 0xFF) : b[off + 2] & 0x7F;
    }

    @Override
    public boolean isFrameStart(byte[] b, int off, int len) {
        return len > 0 && (b[off] & 0x10) != 0 && (b[off] & 0x07) == 0;
    }

    @Override
    public boolean isKeyFrame(byte[] b, int off, int len) {
        if (!isFrameStart(b, off, len)) {
            return false;
        }
        try {
            int d = descriptorLength(b, off, len);
            return d < len && (b[off + d] & 0x01) == 0; // P bit of the VP8 frame tag: 0 = key frame
        } catch (RtpParseException e) {
            return false;
        }
    }

    @Override
    public byte[] depacketize(List<byte[]> payloads) throws RtpParseException {
        FrameBuffer f = new FrameBuffer();
        for (byte[] p : payloads) {
            int d = descriptorLength(p, 0, p.length);
            f.write(p, d, p.length - d);
        }
        return f.toByteArray();
    }
}
