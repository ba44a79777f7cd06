package org.rtc4j.rtp.repair;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rtc4j.rtp.SequenceUnwrapper;

/**
 * Receive-side NACK state machine for one RTP stream (sans-IO, caller's clock in ms).
 *
 * <p>{@link #onPacket} tracks the highest sequence number; every hole becomes a missing entry.
 * {@link #poll(long)} returns the sequence numbers to request now: new holes at once (after an
 * optional reorder grace), then again every {@code max(RTT, minRetryInterval)} until the packet
 * arrives or {@code maxRetries} requests went out, when it is given up. Holes larger than
 * {@code maxMissing} clear the list and raise {@link #keyFrameNeeded()} instead.
 */
public final class NackGenerator {
    private static final class Missing {
        int sent;
        long lastSent = Long.MIN_VALUE;
        final long detectedAt;

        Missing(long detectedAt) {
            this.detectedAt = detectedAt;
        }
    }

    private final int maxRetries;
    private final long minRetryIntervalMs;
    private final long reorderGraceMs;
    private final int maxMissing;
    private final SequenceUnwrapper unwrapper = SequenceUnwrapper.forSequenceNumbers();
    private final TreeMap<Long, Missing> missing = new TreeMap<>();
    private long highest = Long.MIN_VALUE;
    private long rttMs = 100;
    private boolean keyFrameNeeded;
    private long givenUp;
    private long givenUpThrough = Long.MIN_VALUE;
    private long recovered;

    /**
     * @param maxRetries         requests per lost packet before giving up
     * @param minRetryIntervalMs lower bound between two requests for one packet
     * @param reorderGraceMs     wait this long after a hole appears before the first request
     * @param maxMissing         most holes tracked at once
     */
    public NackGenerator(int maxRetries, long minRetryIntervalMs, long reorderGraceMs, int maxMissing) {
        if (maxRetries < 1 || maxMissing < 1) {
            throw new IllegalArgumentException("retries and capacity must be positive");
        }
        this.maxRetries = maxRetries;
        this.minRetryIntervalMs = minRetryIntervalMs;
        this.reorderGraceMs = reorderGraceMs;
        this.maxMissing = maxMissing;
    }

    /** 10 retries, 20 ms minimum interval, no reorder grace, 1000 holes. */
    public NackGenerator() {
        this(10, 20, 0, 1000);
    }

    /**
     * Updates the round-trip time estimate used to space retries.
     *
     * @param rttMillis the current round-trip time estimate, in ms
     */
    public void setRtt(long rttMillis) {
        this.rttMs = Math.max(0, rttMillis);
    }

    /**
     * Records the arrival of {@code sequenceNumber} at {@code nowMs}.
     *
     * @param sequenceNumber the RTP sequence number of a received packet
     * @param nowMs the current time, in ms (any monotonic clock, the same for every call)
     */
    public void onPacket(int sequenceNumber, long nowMs) {
        long s = unwrapper.unwrap(sequenceNumber);
        if (highest == Long.MIN_VALUE) {
            highest = s;
            return;
        }
        if (s <= highest) {
            if (missing.remove(s) != null) {
                recovered++;
            }
            return;
        }
        if (s - highest - 1 > maxMissing) {
            givenUp += missing.size() + (s - highest - 1);
            missing.clear();
            givenUpThrough = s - 1;
            keyFrameNeeded = true;
        } else {
            for (long m = highest + 1; m < s; m++) {
                missing.put(m, new Missing(nowMs));
            }
            while (missing.size() > maxMissing) {
                givenUpThrough = Math.max(givenUpThrough, missing.pollFirstEntry().getKey());
                givenUp++;
                keyFrameNeeded = true;
            }
        }
        highest = s;
    }

    private long retryInterval() {
        return Math.max(rttMs, minRetryIntervalMs);
    }

    /**
     * @param nowMs the current time, in ms (any monotonic clock, the same for every call)
     * @return sequence numbers to request now (empty if none); counts them as sent
     */
    public List<Integer> poll(long nowMs) {
        List<Integer> out = new ArrayList<>();
        Iterator<Map.Entry<Long, Missing>> it = missing.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Missing> e = it.next();
            Missing m = e.getValue();
            if (nowMs - m.detectedAt < reorderGraceMs) {
                continue;
            }
            if (m.lastSent != Long.MIN_VALUE && nowMs - m.lastSent < retryInterval()) {
                continue;
            }
            if (m.sent >= maxRetries) {
                it.remove();
                givenUpThrough = Math.max(givenUpThrough, e.getKey());
                givenUp++;
                keyFrameNeeded = true;
                continue;
            }
            m.sent++;
            m.lastSent = nowMs;
            out.add((int) (e.getKey() & 0xFFFF));
        }
        return out;
    }

    /** @return when {@link #poll} next has something to do, or {@code Long.MAX_VALUE} */
    public long nextTimeout() {
        long t = Long.MAX_VALUE;
        for (Missing m : missing.values()) {
            long due = m.lastSent == Long.MIN_VALUE ? m.detectedAt + reorderGraceMs : m.lastSent + retryInterval();
            t = Math.min(t, due);
        }
        return t;
    }

    /** @return sequence numbers currently missing */
    public int missingCount() {
        return missing.size();
    }

    /** @return packets given up (retries exhausted or too many holes) */
    public long givenUp() {
        return givenUp;
    }

    /**
     * @return the 16-bit sequence number of the newest packet given up so far, or -1: what waits
     *         for repair (a sample builder) need not wait for it or anything before it
     */
    public int givenUpThrough() {
        return givenUpThrough == Long.MIN_VALUE ? -1 : (int) (givenUpThrough & 0xFFFF);
    }

    /** @return holes filled by a later arrival */
    public long recovered() {
        return recovered;
    }

    /** @return true (once) if losses were given up and a key frame request (PLI) is advisable */
    public boolean keyFrameNeeded() {
        boolean k = keyFrameNeeded;
        keyFrameNeeded = false;
        return k;
    }
}
