package org.rtc4j.rtp.rtcp;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.rtp.Bytes;
import org.rtc4j.rtp.RtpParseException;

/**
 * Generic NACK (RTPFB FMT 1, RFC 4585 section 6.2.1): the sequence numbers a receiver is missing.
 * Serialization packs them into PID + 16-bit bitmask pairs.
 *
 * @param senderSsrc SSRC of the packet sender
 * @param mediaSsrc  SSRC of the media source
 * @param lost       lost sequence numbers, in the order to be packed (sorted by wrap-aware order)
 */
public record GenericNack(long senderSsrc, long mediaSsrc, List<Integer> lost) implements RtcpPacket {
    /** Feedback message type. */
    public static final int FMT = 1;

    /**
     * Copies the list.
     *
     * @param senderSsrc SSRC of the sender of this feedback packet
     * @param mediaSsrc SSRC of the media source the feedback is about
     * @param lost the sequence numbers reported lost
     */
    public GenericNack {
        lost = List.copyOf(lost);
        if (lost.isEmpty()) {
            throw new IllegalArgumentException("NACK with no sequence numbers");
        }
    }

    @Override
    public int packetType() {
        return RTPFB;
    }

    private int pairs() {
        int n = 0;
        int i = 0;
        while (i < lost.size()) {
            int pid = lost.get(i++);
            while (i < lost.size()) {
                int d = (lost.get(i) - pid) & 0xFFFF;
                if (d < 1 || d > 16) {
                    break;
                }
                i++;
            }
            n++;
        }
        return n;
    }

    @Override
    public int length() {
        return 12 + 4 * pairs();
    }

    @Override
    public int write(byte[] b, int o) {
        int n = length();
        RtcpHeader.write(b, o, false, FMT, RTPFB, n);
        Bytes.put32(b, o + 4, senderSsrc);
        Bytes.put32(b, o + 8, mediaSsrc);
        int p = o + 12;
        int i = 0;
        while (i < lost.size()) {
            int pid = lost.get(i++) & 0xFFFF;
            int blp = 0;
            while (i < lost.size()) {
                int d = (lost.get(i) - pid) & 0xFFFF;
                if (d < 1 || d > 16) {
                    break;
                }
                blp |= 1 << (d - 1);
                i++;
            }
            Bytes.put16(b, p, pid);
            Bytes.put16(b, p + 2, blp);
            p += 4;
        }
        return n;
    }

    static GenericNack parse(byte[] b, int o, int len) throws RtpParseException {
        if (len < 12 || (len - 8) % 4 != 0) {
            throw new RtpParseException("NACK length " + len);
        }
        List<Integer> lost = new ArrayList<>();
        for (int p = o + 8; p < o + len; p += 4) {
            int pid = Bytes.u16(b, p);
            int blp = Bytes.u16(b, p + 2);
            lost.add(pid);
            for (int k = 0; k < 16; k++) {
                if ((blp & (1 << k)) != 0) {
                    lost.add((pid + k + 1) & 0xFFFF);
                }
            }
        }
        return new GenericNack(Bytes.u32(b, o), Bytes.u32(b, o + 4), lost);
    }
}
