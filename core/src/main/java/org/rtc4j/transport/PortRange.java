package org.rtc4j.transport;

/**
 * The UDP ports a connection may bind, for firewalls that open a fixed range. {@link #ANY}
 * lets the kernel choose.
 */
public final class PortRange {

    /** Any ephemeral port the kernel gives. */
    public static final PortRange ANY = new PortRange(0, 0);

    private final int min;
    private final int max;

    private PortRange(int min, int max) {
        this.min = min;
        this.max = max;
    }

    /**
     * Ports {@code min} to {@code max}, both included.
     *
     * @param min the lowest port, 1-65535
     * @param max the highest port, {@code min}-65535
     * @return the range
     * @throws IllegalArgumentException if the range is empty or outside 1-65535
     */
    public static PortRange of(int min, int max) {
        if (min < 1 || max > 65535 || min > max) {
            throw new IllegalArgumentException("bad port range " + min + "-" + max);
        }
        return new PortRange(min, max);
    }

    /**
     * Whether the kernel chooses.
     *
     * @return true for {@link #ANY}
     */
    public boolean isAny() {
        return min == 0;
    }

    /**
     * Lowest port.
     *
     * @return the lowest port, or 0 for {@link #ANY}
     */
    public int min() {
        return min;
    }

    /**
     * Highest port.
     *
     * @return the highest port, or 0 for {@link #ANY}
     */
    public int max() {
        return max;
    }

    @Override
    public String toString() {
        return isAny() ? "any" : min + "-" + max;
    }
}
