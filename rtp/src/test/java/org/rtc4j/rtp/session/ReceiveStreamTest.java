package org.rtc4j.rtp.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.rtp.rtcp.ReceiveStatistics;
import org.rtc4j.rtp.rtcp.ReportBlock;
import org.rtc4j.rtp.rtcp.SenderReport;

class ReceiveStreamTest {
    private static final long T0 = 1_700_000_000_000_000L;

    private static SenderReport sr(long ssrc, long unixMicros, long rtp, long packets, long octets) {
        return new SenderReport(ssrc, ReceiveStatistics.ntpTimestamp(unixMicros), rtp, packets, octets, List.of());
    }

    @Test
    void countsPacketsAndDelegatesLossAndJitter() {
        ReceiveStream r = new ReceiveStream(9, 90000);
        assertThat(r.hasReceived()).isFalse();
        assertThat(r.reportBlock(T0)).isNull();
        assertThat(r.lastPacketReceivedUnixMicros()).isEqualTo(Long.MIN_VALUE);
        for (int i = 0; i < 20; i++) {
            if (i == 7 || i == 8) {
                continue;
            }
            // every other packet 10 ms late: 900 units of transit difference each time
            r.onPacket((65530 + i) & 0xFFFF, i * 3000L, 1000, 12, i == 19 ? 100 : 0, T0 + i * 33_333L + (i % 2) * 10_000L);
        }
        assertThat(r.hasReceived()).isTrue();
        assertThat(r.packetsReceived()).isEqualTo(18);
        assertThat(r.bytesReceived()).isEqualTo(18_000);
        assertThat(r.headerBytesReceived()).isEqualTo(18 * 12 + 100);
        assertThat(r.lastPacketReceivedUnixMicros()).isEqualTo(T0 + 19 * 33_333L + 10_000L);
        assertThat(r.packetsLost()).isEqualTo(2);
        assertThat(r.jitterSeconds()).isBetween(200 / 90000.0, 900 / 90000.0);
        ReportBlock rb = r.reportBlock(T0 + 1_000_000);
        assertThat(rb.ssrc()).isEqualTo(9);
        assertThat(rb.cumulativeLost()).isEqualTo(2);
        assertThat(rb.fractionLost()).isEqualTo(2 * 256 / 20);
        assertThat(rb.lastSr()).isZero();
    }

    @Test
    void senderReportGivesRemoteOutboundStatsAndTheClockMapping() {
        ReceiveStream r = new ReceiveStream(5, 90000);
        assertThat(r.ntpOfRtp(0)).isEqualTo(Long.MIN_VALUE);
        assertThat(r.remoteTimestampUnixMicros()).isEqualTo(Long.MIN_VALUE);
        r.onSenderReport(sr(5, T0, 0xFFFF_0000L, 0xFFFF_FF00L, 0xFFF0_0000L), T0 + 40_000);
        assertThat(r.reportsReceived()).isEqualTo(1);
        assertThat(r.remotePacketsSent()).isEqualTo(0xFFFF_FF00L);
        assertThat(r.remoteBytesSent()).isEqualTo(0xFFF0_0000L);
        assertThat(r.remoteTimestampUnixMicros()).isEqualTo(T0);
        // 90 kHz: 900 units = 10 ms, across the 32-bit wrap and before the SR too
        assertThat(r.ntpOfRtp(0xFFFF_0000L)).isEqualTo(T0);
        assertThat(r.ntpOfRtp(0xFFFF_0000L + 900)).isEqualTo(T0 + 10_000);
        assertThat(r.ntpOfRtp((0xFFFF_0000L + 90_000) & 0xFFFF_FFFFL)).isEqualTo(T0 + 1_000_000);
        assertThat(r.ntpOfRtp(0xFFFF_0000L - 450)).isEqualTo(T0 - 5_000);
        r.onPacket(1, 0xFFFF_0000L, 100, 12, 0, T0 + 40_000);
        ReportBlock rb = r.reportBlock(T0 + 140_000);
        assertThat(rb.lastSr()).isEqualTo((ReceiveStatistics.ntpTimestamp(T0) >>> 16) & 0xFFFF_FFFFL);
        assertThat(rb.delaySinceLastSr()).isEqualTo(65536 / 10);

        // counts wrap at 2^32 in the SR; the stream keeps counting past it
        r.onSenderReport(sr(5, T0 + 1_000_000, 0, 0xFFFF_FFF0L, 0xFFFF_0000L), T0 + 1_040_000);
        r.onSenderReport(sr(5, T0 + 2_000_000, 90_000, 0x10, 0x1_0000L), T0 + 2_040_000);
        assertThat(r.remotePacketsSent()).isEqualTo((1L << 32) + 0x10);
        assertThat(r.remoteBytesSent()).isEqualTo((1L << 32) + 0x1_0000L);
        assertThat(r.reportsReceived()).isEqualTo(3);
        assertThat(r.ntpOfRtp(90_000 + 9000)).isEqualTo(T0 + 2_100_000);

        // a reordered older SR changes nothing
        r.onSenderReport(sr(5, T0 + 1_500_000, 45_000, 0xFFFF_FFF8L, 0xFFFF_8000L), T0 + 2_050_000);
        assertThat(r.reportsReceived()).isEqualTo(3);
        assertThat(r.remotePacketsSent()).isEqualTo((1L << 32) + 0x10);
        assertThat(r.remoteTimestampUnixMicros()).isEqualTo(T0 + 2_000_000);
        assertThatThrownBy(() -> r.onSenderReport(sr(6, T0, 0, 0, 0), T0)).isInstanceOf(IllegalArgumentException.class);
    }
}
