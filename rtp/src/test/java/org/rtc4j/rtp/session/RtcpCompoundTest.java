package org.rtc4j.rtp.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.rtp.rtcp.Bye;
import org.rtc4j.rtp.rtcp.GenericNack;
import org.rtc4j.rtp.rtcp.PictureLossIndication;
import org.rtc4j.rtp.rtcp.ReceiverReport;
import org.rtc4j.rtp.rtcp.RtcpPacket;
import org.rtc4j.rtp.rtcp.RtcpParser;
import org.rtc4j.rtp.rtcp.SenderReport;
import org.rtc4j.rtp.rtcp.SourceDescription;

class RtcpCompoundTest {
    private final SenderReport sr = new SenderReport(1, 5L << 32, 90000, 10, 1000, List.of());
    private final ReceiverReport rr = new ReceiverReport(1, List.of());
    private final SourceDescription sdes = SourceDescription.cname(1, "cname");
    private final GenericNack nack = new GenericNack(1, 2, List.of(7, 9));
    private final Bye bye = new Bye(List.of(1L), "done");

    @Test
    void compoundIsOrderedReportSdesOthersBye() {
        List<RtcpPacket> parsed = RtcpParser.parse(RtcpCompound.build(List.of(bye, nack, sdes, rr, sr), false));
        assertThat(parsed).containsExactly(sr, rr, sdes, nack, bye);
    }

    @Test
    void reducedSizeKeepsTheGivenOrder() {
        RtcpPacket pli = new PictureLossIndication(1, 2);
        assertThat(RtcpParser.parse(RtcpCompound.build(List.of(nack, pli), true))).containsExactly(nack, pli);
        assertThat(RtcpCompound.build(List.of(nack, pli), true)).isEqualTo(RtcpParser.write(List.of(nack, pli)));
    }

    @Test
    void compoundWithoutReportOrCnameIsRefused() {
        assertThatThrownBy(() -> RtcpCompound.build(List.of(sdes, nack), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SR or RR");
        assertThatThrownBy(() -> RtcpCompound.build(List.of(rr, nack), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SDES");
        assertThatThrownBy(() -> RtcpCompound.build(List.of(), true)).isInstanceOf(IllegalArgumentException.class);
    }
}
