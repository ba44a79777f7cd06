package org.rtc4j.rtp.rtcp;

import org.rtc4j.rtp.Bytes;

/** Writes the 4-byte common RTCP header; the parse side lives in {@link RtcpParser}. */
final class RtcpHeader {
    private RtcpHeader() {
    }

    /** Writes V=2, P, count/FMT, PT and the length field for a packet of {@code totalBytes}. */
    static void write(byte[] dst, int off, boolean padding, int count, int packetType, int totalBytes) {
        if ((totalBytes & 3) != 0 || totalBytes < 4 || totalBytes > 4 * 65536) {
            throw new IllegalStateException("RTCP packet length " + totalBytes);
        }
        if (count < 0 || count > 31) {
            throw new IllegalStateException("RTCP count " + count);
        }
        dst[off] = (byte) (0x80 | (padding ? 0x20 : 0) | count);
        dst[off + 1] = (byte) packetType;
        Bytes.put16(dst, off + 2, totalBytes / 4 - 1);
    }

    static int pad4(int n) {
        return (n + 3) & ~3;
    }
}
