package org.rtc4j.rtp.codec;

import java.util.ArrayList;
import java.util.List;

/** Splits H.264/H.265 Annex-B byte streams at start codes (00 00 01 or 00 00 00 01). */
public final class NalUnits {
    private NalUnits() {
    }

    /**
     * @param b   the array holding the Annex-B byte stream
     * @param off start of the stream in {@code b}
     * @param len stream length in bytes
     * @return {offset, length} of each NAL unit in {@code b[off, off+len)}, offsets absolute in
     *         {@code b}; empty if there is no start code. Start codes and
     *         trailing zero bytes excluded; bytes before the first start code are ignored
     */
    public static List<int[]> split(byte[] b, int off, int len) {
        List<int[]> out = new ArrayList<>();
        int end = off + len;
        int start = -1;
        int i = off;
        while (i + 2 < end) {
            if (b[i] == 0 && b[i + 1] == 0 && b[i + 2] == 1) {
                if (start >= 0) {
                    add(out, b, start, i);
                }
                i += 3;
                start = i;
            } else {
                i++;
            }
        }
        if (start >= 0) {
            add(out, b, start, end);
        }
        return out;
    }

    private static void add(List<int[]> out, byte[] b, int start, int end) {
        while (end > start && b[end - 1] == 0) { // the zero of a 4-byte start code, or trailing_zero_8bits
            end--;
        }
        if (end > start) {
            out.add(new int[] {start, end - start});
        }
    }
}
