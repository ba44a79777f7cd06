package org.rtc4j.rtp.rtcp;

import org.rtc4j.rtp.Bytes;

/**
 * A reception report block of SR and RR packets (RFC 3550 section 6.4.1).
 *
 * @param ssrc                  source this block reports on
 * @param fractionLost          fraction lost since the last report, in 1/256
 * @param cumulativeLost        cumulative packets lost (signed 24-bit)
 * @param extendedHighestSeq    extended highest sequence number received
 * @param jitter                interarrival jitter in timestamp units
 * @param lastSr                middle 32 bits of the last SR's NTP timestamp
 * @param delaySinceLastSr      delay since that SR in 1/65536 s
 */
public record ReportBlock(long ssrc, int fractionLost, int cumulativeLost, long extendedHighestSeq,
        long jitter, long lastSr, long delaySinceLastSr) {
    /** Encoded size in bytes. */
    public static final int SIZE = 24;

    /**
     * Validates field ranges.
     *
     * @param ssrc SSRC this packet or block is about
     * @param fractionLost fraction lost since the last report, in 1/256
     * @param cumulativeLost cumulative packets lost (24-bit, signed)
     * @param extendedHighestSeq extended highest sequence number received
     * @param jitter interarrival jitter, in RTP timestamp units
     * @param lastSr middle 32 bits of the NTP timestamp of the last SR received (LSR)
     * @param delaySinceLastSr delay since that SR, in 1/65536 s (DLSR)
     */
    public ReportBlock {
        if (fractionLost < 0 || fractionLost > 255 || cumulativeLost < -(1 << 23) || cumulativeLost >= (1 << 23)) {
            throw new IllegalArgumentException("report block loss fields");
        }
    }

    void write(byte[] b, int o) {
        Bytes.put32(b, o, ssrc);
        b[o + 4] = (byte) fractionLost;
        Bytes.put24(b, o + 5, cumulativeLost);
        Bytes.put32(b, o + 8, extendedHighestSeq);
        Bytes.put32(b, o + 12, jitter);
        Bytes.put32(b, o + 16, lastSr);
        Bytes.put32(b, o + 20, delaySinceLastSr);
    }

    static ReportBlock read(byte[] b, int o) {
        int lost = Bytes.u24(b, o + 5);
        if ((lost & 0x800000) != 0) {
            lost |= 0xFF000000; // sign-extend the 24-bit field
        }
        return new ReportBlock(Bytes.u32(b, o), b[o + 4] & 0xFF, lost, Bytes.u32(b, o + 8),
                Bytes.u32(b, o + 12), Bytes.u32(b, o + 16), Bytes.u32(b, o + 20));
    }
}
