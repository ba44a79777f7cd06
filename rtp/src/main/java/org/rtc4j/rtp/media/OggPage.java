package org.rtc4j.rtp.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.rtc4j.rtp.Bytes;
import org.rtc4j.rtp.RtpParseException;

/**
 * One Ogg page (RFC 3533).
 *
 * @param headerType flags: 0x01 continued packet, 0x02 first page (BOS), 0x04 last page (EOS)
 * @param granule    granule position
 * @param serial     bitstream serial number
 * @param sequence   page sequence number
 * @param lacing     segment table
 * @param body       page body
 */
record OggPage(int headerType, long granule, long serial, long sequence, byte[] lacing, byte[] body) {
    static final int CONTINUED = 0x01;
    static final int BOS = 0x02;
    static final int EOS = 0x04;

    /** @return the next page with a valid CRC, or null at a clean end of stream */
    static OggPage read(InputStream in) throws IOException, RtpParseException {
        byte[] h = MediaIo.readFully(in, 27, true);
        if (h == null) {
            return null;
        }
        if (h[0] != 'O' || h[1] != 'g' || h[2] != 'g' || h[3] != 'S' || h[4] != 0) {
            throw new RtpParseException("missing OggS capture pattern");
        }
        int segments = h[26] & 0xFF;
        byte[] lacing = MediaIo.readFully(in, segments, false);
        int size = 0;
        for (byte l : lacing) {
            size += l & 0xFF;
        }
        byte[] body = MediaIo.readFully(in, size, false);
        int stored = (int) Bytes.le32(h, 22);
        h[22] = h[23] = h[24] = h[25] = 0;
        byte[] all = new byte[27 + segments + size];
        System.arraycopy(h, 0, all, 0, 27);
        System.arraycopy(lacing, 0, all, 27, segments);
        System.arraycopy(body, 0, all, 27 + segments, size);
        if (OggCrc.compute(all, 0, all.length) != stored) {
            throw new RtpParseException("Ogg page CRC mismatch");
        }
        return new OggPage(h[5] & 0xFF, Bytes.le64(h, 6), Bytes.le32(h, 14), Bytes.le32(h, 18), lacing, body);
    }

    /** @return the serialized page with its CRC filled in */
    byte[] toBytes() {
        byte[] all = new byte[27 + lacing.length + body.length];
        all[0] = 'O';
        all[1] = 'g';
        all[2] = 'g';
        all[3] = 'S';
        all[4] = 0;
        all[5] = (byte) headerType;
        Bytes.putLe64(all, 6, granule);
        Bytes.putLe32(all, 14, serial);
        Bytes.putLe32(all, 18, sequence);
        all[26] = (byte) lacing.length;
        System.arraycopy(lacing, 0, all, 27, lacing.length);
        System.arraycopy(body, 0, all, 27 + lacing.length, body.length);
        Bytes.putLe32(all, 22, OggCrc.compute(all, 0, all.length));
        return all;
    }

    /** @return a page holding whole packets (each needs its lacing; at most 255 segments total) */
    static OggPage of(int headerType, long granule, long serial, long sequence, List<byte[]> packets) {
        ByteArrayOutputStream lace = new ByteArrayOutputStream();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] p : packets) {
            int n = p.length;
            while (n >= 255) {
                lace.write(255);
                n -= 255;
            }
            lace.write(n);
            body.writeBytes(p);
        }
        if (lace.size() > 255) {
            throw new IllegalArgumentException("packets need more than 255 lacing values");
        }
        return new OggPage(headerType, granule, serial, sequence, lace.toByteArray(), body.toByteArray());
    }
}
