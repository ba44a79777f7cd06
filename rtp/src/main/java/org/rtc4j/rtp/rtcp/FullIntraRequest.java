package org.rtc4j.rtp.rtcp;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.rtp.Bytes;
import org.rtc4j.rtp.RtpParseException;

/**
 * Full intra request (PSFB FMT 4, RFC 5104 section 4.3.1).
 *
 * @param senderSsrc SSRC of the packet sender
 * @param entries    one FCI entry per media sender asked for a decoder refresh
 */
public record FullIntraRequest(long senderSsrc, List<FullIntraRequest.Entry> entries) implements RtcpPacket {
    /** Feedback message type. */
    public static final int FMT = 4;

    /**
     * One FIR entry.
     *
     * @param ssrc           media sender to refresh
     * @param sequenceNumber command sequence number 0-255, incremented per new request
     */
    public record Entry(long ssrc, int sequenceNumber) {
        /**
         * Validates the 8-bit sequence number.
         *
         * @param ssrc SSRC of the media sender asked for a key frame
         * @param sequenceNumber command sequence number, incremented per new request
         */
        public Entry {
            if (sequenceNumber < 0 || sequenceNumber > 255) {
                throw new IllegalArgumentException("FIR seq " + sequenceNumber);
            }
        }
    }

    /**
     * Copies the list.
     *
     * @param senderSsrc SSRC of the sender of this feedback packet
     * @param entries the entries, in order
     */
    public FullIntraRequest {
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("FIR without entries");
        }
    }

    @Override
    public int packetType() {
        return PSFB;
    }

    @Override
    public int length() {
        return 12 + 8 * entries.size();
    }

    @Override
    public int write(byte[] b, int o) {
        int n = length();
        RtcpHeader.write(b, o, false, FMT, PSFB, n);
        Bytes.put32(b, o + 4, senderSsrc);
        Bytes.put32(b, o + 8, 0); // media source SSRC is unused in FIR (RFC 5104)
        int p = o + 12;
        for (Entry e : entries) {
            Bytes.put32(b, p, e.ssrc());
            Bytes.put32(b, p + 4, (long) e.sequenceNumber() << 24);
            p += 8;
        }
        return n;
    }

    static FullIntraRequest parse(byte[] b, int o, int len) throws RtpParseException {
        if (len < 16 || (len - 8) % 8 != 0) {
            throw new RtpParseException("FIR length " + len);
        }
        List<Entry> entries = new ArrayList<>();
        for (int p = o + 8; p < o + len; p += 8) {
            entries.add(new Entry(Bytes.u32(b, p), b[p + 4] & 0xFF));
        }
        return new FullIntraRequest(Bytes.u32(b, o), entries);
    }
}
