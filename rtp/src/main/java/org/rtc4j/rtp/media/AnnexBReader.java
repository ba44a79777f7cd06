package org.rtc4j.rtp.media;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rtc4j.rtp.RtpParseException;
import org.rtc4j.rtp.codec.NalUnits;

/**
 * Reads an H.264 Annex-B elementary stream and groups its NAL units into access units (frames):
 * a new access unit starts at an access unit delimiter, at SPS/PPS/SEI after a slice, or at a
 * slice whose first_mb_in_slice is 0 after a slice (ITU-T H.264 section 7.4.1.2.3).
 */
public final class AnnexBReader {
    private AnnexBReader() {
    }

    /** Largest stream read into memory. */
    public static final int MAX_STREAM = 256 << 20;

    /**
     * @param in the stream to read from, positioned at the start of the file
     * @return access units, each an Annex-B byte stream with 4-byte start codes
     * @throws IOException if the stream cannot be read
     */
    public static List<byte[]> readAccessUnits(InputStream in) throws IOException, RtpParseException {
        byte[] all = in.readNBytes(MAX_STREAM + 1);
        if (all.length > MAX_STREAM) {
            throw new RtpParseException("Annex-B stream larger than " + MAX_STREAM);
        }
        return accessUnits(all, 0, all.length);
    }

    /**
     * @param b the buffer
     * @param off offset of the first byte in the buffer
     * @param len number of bytes
     * @return access units of {@code b[off, off+len)}
     */
    public static List<byte[]> accessUnits(byte[] b, int off, int len) {
        List<byte[]> out = new ArrayList<>();
        List<int[]> cur = new ArrayList<>();
        boolean hasSlice = false;
        for (int[] n : NalUnits.split(b, off, len)) {
            int type = b[n[0]] & 0x1F;
            boolean vcl = type >= 1 && type <= 5;
            boolean firstSlice = vcl && n[1] > 1 && (b[n[0] + 1] & 0x80) != 0;
            boolean startsAu = type == 9 || (hasSlice && ((type >= 6 && type <= 8) || (type >= 14 && type <= 18)
                    || firstSlice));
            if (startsAu && !cur.isEmpty()) {
                out.add(join(b, cur));
                cur.clear();
                hasSlice = false;
            }
            cur.add(n);
            hasSlice |= vcl;
        }
        if (!cur.isEmpty()) {
            out.add(join(b, cur));
        }
        return out;
    }

    /**
     * @param in the stream to read from, positioned at the start of the file
     * @return H.265 access units of {@code in}, each an Annex-B byte stream
     * @throws IOException if the stream cannot be read
     */
    public static List<byte[]> readAccessUnitsH265(InputStream in) throws IOException, RtpParseException {
        byte[] all = in.readNBytes(MAX_STREAM + 1);
        if (all.length > MAX_STREAM) {
            throw new RtpParseException("Annex-B stream larger than " + MAX_STREAM);
        }
        return accessUnitsH265(all, 0, all.length);
    }

    /**
     * @param b the buffer
     * @param off offset of the first byte in the buffer
     * @param len number of bytes
     * @return H.265 access units of {@code b[off, off+len)}: a new one starts at an AUD, at
     *         VPS/SPS/PPS/prefix SEI after a slice, or at a slice with first_slice_segment_in_pic_flag
     *         after a slice (ITU-T H.265 section 7.4.2.4.4)
     */
    public static List<byte[]> accessUnitsH265(byte[] b, int off, int len) {
        List<byte[]> out = new ArrayList<>();
        List<int[]> cur = new ArrayList<>();
        boolean hasSlice = false;
        for (int[] n : NalUnits.split(b, off, len)) {
            if (n[1] < 2) {
                continue;
            }
            int type = (b[n[0]] >>> 1) & 0x3F;
            boolean vcl = type < 32;
            boolean firstSlice = vcl && n[1] > 2 && (b[n[0] + 2] & 0x80) != 0;
            boolean startsAu = type == 35 || (hasSlice && ((type >= 32 && type <= 34) || type == 39
                    || (type >= 41 && type <= 44) || (type >= 48 && type <= 55) || firstSlice));
            if (startsAu && !cur.isEmpty()) {
                out.add(join(b, cur));
                cur.clear();
                hasSlice = false;
            }
            cur.add(n);
            hasSlice |= vcl;
        }
        if (!cur.isEmpty()) {
            out.add(join(b, cur));
        }
        return out;
    }

    private static byte[] join(byte[] b, List<int[]> nals) {
        int size = 0;
        for (int[] n : nals) {
            size += 4 + n[1];
        }
        byte[] au = new byte[size];
        int p = 0;
        for (int[] n : nals) {
            au[p + 3] = 1;
            System.arraycopy(b, n[0], au, p + 4, n[1]);
            p += 4 + n[1];
        }
        return au;
    }

    /**
     * @param au an access unit: the NAL units of one picture
     * @return NAL unit type of each NAL in an access unit (for diagnostics and tests)
     */
    public static int[] nalTypes(byte[] au) {
        return NalUnits.split(au, 0, au.length).stream().mapToInt(n -> au[n[0]] & 0x1F).toArray();
    }

    /**
     * @param au an access unit: the NAL units of one picture
     * @return true if the access unit holds an IDR slice
     */
    public static boolean isKeyFrame(byte[] au) {
        return Arrays.stream(nalTypes(au)).anyMatch(t -> t == 5);
    }
}
