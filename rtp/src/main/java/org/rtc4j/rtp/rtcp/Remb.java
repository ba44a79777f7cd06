package org.rtc4j.rtp.rtcp;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.rtp.Bytes;
import org.rtc4j.rtp.RtpParseException;

/**
 * Receiver estimated maximum bitrate (PSFB FMT 15 "REMB", draft-alvestrand-rmcat-remb).
 * The bitrate travels as an 18-bit mantissa and 6-bit exponent, so large values are rounded down.
 *
 * @param senderSsrc SSRC of the packet sender
 * @param bitrate    estimated bitrate in bits per second
 * @param ssrcs      media sources the estimate applies to
 */
public record Remb(long senderSsrc, long bitrate, List<Long> ssrcs) implements RtcpPacket {
    /** Feedback message type (application layer feedback). */
    public static final int FMT = 15;
    private static final int IDENTIFIER = 0x52454D42; // "REMB"

    /**
     * Copies the list.
     *
     * @param senderSsrc SSRC of the sender of this feedback packet
     * @param bitrate the estimated maximum bitrate, in bit/s
     * @param ssrcs the SSRCs the estimate or packet applies to
     */
    public Remb {
        ssrcs = List.copyOf(ssrcs);
        if (bitrate < 0 || ssrcs.size() > 255) {
            throw new IllegalArgumentException("REMB fields");
        }
    }

    @Override
    public int packetType() {
        return PSFB;
    }

    @Override
    public int length() {
        return 20 + 4 * ssrcs.size();
    }

    @Override
    public int write(byte[] b, int o) {
        int n = length();
        RtcpHeader.write(b, o, false, FMT, PSFB, n);
        Bytes.put32(b, o + 4, senderSsrc);
        Bytes.put32(b, o + 8, 0);
        Bytes.put32(b, o + 12, IDENTIFIER);
        long mantissa = bitrate;
        int exp = 0;
        while (mantissa >= (1 << 18)) {
            mantissa >>= 1;
            exp++;
        }
        b[o + 16] = (byte) ssrcs.size();
        Bytes.put24(b, o + 17, (exp << 18) | (int) mantissa);
        int p = o + 20;
        for (long s : ssrcs) {
            Bytes.put32(b, p, s);
            p += 4;
        }
        return n;
    }

    static boolean matches(byte[] b, int o, int len) {
        return len >= 16 && Bytes.u32(b, o + 8) == IDENTIFIER;
    }

    static Remb parse(byte[] b, int o, int len) throws RtpParseException {
        int num = b[o + 12] & 0xFF;
        if (len < 16 + 4 * num) {
            throw new RtpParseException("REMB truncated");
        }
        int v = Bytes.u24(b, o + 13);
        int exp = v >>> 18;
        long mantissa = v & 0x3FFFF;
        if (exp > 46) { // the 64-bit result would overflow; no real estimate is that large
            throw new RtpParseException("REMB exponent " + exp);
        }
        List<Long> ssrcs = new ArrayList<>(num);
        for (int i = 0; i < num; i++) {
            ssrcs.add(Bytes.u32(b, o + 16 + 4 * i));
        }
        return new Remb(Bytes.u32(b, o), mantissa << exp, ssrcs);
    }
}
