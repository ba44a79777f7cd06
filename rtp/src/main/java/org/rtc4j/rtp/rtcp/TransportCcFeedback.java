package org.rtc4j.rtp.rtcp;

import java.util.Arrays;
import org.rtc4j.rtp.Bytes;
import org.rtc4j.rtp.RtpParseException;

/**
 * Transport-wide congestion control feedback (RTPFB FMT 15,
 * draft-holmer-rmcat-transport-wide-cc-extensions-01): per transport sequence number, whether
 * the packet arrived and its arrival time relative to the previous one in 250 µs ticks.
 *
 * <p>Statuses are {@link #NOT_RECEIVED}, {@link #SMALL_DELTA} (delta 0-255 ticks, one byte) or
 * {@link #LARGE_DELTA} (signed 16-bit ticks). The writer picks run-length chunks for runs that
 * reach the end of the list or fill 14+ entries and status-vector chunks (1-bit when possible,
 * else 2-bit) elsewhere; any chunk mix is accepted on parse.
 */
public final class TransportCcFeedback implements RtcpPacket {
    /** Feedback message type. */
    public static final int FMT = 15;
    /** Packet was not received. */
    public static final int NOT_RECEIVED = 0;
    /** Packet received, delta fits one unsigned byte. */
    public static final int SMALL_DELTA = 1;
    /** Packet received, delta needs a signed 16-bit value. */
    public static final int LARGE_DELTA = 2;
    /** Delta resolution in microseconds. */
    public static final int DELTA_MICROS = 250;
    /** Reference time resolution in microseconds. */
    public static final int REFERENCE_MICROS = 64_000;

    private final long senderSsrc;
    private final long mediaSsrc;
    private final int baseSequence;
    private final int referenceTime;
    private final int feedbackCount;
    private final int[] statuses;
    private final int[] deltas;

    /**
     * @param statuses one status per sequence number from {@code baseSequence}
     * @param deltas   one delta (250 µs ticks) per received status, in order
     * @param senderSsrc SSRC of the sender of this feedback packet
     * @param mediaSsrc SSRC of the media source the feedback is about
     * @param baseSequence transport-wide sequence number of the first packet reported
     * @param referenceTime reference time, in multiples of 64 ms
     * @param feedbackCount feedback packet count, incremented per packet sent (mod 256)
     */
    public TransportCcFeedback(long senderSsrc, long mediaSsrc, int baseSequence, int referenceTime,
            int feedbackCount, int[] statuses, int[] deltas) {
        if (statuses.length > 0xFFFF || referenceTime < 0 || referenceTime > 0xFFFFFF
                || feedbackCount < 0 || feedbackCount > 255) {
            throw new IllegalArgumentException("TWCC header fields");
        }
        int received = 0;
        for (int s : statuses) {
            if (s < 0 || s > 2) {
                throw new IllegalArgumentException("status " + s);
            }
            if (s != NOT_RECEIVED) {
                int d = deltas.length > received ? deltas[received] : 0;
                if (s == SMALL_DELTA ? (d < 0 || d > 255) : (d < Short.MIN_VALUE || d > Short.MAX_VALUE)) {
                    throw new IllegalArgumentException("delta " + d + " for status " + s);
                }
                received++;
            }
        }
        if (received != deltas.length) {
            throw new IllegalArgumentException("need one delta per received packet");
        }
        this.senderSsrc = senderSsrc;
        this.mediaSsrc = mediaSsrc;
        this.baseSequence = baseSequence & 0xFFFF;
        this.referenceTime = referenceTime;
        this.feedbackCount = feedbackCount;
        this.statuses = statuses.clone();
        this.deltas = deltas.clone();
    }

