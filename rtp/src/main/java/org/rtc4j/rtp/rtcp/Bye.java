package org.rtc4j.rtp.rtcp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.rtc4j.rtp.Bytes;
import org.rtc4j.rtp.RtpParseException;

/**
 * Goodbye (PT 203).
 *
 * @param ssrcs  sources leaving (at most 31)
 * @param reason optional reason, or null
 */
public record Bye(List<Long> ssrcs, String reason) implements RtcpPacket {
    /**
     * Copies the list.
     *
     * @param ssrcs the SSRCs the estimate or packet applies to
     * @param reason the reason text, or null
     */
    public Bye {
        ssrcs = List.copyOf(ssrcs);
        if (ssrcs.size() > 31 || (reason != null && reason.getBytes(StandardCharsets.UTF_8).length > 255)) {
            throw new IllegalArgumentException("BYE fields");
        }
    }

    @Override
    public int packetType() {
        return BYE;
    }

    @Override
    public int length() {
        int n = 4 + 4 * ssrcs.size();
        if (reason != null) {
            n += RtcpHeader.pad4(1 + reason.getBytes(StandardCharsets.UTF_8).length);
        }
        return n;
    }

    @Override
    public int write(byte[] b, int o) {
        int n = length();
        RtcpHeader.write(b, o, false, ssrcs.size(), BYE, n);
        int p = o + 4;
        for (long s : ssrcs) {
            Bytes.put32(b, p, s);
            p += 4;
        }
        if (reason != null) {
            byte[] r = reason.getBytes(StandardCharsets.UTF_8);
            b[p++] = (byte) r.length;
            System.arraycopy(r, 0, b, p, r.length);
            p += r.length;
            while (p < o + n) {
                b[p++] = 0;
            }
        }
        return n;
    }

    static Bye parse(int count, byte[] b, int o, int len) throws RtpParseException {
        if (len < 4 * count) {
            throw new RtpParseException("BYE truncated");
        }
        List<Long> ssrcs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ssrcs.add(Bytes.u32(b, o + 4 * i));
        }
        String reason = null;
        int p = o + 4 * count;
        if (p < o + len) {
            int l = b[p] & 0xFF;
            if (p + 1 + l > o + len) {
                throw new RtpParseException("BYE reason truncated");
            }
            reason = new String(b, p + 1, l, StandardCharsets.UTF_8);
        }
        return new Bye(ssrcs, reason);
    }
}
