package org.rtc4j.rtp.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rtc4j.rtp.rtcp.ReceiveStatistics;

class NtpTest {
    @Test
    void unixMicrosRoundTripExactlyIncludingEraOne() {
        long[] times = {
            0L, 1L, 999_999L, 1_700_000_000_123_457L,
            2_085_978_495_999_999L, // 2036-02-07 06:28:15.999999, last µs of NTP era 0
            2_085_978_496_000_000L, // first µs of era 1: the 32-bit seconds field is 0 again
            2_208_988_800_000_001L, // 2040
        };
        for (long t : times) {
            assertThat(Ntp.toUnixMicros(Ntp.fromUnixMicros(t))).as("t=%d", t).isEqualTo(t);
            assertThat(Ntp.fromUnixMicros(t)).isEqualTo(ReceiveStatistics.ntpTimestamp(t));
        }
        assertThat(Ntp.fromUnixMicros(2_085_978_496_000_000L)).isZero();
        assertThat(Ntp.toUnixMicros(2_208_988_800L << 32 | 0x8000_0000L)).isEqualTo(500_000L);
    }
}
