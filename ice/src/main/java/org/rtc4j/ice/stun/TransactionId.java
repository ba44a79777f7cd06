package org.rtc4j.ice.stun;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

/**
 * The 96-bit STUN transaction ID, usable as a map key.
 */
public final class TransactionId {
    /** Length in bytes. */
    public static final int LENGTH = 12;
    private final byte[] bytes;
    private final int hash;

    private TransactionId(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /**
     * @param src buffer
     * @param off offset of the 12 bytes
     * @return a transaction ID holding a copy of them
     */
    public static TransactionId of(byte[] src, int off) {
        return new TransactionId(Arrays.copyOfRange(src, off, off + LENGTH));
    }

    /**
     * @param random source of randomness (a SecureRandom in production)
     * @return a fresh random transaction ID
     */
    public static TransactionId random(Random random) {
        byte[] b = new byte[LENGTH];
        random.nextBytes(b);
        return new TransactionId(b);
    }

    /**
     * @return a copy of the 12 bytes
     */
    public byte[] toBytes() {
        return bytes.clone();
    }

    void copyTo(byte[] dst, int off) {
        System.arraycopy(bytes, 0, dst, off, LENGTH);
    }

    /**
     * Compares without allocating.
     *
     * @param src buffer
     * @param off offset of a transaction ID in it
     * @return true if equal
     */
    public boolean matches(byte[] src, int off) {
        for (int i = 0; i < LENGTH; i++) {
            if (bytes[i] != src[off + i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransactionId && Arrays.equals(bytes, ((TransactionId) o).bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
