package org.rtc4j.srtp;

import java.util.Arrays;

/**
 * Sliding replay window over packet indices (RFC 3711 section 3.3.2), kept as a ring of bits so
 * advancing by one packet clears one bit instead of shifting the whole window.
 */
final class ReplayWindow {
    static final int NEW = 0;
    static final int DUPLICATE = 1;
    static final int TOO_OLD = 2;

    private final long[] bits;
    private final int size;
    private long highest = -1;

    ReplayWindow(int packets) {
        int n = Integer.highestOneBit(Math.max(64, packets) - 1) << 1;
        this.size = n;
        this.bits = new long[n >>> 6];
    }

    /** Highest index accepted so far, -1 before the first. */
    long highest() {
        return highest;
    }

    int size() {
        return size;
    }

    /** Judges {@code index} without changing the window. */
    int check(long index) {
        if (index > highest) {
            return NEW;
        }
        if (highest - index >= size) {
            return TOO_OLD;
        }
        int bit = (int) (index & (size - 1));
        return (bits[bit >>> 6] & (1L << bit)) != 0 ? DUPLICATE : NEW;
    }

    /** Records {@code index} as received; call only after the packet authenticated. */
    void accept(long index) {
        if (index > highest) {
            long advance = highest < 0 ? size : index - highest;
            if (advance >= size) {
                Arrays.fill(bits, 0L);
            } else {
                for (long i = highest + 1; i < index; i++) {
                    int bit = (int) (i & (size - 1));
                    bits[bit >>> 6] &= ~(1L << bit);
                }
            }
            highest = index;
        }
        int bit = (int) (index & (size - 1));
        bits[bit >>> 6] |= 1L << bit;
    }
}
