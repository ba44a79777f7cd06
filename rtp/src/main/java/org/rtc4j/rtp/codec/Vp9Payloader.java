package org.rtc4j.rtp.codec;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.rtp.RtpParseException;

/**
 * VP9 (RFC 9628). The payloader writes a 3-byte non-flexible descriptor (I=1 with a 15-bit
 * picture id, P from the frame header, B on the first and E on the last packet); the
 * depacketizer parses every descriptor field, including flexible-mode reference indices and the
 * scalability structure.
 */
public final class Vp9Payloader implements Payloader, Depacketizer {
    private static final int DESCRIPTOR = 3;
    private int pictureId;

    /** @param initialPictureId first picture id (15 bits) */
    public Vp9Payloader(int initialPictureId) {
        this.pictureId = initialPictureId & 0x7FFF;
    }

    /** Starts at picture id 0. */
    public Vp9Payloader() {
        this(0);
    }

    /** @return true if the VP9 uncompressed header says key frame */
    static boolean isKeyFrameBitstream(byte[] b, int off, int len) {
        if (len < 1) {
            return false;
        }
        int v = b[off] & 0xFF;
        if ((v >>> 6) != 2) { // frame_marker
            return false;
        }
        int profile = ((v >>> 5) & 1) | (((v >>> 4) & 1) << 1);
        int bit = 4; // bit index from the MSB: marker(0-1), profile(2-3), then show_existing_frame
        if (profile == 3) {
            bit++;
        }
        boolean showExisting = ((v >>> (7 - bit)) & 1) != 0;
        if (showExisting) {
            return false;
        }
        bit++;
        return ((v >>> (7 - bit)) & 1) == 0;
    }

    @Override
    public List<byte[]> payload(int maxPayload, byte[] frame, int off, int len) {
        int chunk = maxPayload - DESCRIPTOR;
        if (chunk < 1) {
            throw new IllegalArgumentException("payload limit " + maxPayload);
        }
        boolean key = isKeyFrameBitstream(frame, off, len);
        List<byte[]> out = new ArrayList<>();
        int p = 0;
        do {
            int n = Math.min(chunk, len - p);
            byte[] pkt = new byte[DESCRIPTOR + n];
            boolean last = p + n >= len;
            pkt[0] = (byte) (0x80 | (key ? 0 : 0x40) | (p == 0 ? 0x08 : 0) | (last ? 0x04 : 0));
            pkt[1] = (byte) (0x80 | (pictureId >>> 8));
            pkt[2] = (byte) pictureId;
            System.arraycopy(frame, off + p, pkt, DESCRIPTOR, n);
            out.add(pkt);
            p += n;
        } while (p < len);
        pictureId = (pictureId + 1) & 0x7FFF;
        return out;
    }

    /** @return descriptor length of {@code payload}, validating every field */
    static int descriptorLength(byte[] b, int off, int len) throws RtpParseException {
        if (len < 1) {
            throw new RtpParseException("empty VP9 payload");
        }
        int d = b[off] & 0xFF;
        boolean i = (d & 0x80) != 0;
        boolean p = (d & 0x40) != 0;
        boolean l = (d & 0x20) != 0;
        boolean f = (d & 0x10) != 0;
        boolean v = (d & 0x02) != 0;
        int k = 1;
        if (i) {
            need(k, len);
            k += (b[off + k] & 0x80) != 0 ? 2 : 1;
        }
        if (l) {
            k += f ? 1 : 2; // TID/U/SID/D, plus TL0PICIDX in non-flexible mode
        }
        if (f && p) {
            for (int r = 0; r < 3; r++) {
                need(k, len);
                boolean more = (b[off + k] & 0x01) != 0;
                k++;
                if (!more) {
                    break;
                }
            }
        }
        if (v) {
            need(k, len);
            int ss = b[off + k] & 0xFF;
            k++;
            int ns = (ss >>> 5) + 1;
            if ((ss & 0x10) != 0) {
                k += 4 * ns;
            }
            if ((ss & 0x08) != 0) {
                need(k, len);
                int ng = b[off + k] & 0xFF;
                k++;
                for (int g = 0; g < ng; g++) {
                    need(k, len);
                    int r = (b[off + k] >>> 2) & 0x03;
                    k += 1 + r;
                }
            }
        }
        if (k > len) {
            throw new RtpParseException("VP9 descriptor truncated");
        }
        return k;
    }

    private static void need(int k, int len) {
        if (k >= len) {
            throw new RtpParseException("VP9 descriptor truncated");
        }
    }

    @Override
    public boolean isFrameStart(byte[] b, int off, int len) {
        return len > 0 && (b[off] & 0x08) != 0;
    }

    @Override
    public boolean isKeyFrame(byte[] b, int off, int len) {
        return len > 0 && (b[off] & 0x08) != 0 && (b[off] & 0x40) == 0;
    }

    @Override
    public byte[] depacketize(List<byte[]> payloads) throws RtpParseException {
        FrameBuffer out = new FrameBuffer();
        for (byte[] p : payloads) {
            int d = descriptorLength(p, 0, p.length);
            out.write(p, d, p.length - d);
        }
        return out.toByteArray();
    }
}
