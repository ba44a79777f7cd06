package org.rtc4j.rtp.codec;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.rtp.RtpPacket;
import org.rtc4j.rtp.RtpParseException;
import org.rtc4j.rtp.SequenceUnwrapper;

/**
 * Receive-side frame assembly: buffers RTP packets of one stream in a fixed ring, reorders them
 * by sequence number and emits whole frames in order. A frame is the run of consecutive packets
 * with one timestamp, starting at a packet the {@link Depacketizer} accepts as a frame start and
 * ending where {@link Depacketizer#isFrameEnd} says so (the marker bit for video, every packet
 * for audio) or where the timestamp changes.
 *
 * <p>A missing packet holds back later frames until the newest packet is more than
 * {@code maxLate} sequence numbers ahead; then the incomplete frame is dropped and the next
 * emitted frame has {@link Frame#afterGap()} set. Memory is bounded by the ring capacity.
 * Not thread-safe; sans-IO (no clock: lateness is measured in packets).
 */
public final class SampleBuilder {
    private static final class Slot {
        long seq = -1;
        long timestamp;
        boolean marker;
        byte[] payload;
    }

    private final Depacketizer depacketizer;
    private final Slot[] ring;
    private final int mask;
    private final int maxLate;
    private final int startupPackets;
    private long receivedPackets;
    private final SequenceUnwrapper unwrapper = SequenceUnwrapper.forSequenceNumbers();
    private long head = -1;
    private long highest = -1;
    private boolean emittedAny;
    private boolean gap;
    private long lastFrameTimestamp = -1;
    private long droppedPackets;

    // Holes at or before this (unwrapped) sequence number are not waited for: the loss repair
    // gave them up (giveUpThrough), so frames behind them need not wait out maxLate.
    private long abandonedThrough = Long.MIN_VALUE;

    /**
     * A builder that emits frames as soon as they are complete (no startup wait).
     *
     * @param depacketizer the codec's payload format, which finds frame boundaries and key frames
     * @param capacity     ring size in packets (rounded up to a power of two, at least 32)
     * @param maxLate      how far (in packets) the newest packet may run ahead of a hole before
     *                     the hole is given up; at least 1 and below the rounded {@code capacity}
     * @throws IllegalArgumentException if {@code maxLate} is out of range
     */
    public SampleBuilder(Depacketizer depacketizer, int capacity, int maxLate) {
        this(depacketizer, capacity, maxLate, 0);
    }

    /**
     * @param depacketizer   the codec's payload format, which finds frame boundaries and key
     *                       frames
     * @param capacity       ring size in packets (rounded up to a power of two, at least 32)
     * @param maxLate        how far (in packets) the newest packet may run ahead of a hole before
     *                       the hole is given up; at least 1 and below the rounded
     *                       {@code capacity}
     * @param startupPackets packets to receive before the first frame is emitted, so that packets
     *                       reordered around the very start of the stream are not lost; negative
     *                       values count as 0
     * @throws IllegalArgumentException if {@code maxLate} is out of range
     */
    public SampleBuilder(Depacketizer depacketizer, int capacity, int maxLate, int startupPackets) {
        int c = Integer.highestOneBit(Math.max(16, capacity - 1)) << 1;
        if (maxLate < 1 || maxLate >= c) {
            throw new IllegalArgumentException("maxLate " + maxLate + " for capacity " + c);
        }
        this.depacketizer = depacketizer;
        this.ring = new Slot[c];
        for (int i = 0; i < c; i++) {
            ring[i] = new Slot();
        }
        this.mask = c - 1;
        this.maxLate = maxLate;
        this.startupPackets = Math.max(0, startupPackets);
    }

    /**
     * A builder with 512 slots that waits up to 256 packets for a retransmission.
     *
     * @param depacketizer the codec's payload format, which finds frame boundaries and key frames
     */
    public SampleBuilder(Depacketizer depacketizer) {
        this(depacketizer, 512, 256);
    }

    /**
     * Parses and adds one RTP packet (its payload is copied).
     *
     * @param packet the array holding the RTP packet
     * @param off    start of the packet in {@code packet}
     * @param len    packet length in bytes
     * @throws RtpParseException if the bytes are not a well-formed RTP packet
     */
    public void push(byte[] packet, int off, int len) throws RtpParseException {
        push(new RtpPacket().wrap(packet, off, len));
    }

