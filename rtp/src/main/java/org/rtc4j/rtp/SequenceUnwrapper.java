package org.rtc4j.rtp;

/**
 * Extends wrapping 16-bit sequence numbers or 32-bit timestamps to a monotonic 64-bit space.
 * Values within half the range of the last one are taken as the closest interpretation, so
 * reordering and wrap-around both unwrap correctly.
 */
public final class SequenceUnwrapper {
    private final int bits;
    private final long range;
    private final long mask;
    private long last = Long.MIN_VALUE;

    /**
     * @param bits width of the wrapping counter, 1-32: 16 for sequence numbers, 32 for timestamps
     * @throws IllegalArgumentException if {@code bits} is outside 1-32
     */
    public SequenceUnwrapper(int bits) {
        if (bits < 1 || bits > 32) {
            throw new IllegalArgumentException("bits " + bits);
        }
        this.bits = bits;
        this.range = 1L << bits;
        this.mask = range - 1;
    }

    /** @return an unwrapper for RTP sequence numbers */
    public static SequenceUnwrapper forSequenceNumbers() {
        return new SequenceUnwrapper(16);
    }

    /** @return an unwrapper for RTP timestamps */
    public static SequenceUnwrapper forTimestamps() {
        return new SequenceUnwrapper(32);
    }

    /**
     * Unwraps a value and advances the reference if the result is newer than the last one, so an
     * old reordered value does not move the reference back.
     *
     * @param value the wrapped value; only the low {@link #bits()} bits are used
     * @return the unwrapped value of {@code value}, which becomes the new reference if it is the
     *         highest seen; the first value maps to {@code value + 2^bits}
     */
    public long unwrap(long value) {
        long u = peek(value);
        if (last == Long.MIN_VALUE || u > last) {
            last = u;
        }
        return u;
    }

    /**
     * @param value the wrapped value; only the low {@link #bits()} bits are used
     * @return the unwrapped value of {@code value} without updating the reference
     */
    public long peek(long value) {
        value &= mask;
        if (last == Long.MIN_VALUE) {
            return value + range; // start one cycle up so early reordering stays non-negative
        }
        long delta = (value - (last & mask)) & mask;
        if (delta >= range / 2) {
            delta -= range;
        }
        return last + delta;
    }

    /** @return the bit width of the wrapping counter, 1-32 */
    public int bits() {
        return bits;
    }
}
