package org.rtc4j.rtp.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RtcpIntervalTest {
    private static final long NOW = 1_700_000_000_000_000L;
    private static final long SECOND = 1_000_000L;

    @Test
    void drawsStayWithinTheRandomisedCompensatedBounds() {
        RtcpInterval iv = new RtcpInterval(SECOND, new SplittableRandom(42));
        double c = RtcpInterval.COMPENSATION;
        assertThat(c).isCloseTo(1.21828, org.assertj.core.data.Offset.offset(1e-5));
        long nextLo = (long) (SECOND * 0.5 / c), nextHi = (long) (SECOND * 1.5 / c);
        long firstLo = (long) (SECOND * 0.25 / c), firstHi = (long) (SECOND * 0.75 / c);
        long min = Long.MAX_VALUE, max = 0, sum = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            long d = iv.next(NOW) - NOW;
            assertThat(d).isBetween(nextLo, nextHi);
            min = Math.min(min, d);
            max = Math.max(max, d);
            sum += d;
            assertThat(iv.first(NOW) - NOW).isBetween(firstLo, firstHi);
        }
        // uniform: the whole range is used and the mean is interval / compensation (~821 ms)
        assertThat(min).isLessThan(nextLo + SECOND / 200);
        assertThat(max).isGreaterThan(nextHi - SECOND / 200);
        assertThat((double) sum / n).isBetween(SECOND / c * 0.99, SECOND / c * 1.01);
    }

    @Test
    void extremeFactorsAndTinyIntervalsStillMoveForward() {
        RandomGenerator lowest = () -> 0L;   // nextDouble() == 0: factor exactly 0.5
        RandomGenerator highest = () -> -1L; // nextDouble() just below 1: factor just below 1.5
        assertThat(new RtcpInterval(5 * SECOND, lowest).next(NOW) - NOW)
                .isEqualTo((long) (5 * SECOND * 0.5 / RtcpInterval.COMPENSATION));
        long top = (long) (5 * SECOND * 1.5 / RtcpInterval.COMPENSATION);
        assertThat(new RtcpInterval(5 * SECOND, highest).next(NOW) - NOW).isBetween(top - 1, top);
        assertThat(new RtcpInterval(5 * SECOND, lowest).first(NOW) - NOW)
                .isEqualTo((long) (2.5 * SECOND * 0.5 / RtcpInterval.COMPENSATION));
        RtcpInterval tiny = new RtcpInterval(1, lowest);
        assertThat(tiny.next(NOW)).isEqualTo(NOW + 1);
        assertThat(tiny.first(NOW)).isEqualTo(NOW + 1);
        assertThat(tiny.intervalMicros()).isEqualTo(1);
        assertThatThrownBy(() -> new RtcpInterval(0, lowest)).isInstanceOf(IllegalArgumentException.class);
    }
}