    /**
     * Builds feedback from arrival times.
     *
     * @param arrivalMicros per sequence number from {@code baseSequence}: arrival time in µs, or
     *                      a negative value for a lost packet
     * @param senderSsrc SSRC of the sender of this feedback packet
     * @param mediaSsrc SSRC of the media source the feedback is about
     * @param baseSequence transport-wide sequence number of the first packet reported
     * @param feedbackCount feedback packet count, incremented per packet sent (mod 256)
     * @return the feedback packet
     */
    public static TransportCcFeedback fromArrivals(long senderSsrc, long mediaSsrc, int baseSequence,
            int feedbackCount, long[] arrivalMicros) {
        long first = -1;
        int received = 0;
        for (long t : arrivalMicros) {
            if (t >= 0) {
                if (first < 0) {
                    first = t;
                }
                received++;
            }
        }
        long ref = first < 0 ? 0 : first / REFERENCE_MICROS;
        long prev = ref * REFERENCE_MICROS;
        int[] st = new int[arrivalMicros.length];
        int[] d = new int[received];
        int k = 0;
        for (int i = 0; i < arrivalMicros.length; i++) {
            if (arrivalMicros[i] < 0) {
                continue;
            }
            long ticks = Math.floorDiv(arrivalMicros[i] - prev, DELTA_MICROS);
            ticks = Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, ticks));
            st[i] = ticks >= 0 && ticks <= 255 ? SMALL_DELTA : LARGE_DELTA;
            d[k++] = (int) ticks;
            prev += ticks * DELTA_MICROS; // accumulate quantized deltas so errors do not drift
        }
        return new TransportCcFeedback(senderSsrc, mediaSsrc, baseSequence, (int) (ref & 0xFFFFFF),
                feedbackCount, st, d);
    }

    /** @return arrival time in µs per sequence number (reference-time based), -1 when lost */
    public long[] arrivalMicros() {
        long[] out = new long[statuses.length];
        long t = (long) referenceTime * REFERENCE_MICROS;
        int k = 0;
        for (int i = 0; i < statuses.length; i++) {
            if (statuses[i] == NOT_RECEIVED) {
                out[i] = -1;
            } else {
                t += (long) deltas[k++] * DELTA_MICROS;
                out[i] = t;
            }
        }
        return out;
    }

    /** @return SSRC of the packet sender */
    public long senderSsrc() {
        return senderSsrc;
    }

    /** @return SSRC of the media source */
    public long mediaSsrc() {
        return mediaSsrc;
    }

    /** @return first transport sequence number covered */
    public int baseSequence() {
        return baseSequence;
    }

    /** @return reference time in 64 ms units (24 bits) */
    public int referenceTime() {
        return referenceTime;
    }

    /** @return feedback packet count (8 bits) */
    public int feedbackCount() {
        return feedbackCount;
    }

    /** @return per-packet statuses (copy) */
    public int[] statuses() {
        return statuses.clone();
    }

    /** @return receive deltas in 250 µs ticks (copy) */
    public int[] deltas() {
        return deltas.clone();
    }

    @Override
    public int packetType() {
        return RTPFB;
    }

    private int chunkCount() {
        int n = 0;
        for (int i = 0; i < statuses.length; i += chunkSpan(i)) {
            n++;
        }
        return n;
    }

    /** @return how many statuses the chunk starting at {@code i} covers (negative: vector) */
    private int chunkSpan(int i) {
        int run = 1;
        while (i + run < statuses.length && statuses[i + run] == statuses[i] && run < 8191) {
            run++;
        }
        if (i + run == statuses.length || run >= 14) {
            return run;
        }
        return oneBitVector(i) ? 14 : 7;
    }

    private boolean oneBitVector(int i) {
        for (int k = i; k < Math.min(i + 14, statuses.length); k++) {
            if (statuses[k] == LARGE_DELTA) {
                return false;
            }
        }
        return true;
    }

    private boolean isRun(int i, int span) {
        if (span != 14 && span != 7) {
            return true;
        }
        for (int k = i; k < i + span; k++) {
            if (k >= statuses.length || statuses[k] != statuses[i]) {
                return false;
            }
        }
        return true;
    }

    private int unpadded() {
        int n = 20 + 2 * chunkCount();
        for (int s : statuses) {
            n += s == SMALL_DELTA ? 1 : s == LARGE_DELTA ? 2 : 0;
        }
        return n;
    }

    @Override
    public int length() {
        return RtcpHeader.pad4(unpadded());
    }

    @Override
    public int write(byte[] b, int o) {
        int raw = unpadded();
        int n = RtcpHeader.pad4(raw);
        RtcpHeader.write(b, o, n != raw, FMT, RTPFB, n);
        Bytes.put32(b, o + 4, senderSsrc);
        Bytes.put32(b, o + 8, mediaSsrc);
        Bytes.put16(b, o + 12, baseSequence);
        Bytes.put16(b, o + 14, statuses.length);
        Bytes.put24(b, o + 16, referenceTime);
        b[o + 19] = (byte) feedbackCount;
        int p = o + 20;
        for (int i = 0; i < statuses.length;) {
            int span = chunkSpan(i);
            int chunk;
            if (isRun(i, span)) {
                chunk = (statuses[i] << 13) | span;
            } else if (span == 14) {
                chunk = 0x8000;
                for (int k = 0; k < 14; k++) {
                    int s = i + k < statuses.length ? statuses[i + k] : 0;
                    chunk |= s << (13 - k);
                }
            } else {
                chunk = 0xC000;
                for (int k = 0; k < 7; k++) {
                    int s = i + k < statuses.length ? statuses[i + k] : 0;
                    chunk |= s << (12 - 2 * k);
                }
            }
            Bytes.put16(b, p, chunk);
            p += 2;
            i += span;
        }
        int k = 0;
        for (int s : statuses) {
            if (s == SMALL_DELTA) {
                b[p++] = (byte) deltas[k++];
            } else if (s == LARGE_DELTA) {
                Bytes.put16(b, p, deltas[k++]);
                p += 2;
            }
        }
        while (p < o + n - 1) {
            b[p++] = 0;
        }
        if (n != raw) {
            b[o + n - 1] = (byte) (n - raw);
        }
        return n;
    }

    static TransportCcFeedback parse(byte[] b, int o, int len) throws RtpParseException {
        if (len < 16) {
            throw new RtpParseException("TWCC truncated");
        }
        int end = o + len;
        int count = Bytes.u16(b, o + 10);
        int[] st = new int[count];
        int p = o + 16;
        int filled = 0;
        int received = 0;
        while (filled < count) {
            if (p + 2 > end) {
                throw new RtpParseException("TWCC chunks truncated");
            }
            int c = Bytes.u16(b, p);
            p += 2;
            if ((c & 0x8000) == 0) {
                int s = (c >>> 13) & 3;
                int run = c & 0x1FFF;
                if (s == 3) {
                    throw new RtpParseException("TWCC reserved status");
                }
                for (int k = 0; k < run && filled < count; k++) {
                    st[filled++] = s;
                    received += s != 0 ? 1 : 0;
                }
            } else if ((c & 0x4000) == 0) {
                for (int k = 0; k < 14 && filled < count; k++) {
                    int s = (c >>> (13 - k)) & 1;
                    st[filled++] = s;
                    received += s;
                }
            } else {
                for (int k = 0; k < 7 && filled < count; k++) {
                    int s = (c >>> (12 - 2 * k)) & 3;
                    if (s == 3) {
                        throw new RtpParseException("TWCC reserved status");
                    }
                    st[filled++] = s;
                    received += s != 0 ? 1 : 0;
                }
            }
        }
        int[] d = new int[received];
        int k = 0;
        for (int s : st) {
            if (s == SMALL_DELTA) {
                if (p + 1 > end) {
                    throw new RtpParseException("TWCC deltas truncated");
                }
                d[k++] = b[p++] & 0xFF;
            } else if (s == LARGE_DELTA) {
                if (p + 2 > end) {
                    throw new RtpParseException("TWCC deltas truncated");
                }
                d[k++] = (short) Bytes.u16(b, p);
                p += 2;
            }
        }
        return new TransportCcFeedback(Bytes.u32(b, o), Bytes.u32(b, o + 4), Bytes.u16(b, o + 8),
                Bytes.u24(b, o + 12), b[o + 15] & 0xFF, st, d);
    }

    @Override
    public boolean equals(Object x) {
        return x instanceof TransportCcFeedback t && t.senderSsrc == senderSsrc && t.mediaSsrc == mediaSsrc
                && t.baseSequence == baseSequence && t.referenceTime == referenceTime
                && t.feedbackCount == feedbackCount && Arrays.equals(t.statuses, statuses)
                && Arrays.equals(t.deltas, deltas);
    }

    @Override
    public int hashCode() {
        return baseSequence * 31 + Arrays.hashCode(statuses);
    }

    @Override
    public String toString() {
        return "TransportCcFeedback[base=" + baseSequence + ", count=" + statuses.length + ", ref="
                + referenceTime + ", fb=" + feedbackCount + "]";
    }
}
