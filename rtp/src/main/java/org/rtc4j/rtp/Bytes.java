package org.rtc4j.rtp;

/** Big- and little-endian helpers shared by the parsers; bounds are checked by the callers. */
public final class Bytes {
    private Bytes() {
    }

    /**
     * Reads one unsigned byte.
     *
     * @param b the buffer
     * @param i index of the byte
     * @return unsigned 8-bit value at {@code i}, 0-255
     */
    public static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    /**
     * Reads an unsigned big-endian (network order) 16-bit value.
     *
     * @param b the buffer
     * @param i index of the first (most significant) byte
     * @return unsigned big-endian 16-bit value at {@code i}, 0-65535
     */
    public static int u16(byte[] b, int i) {
        return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }

    /**
     * Reads an unsigned big-endian 24-bit value.
     *
     * @param b the buffer
     * @param i index of the first (most significant) byte
     * @return unsigned big-endian 24-bit value at {@code i}, 0-16777215
     */
    public static int u24(byte[] b, int i) {
        return ((b[i] & 0xFF) << 16) | ((b[i + 1] & 0xFF) << 8) | (b[i + 2] & 0xFF);
    }

    /**
     * Reads an unsigned big-endian 32-bit value.
     *
     * @param b the buffer
     * @param i index of the first (most significant) byte
     * @return unsigned big-endian 32-bit value at {@code i}, 0 to 2<sup>32</sup>-1
     */
    public static long u32(byte[] b, int i) {
        return ((long) (b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8)
                | (b[i + 3] & 0xFF);
    }

    /**
     * Reads a big-endian 64-bit value.
     *
     * @param b the buffer
     * @param i index of the first (most significant) byte
     * @return big-endian 64-bit value at {@code i}; values above {@link Long#MAX_VALUE} come back
     *         negative (two's complement)
     */
    public static long u64(byte[] b, int i) {
        return (u32(b, i) << 32) | u32(b, i + 4);
    }

    /**
     * Writes the low 16 bits of {@code v} big-endian.
     *
     * @param b the destination buffer
     * @param i index of the first byte to write
     * @param v the value; higher bits are ignored
     */
    public static void put16(byte[] b, int i, int v) {
        b[i] = (byte) (v >>> 8);
        b[i + 1] = (byte) v;
    }

    /**
     * Writes the low 24 bits of {@code v} big-endian.
     *
     * @param b the destination buffer
     * @param i index of the first byte to write
     * @param v the value; higher bits are ignored
     */
    public static void put24(byte[] b, int i, int v) {
        b[i] = (byte) (v >>> 16);
        b[i + 1] = (byte) (v >>> 8);
        b[i + 2] = (byte) v;
    }

    /**
     * Writes the low 32 bits of {@code v} big-endian.
     *
     * @param b the destination buffer
     * @param i index of the first byte to write
     * @param v the value; higher bits are ignored
     */
    public static void put32(byte[] b, int i, long v) {
        b[i] = (byte) (v >>> 24);
        b[i + 1] = (byte) (v >>> 16);
        b[i + 2] = (byte) (v >>> 8);
        b[i + 3] = (byte) v;
    }

    /**
     * Writes {@code v} big-endian.
     *
     * @param b the destination buffer
     * @param i index of the first of the 8 bytes to write
     * @param v the value
     */
    public static void put64(byte[] b, int i, long v) {
        put32(b, i, v >>> 32);
        put32(b, i + 4, v);
    }

    /**
     * Reads an unsigned little-endian 16-bit value.
     *
     * @param b the buffer
     * @param i index of the first (least significant) byte
     * @return unsigned little-endian 16-bit value at {@code i}, 0-65535
     */
    public static int le16(byte[] b, int i) {
        return (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8);
    }

    /**
     * Reads an unsigned little-endian 32-bit value.
     *
     * @param b the buffer
     * @param i index of the first (least significant) byte
     * @return unsigned little-endian 32-bit value at {@code i}, 0 to 2<sup>32</sup>-1
     */
    public static long le32(byte[] b, int i) {
        return (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8) | ((b[i + 2] & 0xFF) << 16)
                | ((long) (b[i + 3] & 0xFF) << 24);
    }

    /**
     * Reads a little-endian 64-bit value.
     *
     * @param b the buffer
     * @param i index of the first (least significant) byte
     * @return little-endian 64-bit value at {@code i}; values above {@link Long#MAX_VALUE} come
     *         back negative (two's complement)
     */
    public static long le64(byte[] b, int i) {
        return le32(b, i) | (le32(b, i + 4) << 32);
    }

    /**
     * Writes the low 16 bits of {@code v} little-endian.
     *
     * @param b the destination buffer
     * @param i index of the first byte to write
     * @param v the value; higher bits are ignored
     */
    public static void putLe16(byte[] b, int i, int v) {
        b[i] = (byte) v;
        b[i + 1] = (byte) (v >>> 8);
    }

    /**
     * Writes the low 32 bits of {@code v} little-endian.
     *
     * @param b the destination buffer
     * @param i index of the first byte to write
     * @param v the value; higher bits are ignored
     */
    public static void putLe32(byte[] b, int i, long v) {
        b[i] = (byte) v;
        b[i + 1] = (byte) (v >>> 8);
        b[i + 2] = (byte) (v >>> 16);
        b[i + 3] = (byte) (v >>> 24);
    }

    /**
     * Writes {@code v} little-endian.
     *
     * @param b the destination buffer
     * @param i index of the first of the 8 bytes to write
     * @param v the value
     */
    public static void putLe64(byte[] b, int i, long v) {
        putLe32(b, i, v);
        putLe32(b, i + 4, v >>> 32);
    }

    /**
     * Throws unless {@code [off, off+len)} lies inside {@code b}.
     *
     * @param b   the buffer; {@code null} always fails
     * @param off start of the range
     * @param len length of the range in bytes
     * @throws RtpParseException if {@code b} is null, {@code off} or {@code len} is negative, or
     *                           the range runs past the end of {@code b}
     */
    public static void checkRange(byte[] b, int off, int len) {
        if (b == null || off < 0 || len < 0 || off > b.length - len) {
            throw new RtpParseException("range " + off + "+" + len + " outside buffer");
        }
    }
}
