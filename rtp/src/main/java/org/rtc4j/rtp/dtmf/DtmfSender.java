package org.rtc4j.rtp.dtmf;

import java.util.ArrayDeque;
import java.util.Deque;
import org.rtc4j.rtp.RtpHeader;

/**
 * Sends DTMF tones as RFC 4733 telephone-event RTP packets (sans-IO, caller's clock in ms).
 *
 * <p>Each tone is one event: every packet carries the event's start timestamp; the first has the
 * marker bit; updates follow every {@code intervalMs} with a growing duration; the final duration
 * goes out with the E bit three times (RFC 4733 section 2.5.1.4) so a single loss does not hide
 * the end. Tones queued with {@link #sendTone} play back to back.
 */
public final class DtmfSender {
    private record Tone(int event, int volume, int durationUnits) {
    }

    private final int payloadType;
    private final long ssrc;
    private final int clockRate;
    private final int intervalMs;
    private final Deque<Tone> queue = new ArrayDeque<>();
    private final RtpHeader header = new RtpHeader();
    private int sequence;
    private Tone current;
    private long currentTimestamp;
    private long currentStartMs;
    private int sentUpdates;
    private int endsSent;
    private long nextDueMs = Long.MAX_VALUE;
    private long nextTimestamp;

    /**
     * @param payloadType      negotiated telephone-event payload type, 0-127
     * @param ssrc             synchronization source to send from (low 32 bits used)
     * @param clockRate        its clock rate (8000 with PCMU/PCMA, 48000 with Opus)
     * @param initialSequence  first sequence number (share the audio stream's counter in real use)
     * @param initialTimestamp RTP timestamp of the first tone
     */
    public DtmfSender(int payloadType, long ssrc, int clockRate, int initialSequence, long initialTimestamp) {
        this.payloadType = payloadType;
        this.ssrc = ssrc;
        this.clockRate = clockRate;
        this.intervalMs = 50;
        this.sequence = initialSequence & 0xFFFF;
        this.nextTimestamp = initialTimestamp;
    }

    /**
     * Queues a tone.
     *
     * @param digit      0-9, *, #, A-D
     * @param durationMs tone length (40 ms minimum per ITU-T Q.24 is sensible)
     * @param volume     0-63 (-dBm0)
     * @param nowMs      current time in ms
     * @throws IllegalArgumentException if {@code digit} is not a DTMF digit, the duration is not
     *                                  1-65535 RTP timestamp units, or {@code volume} is outside
     *                                  0-63
     */
    public void sendTone(char digit, int durationMs, int volume, long nowMs) {
        int units = (int) ((long) durationMs * clockRate / 1000);
        if (units <= 0 || units > 0xFFFF || volume < 0 || volume > 63) {
            throw new IllegalArgumentException("DTMF duration " + durationMs + " ms / volume " + volume);
        }
        queue.add(new Tone(DtmfEvent.code(digit), volume, units));
        if (current == null) {
            startNext(nowMs);
        }
    }

    private void startNext(long nowMs) {
        current = queue.poll();
        if (current == null) {
            nextDueMs = Long.MAX_VALUE;
            return;
        }
        currentTimestamp = nextTimestamp;
        currentStartMs = nowMs;
        sentUpdates = 0;
        endsSent = 0;
        nextDueMs = nowMs;
    }

    /**
     * @return when {@link #poll} next has a packet, in ms on the caller's clock, or
     *         {@code Long.MAX_VALUE} if no tone is playing
     */
    public long nextTimeout() {
        return nextDueMs;
    }

    /**
     * @param nowMs current time in ms, on the same clock as {@link #sendTone}
     * @return the next RTP packet due at {@code nowMs}, or null if nothing is due
     * @throws IllegalArgumentException if the payload type given to the constructor is outside
     *                                  0-127
     */
    public byte[] poll(long nowMs) {
        if (current == null || nowMs < nextDueMs) {
            return null;
        }
        long elapsedUnits = (long) (sentUpdates + 1) * intervalMs * clockRate / 1000;
        boolean end = elapsedUnits >= current.durationUnits() || endsSent > 0;
        int duration = end ? current.durationUnits() : (int) elapsedUnits;
        byte[] payload = new byte[DtmfEvent.SIZE];
        new DtmfEvent(current.event(), end, current.volume(), duration).write(payload, 0);
        header.clear().payloadType(payloadType).ssrc(ssrc).sequenceNumber(sequence).timestamp(currentTimestamp)
                .marker(sentUpdates == 0 && endsSent == 0);
        sequence = (sequence + 1) & 0xFFFF;
        byte[] pkt = header.toPacket(payload);
        if (end) {
            endsSent++;
            if (endsSent == 3) {
                nextTimestamp = currentTimestamp + current.durationUnits();
                startNext(Math.max(nowMs, currentStartMs + (long) current.durationUnits() * 1000 / clockRate));
            }
            // the redundant end packets go out immediately
        } else {
            sentUpdates++;
            nextDueMs = currentStartMs + (long) sentUpdates * intervalMs;
        }
        return pkt;
    }

    /** @return the sequence number the next packet will use */
    public int nextSequenceNumber() {
        return sequence;
    }
}