    /**
     * Adds one RTP packet (its payload is copied; the view may be reused afterwards). Duplicates
     * are ignored; packets too late to be used are counted in {@link #droppedPackets()}.
     *
     * @param p a wrapped RTP packet of this stream
     */
    public void push(RtpPacket p) {
        long seq = unwrapper.unwrap(p.sequenceNumber());
        if (head < 0) {
            head = seq;
        } else if (seq < head) {
            if (emittedAny || head - seq > maxLate || highest - seq > mask) {
                droppedPackets++;
                return; // too late: its frame was emitted or given up, or it would not fit the ring
            }
            head = seq; // reordering before the first frame: start earlier
        }
        while (seq - head > mask) { // would overwrite the oldest slot: give it up
            dropAt(head);
            head++;
            gap = true;
        }
        Slot s = ring[(int) (seq & mask)];
        if (s.seq == seq) {
            return; // duplicate
        }
        s.seq = seq;
        s.timestamp = p.timestamp();
        s.marker = p.marker();
        s.payload = p.payloadCopy();
        receivedPackets++;
        highest = Math.max(highest, seq);
    }

    private Slot at(long seq) {
        Slot s = ring[(int) (seq & mask)];
        return s.seq == seq ? s : null;
    }

    private void dropAt(long seq) {
        Slot s = at(seq);
        if (s != null) {
            s.seq = -1;
            s.payload = null;
            droppedPackets++;
        }
    }

    /**
     * Stops waiting for missing packets up to and including {@code sequenceNumber} (16-bit; taken
     * as the nearest to the newest packet): loss repair gave them up, and the frames after them
     * are emitted as soon as they are complete, the first flagged {@link Frame#afterGap()}.
     * Does nothing before the first packet has been pushed.
     *
     * @param sequenceNumber the last RTP sequence number to stop waiting for, 0-65535
     */
    public void giveUpThrough(int sequenceNumber) {
        if (highest < 0) {
            return;
        }
        long u = highest + (short) ((sequenceNumber - highest) & 0xFFFF);
        abandonedThrough = Math.max(abandonedThrough, u);
    }

    private boolean waitedOut(long missing) {
        return highest - missing > maxLate || missing <= abandonedThrough;
    }

    /** @return the next complete frame in order, or null if none is ready */
    public Frame poll() {
        if (!emittedAny && receivedPackets < startupPackets) {
            return null;
        }
        while (head >= 0 && head <= highest) {
            Slot first = at(head);
            if (first == null) {
                if (waitedOut(head)) {
                    head++;
                    gap = true;
                    continue;
                }
                return null;
            }
            if (first.payload.length == 0) { // padding-only packet (bandwidth probing): not media, not a loss
                first.seq = -1;
                first.payload = null;
                head++;
                continue;
            }
            boolean start = depacketizer.isFrameStart(first.payload, 0, first.payload.length);
            if (!start && !emittedAny && highest - head <= maxLate) {
                return null; // the stream's first packets may still arrive out of order
            }
            if (first.timestamp == lastFrameTimestamp || !start) {
                // the rest of a frame whose start was lost or already given up
                dropAt(head);
                head++;
                gap = true;
                continue;
            }
            long end = -1;
            boolean incomplete = false;
            long missingAt = -1;
            for (long j = head; j <= highest; j++) {
                Slot s = at(j);
                if (s == null) {
                    incomplete = true;
                    missingAt = j;
                    break;
                }
                if (s.payload.length == 0) {
                    continue;
                }
                if (s.timestamp != first.timestamp) {
                    end = j - 1;
                    break;
                }
                if (depacketizer.isFrameEnd(s.payload, 0, s.payload.length, s.marker)) {
                    end = j;
                    break;
                }
            }
            if (end < 0) {
                if (incomplete && (highest - head > maxLate || missingAt <= abandonedThrough)) {
                    lastFrameTimestamp = first.timestamp;
                    while (at(head) != null && at(head).timestamp == first.timestamp) {
                        dropAt(head);
                        head++;
                    }
                    gap = true;
                    continue;
                }
                return null;
            }
            Frame f = assemble(head, end, first.timestamp);
            head = end + 1;
            lastFrameTimestamp = first.timestamp;
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    private Frame assemble(long from, long to, long timestamp) {
        List<byte[]> payloads = new ArrayList<>((int) (to - from + 1));
        boolean key = false;
        for (long j = from; j <= to; j++) {
            Slot s = at(j);
            if (s.payload.length > 0) {
                payloads.add(s.payload);
                key |= depacketizer.isKeyFrame(s.payload, 0, s.payload.length);
            }
            s.seq = -1;
            s.payload = null;
        }
        emittedAny = true;
        try {
            byte[] data = depacketizer.depacketize(payloads);
            Frame f = new Frame(data, timestamp, key, gap, (int) (from & 0xFFFF), payloads.size());
            gap = false;
            return f;
        } catch (RtpParseException e) {
            droppedPackets += payloads.size();
            gap = true;
            return null;
        }
    }

    /** @return packets discarded so far (late, overwritten, or part of an unusable frame) */
    public long droppedPackets() {
        return droppedPackets;
    }
}
