package org.rtc4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.DefaultEventLoop;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The loop clock reuses one reading only within a turn, only on its loop, and not for long. */
class LoopClockTest {

    private final DefaultEventLoop loop = new DefaultEventLoop();

    @AfterEach
    void stop() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    private static void spin(long micros) {
        long end = System.nanoTime() + micros * 1000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    @Test
    void aTurnReusesItsReadingUntilItEndsOrThirtyTwoDatagramsPass() throws Exception {
        LoopClock clock = new LoopClock(loop, System.nanoTime());
        loop.submit(() -> {
            clock.enter();
            long first = clock.unixMicros();
            spin(200);
            assertThat(clock.unixMicros()).as("within the turn").isEqualTo(first);
            for (int i = 0; i < 31; i++) {
                clock.datagram();
            }
            assertThat(clock.unixMicros()).as("31 datagrams on").isEqualTo(first);
            clock.datagram();
            long refreshed = clock.unixMicros();
            assertThat(refreshed).as("the 32nd refreshes").isGreaterThanOrEqualTo(first + 200);
            clock.enter(); // a second connection's turn inside the first's
            clock.exit();
            spin(200);
            assertThat(clock.unixMicros()).as("an inner turn's end keeps the outer one").isEqualTo(refreshed);
            clock.exit();
            assertThat(clock.unixMicros()).as("after the turn").isGreaterThanOrEqualTo(refreshed + 200);
            long a = clock.unixMicros();
            spin(200);
            assertThat(clock.unixMicros()).as("outside a turn every read is fresh").isGreaterThanOrEqualTo(a + 200);
            clock.exit(); // unbalanced: ignored
            assertThat(clock.nowMs()).isGreaterThanOrEqualTo(0);
            return null;
        }).get(5, TimeUnit.SECONDS);
    }

    @Test
    void otherThreadsReadFreshWhileTheLoopHoldsATurn() throws Exception {
        LoopClock clock = new LoopClock(loop, System.nanoTime());
        long held = loop.submit(() -> {
            clock.enter();
            return clock.unixMicros();
        }).get(5, TimeUnit.SECONDS);
        spin(500);
        assertThat(clock.unixMicros()).isGreaterThanOrEqualTo(held + 500);
        assertThat(loop.submit(clock::unixMicros).get(5, TimeUnit.SECONDS)).isEqualTo(held);
        loop.submit(clock::exit).get(5, TimeUnit.SECONDS);
    }

    @Test
    void unixTimeFollowsTheWallClockAndMillisecondsTheFactoryEpoch() {
        long epoch = System.nanoTime();
        LoopClock clock = new LoopClock(loop, epoch);
        long wall = System.currentTimeMillis() * 1000;
        assertThat(clock.unixMicros()).isBetween(wall - 5_000_000, wall + 5_000_000);
        assertThat(clock.nowMs()).isBetween(0L, (System.nanoTime() - epoch) / 1_000_000);
    }
}
