package org.rtc4j.rtp.rtcp;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.rtp.Bytes;
import org.rtc4j.rtp.RtpParseException;

/**
 * Receiver report (PT 201). Profile-specific extensions after the report blocks are ignored.
 *
 * @param ssrc    reporter SSRC
 * @param reports up to 31 report blocks
 */
public record ReceiverReport(long ssrc, List<ReportBlock> reports) implements RtcpPacket {
    /**
     * Copies the list.
     *
     * @param ssrc SSRC of the reporter
     * @param reports the reception report blocks (at most 31)
     */
    public ReceiverReport {
        reports = List.copyOf(reports);
        if (reports.size() > 31) {
            throw new IllegalArgumentException("more than 31 report blocks");
        }
    }

    @Override
    public int packetType() {
        return RR;
    }

    @Override
    public int length() {
        return 8 + ReportBlock.SIZE * reports.size();
    }

    @Override
    public int write(byte[] b, int o) {
        int n = length();
        RtcpHeader.write(b, o, false, reports.size(), RR, n);
        Bytes.put32(b, o + 4, ssrc);
        for (int i = 0; i < reports.size(); i++) {
            reports.get(i).write(b, o + 8 + i * ReportBlock.SIZE);
        }
        return n;
    }

    static ReceiverReport parse(int count, byte[] b, int o, int len) throws RtpParseException {
        if (len < 4 + count * ReportBlock.SIZE) {
            throw new RtpParseException("RR truncated");
        }
        List<ReportBlock> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            blocks.add(ReportBlock.read(b, o + 4 + i * ReportBlock.SIZE));
        }
        return new ReceiverReport(Bytes.u32(b, o), blocks);
    }
}
