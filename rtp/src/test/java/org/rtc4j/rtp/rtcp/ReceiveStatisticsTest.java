package org.rtc4j.rtp.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiveStatisticsTest {
    @Test
    void lossFractionExtendedSequenceAndJitter() {
        ReceiveStatistics st = new ReceiveStatistics(9, 90000);
        assertThat(st.report(0)).isNull();
        for (int i = 0; i < 100; i++) {
            if (i % 10 == 5) {
                continue; // 10 lost
            }
            int seq = (65500 + i) & 0xFFFF; // wraps
            st.onPacket(seq, i * 3000L, 1_000_000L + i * 33_333L); // steady 30 fps: no jitter
        }
        ReportBlock rb = st.report(5_000_000);
        assertThat(rb.ssrc()).isEqualTo(9);
        assertThat(rb.cumulativeLost()).isEqualTo(10);
        assertThat(rb.fractionLost()).isEqualTo(10 * 256 / 100);
        assertThat(rb.extendedHighestSeq()).isEqualTo(65536L + ((65500 + 99) & 0xFFFF));
        assertThat(rb.jitter()).isLessThanOrEqualTo(1);
        assertThat(rb.lastSr()).isZero();
        for (int i = 100; i < 200; i++) {
            // every other packet 10 ms late: jitter grows to about 900 units at 90 kHz
            st.onPacket((65500 + i) & 0xFFFF, i * 3000L, 1_000_000L + i * 33_333L + (i % 2) * 10_000L);
        }
        ReportBlock second = st.report(9_000_000);
        assertThat(second.fractionLost()).isZero();
        assertThat(second.cumulativeLost()).isEqualTo(10);
        assertThat(second.jitter()).isBetween(700L, 1000L);
        // round trip through serialization
        assertThat(RtcpParser.parse(new ReceiverReport(1, List.of(second)).toBytes()))
                .containsExactly(new ReceiverReport(1, List.of(second)));
    }

    @Test
    void roundTripTimeFromLsrAndDlsr() {
        long t0 = 1_700_000_000_000_000L; // Unix µs
        SenderReport sr = new SenderReport(5, ReceiveStatistics.ntpTimestamp(t0), 0, 1, 100, List.of());
        ReceiveStatistics st = new ReceiveStatistics(5, 48000);
        st.onPacket(1, 0xFFFFFF00L, t0);
        st.onPacket(2, (0xFFFFFF00L + 960) & 0xFFFFFFFFL, t0 + 20_000); // timestamp wraps, arrival on time
        assertThat(st.jitter()).isZero();
        st.onSenderReport(sr, t0 + 10_000);           // SR took 10 ms to arrive
        ReportBlock rb = st.report(t0 + 30_000);       // RR sent 20 ms later
        assertThat(rb.lastSr()).isEqualTo((sr.ntpTimestamp() >>> 16) & 0xFFFFFFFFL);
        long rtt = ReceiveStatistics.roundTripMicros(rb, t0 + 40_000); // RR took 10 ms back
        assertThat(rtt).isBetween(19_900L, 20_100L);
        assertThat(ReceiveStatistics.ntpTimestamp(0) >>> 32).isEqualTo(2_208_988_800L);
    }
}
