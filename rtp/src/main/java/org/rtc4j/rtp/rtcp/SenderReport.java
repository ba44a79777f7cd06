package org.rtc4j.rtp.rtcp;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.rtp.Bytes;
import org.rtc4j.rtp.RtpParseException;

/**
 * Sender report (PT 200). Profile-specific extensions after the report blocks are ignored.
 *
 * @param ssrc          sender SSRC
 * @param ntpTimestamp  64-bit NTP wallclock
 * @param rtpTimestamp  RTP timestamp matching the NTP time
 * @param packetCount   sender's packet count
 * @param octetCount    sender's payload octet count
 * @param reports       up to 31 reception report blocks
 */
public record SenderReport(long ssrc, long ntpTimestamp, long rtpTimestamp, long packetCount, long octetCount,
        List<ReportBlock> reports) implements RtcpPacket {
    /**
     * Copies the list.
     *
     * @param ssrc SSRC of the sender
     * @param ntpTimestamp the 64-bit NTP timestamp of the report
     * @param rtpTimestamp the RTP timestamp of the packet
     * @param packetCount sender's packet count
     * @param octetCount sender's payload octet count
     * @param reports the reception report blocks (at most 31)
     */
    public SenderReport {
        reports = List.copyOf(reports);
        if (reports.size() > 31) {
            throw new IllegalArgumentException("more than 31 report blocks");
        }
    }

    @Override
    public int packetType() {
        return SR;
    }

    @Override
    public int length() {
        return 28 + ReportBlock.SIZE * reports.size();
    }

    @Override
    public int write(byte[] b, int o) {
        int n = length();
        RtcpHeader.write(b, o, false, reports.size(), SR, n);
        Bytes.put32(b, o + 4, ssrc);
        Bytes.put64(b, o + 8, ntpTimestamp);
        Bytes.put32(b, o + 16, rtpTimestamp);
        Bytes.put32(b, o + 20, packetCount);
        Bytes.put32(b, o + 24, octetCount);
        for (int i = 0; i < reports.size(); i++) {
            reports.get(i).write(b, o + 28 + i * ReportBlock.SIZE);
        }
        return n;
    }

    static SenderReport parse(int count, byte[] b, int o, int len) throws RtpParseException {
        if (len < 24 + count * ReportBlock.SIZE) {
            throw new RtpParseException("SR truncated");
        }
        List<ReportBlock> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            blocks.add(ReportBlock.read(b, o + 24 + i * ReportBlock.SIZE));
        }
        return new SenderReport(Bytes.u32(b, o), Bytes.u64(b, o + 4), Bytes.u32(b, o + 12), Bytes.u32(b, o + 16),
                Bytes.u32(b, o + 20), blocks);
    }
}
