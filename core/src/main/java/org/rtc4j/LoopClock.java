package org.rtc4j;

import io.netty.channel.EventLoop;

/**
 * The time as the connections of one event loop read it: the factory's monotonic milliseconds,
 * and microseconds since the Unix epoch derived from the same reading (anchored to the wall
 * clock once, so RTCP's NTP times and arrival times never step when the wall clock is adjusted).
 *
 * <p>Within a turn — one socket's read burst, opened and closed by the loop — the first reading
 * is kept and reused, and refreshed every {@value #REFRESH} datagrams. A forwarded packet reads
 * the time several times on its way (ICE, arrival statistics, abs-send-time, sender statistics,
 * timers), and those reads were about a tenth of the forwarding path's CPU time; the packets of
 * one burst arrived together anyway. Turns are loop-thread state, so the clock has no locks;
 * any other thread, and the loop outside a turn, reads the clock itself.
 */
final class LoopClock {

    private static final int REFRESH = 32;

    private final EventLoop loop;
    private final long epochNanos;
    private final long unixEpochMicros;
    // Loop-confined.
    private int depth;
    private int uses;
    private boolean cached;
    private long cachedNanos;

    LoopClock(EventLoop loop, long epochNanos) {
        this.loop = loop;
        this.epochNanos = epochNanos;
        long wallMicros = System.currentTimeMillis() * 1000;
        this.unixEpochMicros = wallMicros - (System.nanoTime() - epochNanos) / 1000;
    }

    /** Monotonic milliseconds since the factory was made. */
    long nowMs() {
        return (nanos() - epochNanos) / 1_000_000;
    }

    /** Microseconds since the Unix epoch, on the monotonic clock. */
    long unixMicros() {
        return unixEpochMicros + (nanos() - epochNanos) / 1000;
    }

    private long nanos() {
        if (depth > 0 && loop.inEventLoop()) {
            if (!cached) {
                cachedNanos = System.nanoTime();
                cached = true;
            }
            return cachedNanos;
        }
        return System.nanoTime();
    }

    /** A read burst starts (loop thread). Turns nest: only the outermost one ends the caching. */
    void enter() {
        depth++;
    }

    /** One datagram of the burst: every {@value #REFRESH} the time is read again. */
    void datagram() {
        if (++uses >= REFRESH) {
            uses = 0;
            cached = false;
        }
    }

    /** The burst is handled. */
    void exit() {
        if (depth > 0 && --depth == 0) {
            cached = false;
            uses = 0;
        }
    }
}
