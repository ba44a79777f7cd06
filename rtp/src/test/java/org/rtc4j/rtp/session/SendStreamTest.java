package org.rtc4j.rtp.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.rtp.rtcp.Bye;
import org.rtc4j.rtp.rtcp.ReceiveStatistics;
import org.rtc4j.rtp.rtcp.ReportBlock;
import org.rtc4j.rtp.rtcp.SenderReport;

class SendStreamTest {
    private static final long T0 = 1_700_000_000_000_000L;

    @Test
    void senderReportExtrapolatesTheRtpTimestampAcrossTheWrap() {
        SendStream s = new SendStream(0xCAFEBABEL, 90000);
        assertThat(s.hasSent()).isFalse();
        assertThatThrownBy(() -> s.senderReport(T0, List.of())).isInstanceOf(IllegalStateException.class);
        s.onPacketSent(1000, 1100, 12, 0, T0);
        SenderReport sr = s.senderReport(T0 + 20_000, List.of()); // 20 ms at 90 kHz = 1800 units
        assertThat(sr.ssrc()).isEqualTo(0xCAFEBABEL);
        assertThat(sr.rtpTimestamp()).isEqualTo(2800);
        assertThat(sr.ntpTimestamp()).isEqualTo(ReceiveStatistics.ntpTimestamp(T0 + 20_000));
        assertThat(Ntp.toUnixMicros(sr.ntpTimestamp())).isEqualTo(T0 + 20_000);

        s.onPacketSent(0xFFFF_FF00L, 1100, 12, 0, T0 + 40_000);
        assertThat(s.senderReport(T0 + 50_000, List.of()).rtpTimestamp()).isEqualTo(900 - 0x100); // wrapped
        assertThat(s.senderReport(T0 + 40_000, List.of()).rtpTimestamp()).isEqualTo(0xFFFF_FF00L);

        SendStream audio = new SendStream(1, 48000);
        audio.onPacketSent(960, 80, 12, 0, T0);
        assertThat(audio.senderReport(T0 + 1_000_000, List.of()).rtpTimestamp()).isEqualTo(48960);
        // an SR sent a little before the packet's timestamp went out (reordered clocks) goes back
        assertThat(audio.senderReport(T0 - 10_000, List.of()).rtpTimestamp()).isEqualTo(480);
    }

    @Test
    void countersAndTheirWrapInTheSenderReport() {
        SendStream s = new SendStream(7, 90000);
        s.onPacketSent(0, 1000, 12, 0, T0);
        s.onPacketSent(3000, 500, 20, 255, T0 + 33_333);
        assertThat(s.packetsSent()).isEqualTo(2);
        assertThat(s.bytesSent()).isEqualTo(1500);
        assertThat(s.headerBytesSent()).isEqualTo(12 + 20 + 255); // W3C: header and padding bytes
        assertThat(s.lastSentUnixMicros()).isEqualTo(T0 + 33_333);
        SenderReport sr = s.senderReport(T0 + 33_333, List.of());
        assertThat(sr.packetCount()).isEqualTo(2);
        assertThat(sr.octetCount()).isEqualTo(1500);

        for (int i = 0; i < 3; i++) {
            s.onPacketSent(6000, Integer.MAX_VALUE, 12, 0, T0 + 66_666);
        }
        long total = 1500 + 3L * Integer.MAX_VALUE;
        assertThat(s.bytesSent()).isEqualTo(total);
        SenderReport wrapped = s.senderReport(T0 + 66_666, List.of());
        assertThat(wrapped.octetCount()).isEqualTo(total % (1L << 32)).isEqualTo(total - (1L << 32));
        assertThat(wrapped.packetCount()).isEqualTo(5);
        assertThatThrownBy(() -> s.onPacketSent(0, -1, 12, 0, T0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportBlocksGiveLossJitterAndRoundTrip() {
        SendStream s = new SendStream(0x42, 90000);
        assertThat(s.roundTripTimeSeconds()).isNaN();
        // no LSR yet: loss and jitter count, RTT does not
        s.onReportBlock(new ReportBlock(0x42, 64, 3, 70000, 900, 0, 0), T0);
        assertThat(s.reportsReceived()).isEqualTo(1);
        assertThat(s.fractionLost()).isEqualTo(0.25);
        assertThat(s.packetsLost()).isEqualTo(3);
        assertThat(s.jitterSeconds()).isEqualTo(0.01);
        assertThat(s.roundTripTimeSeconds()).isNaN();
        assertThat(s.roundTripTimeMeasurements()).isZero();

        // SR at T0, peer holds it 250 ms, block arrives at T0 + 330 ms: RTT 80 ms
        long lsr = (ReceiveStatistics.ntpTimestamp(T0) >>> 16) & 0xFFFF_FFFFL;
        s.onReportBlock(new ReportBlock(0x42, 0, 3, 70100, 450, lsr, 65536 / 4), T0 + 330_000);
        assertThat(s.roundTripTimeSeconds()).isCloseTo(0.080, org.assertj.core.data.Offset.offset(5e-5));
        s.onReportBlock(new ReportBlock(0x42, 0, 3, 70200, 450, lsr, 65536 / 4), T0 + 370_000);
        assertThat(s.roundTripTimeSeconds()).isCloseTo(0.120, org.assertj.core.data.Offset.offset(5e-5));
        assertThat(s.totalRoundTripTimeSeconds()).isCloseTo(0.200, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(s.roundTripTimeMeasurements()).isEqualTo(2);
        assertThat(s.reportsReceived()).isEqualTo(3);
        assertThat(s.fractionLost()).isZero();

        // DLSR rounding on a zero-length path makes LSR + DLSR land after the arrival: RTT 0, not 18 h
        s.onReportBlock(new ReportBlock(0x42, 0, 3, 70300, 450, lsr, 65536 / 4 + 1), T0 + 250_000);
        assertThat(s.roundTripTimeSeconds()).isZero();
        assertThatThrownBy(() -> s.onReportBlock(new ReportBlock(0x43, 0, 0, 0, 0, 0, 0), T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void byeNamesTheSsrc() {
        assertThat(new SendStream(0xFFFF_FFFFL, 48000).bye()).isEqualTo(new Bye(List.of(0xFFFF_FFFFL), null));
    }
}
