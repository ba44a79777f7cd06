package org.rtc4j.sctp;

/** Big-endian field access used by every codec in the package. Callers check bounds first. */
final class Bytes {
    private Bytes() {
    }

    static int u8(byte[] b, int i) {
        return b[i] & 0xff;
    }

    static int u16(byte[] b, int i) {
        return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
    }

    static int i32(byte[] b, int i) {
        return (b[i] << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
    }

    static long u32(byte[] b, int i) {
        return i32(b, i) & 0xffffffffL;
    }

    static long i64(byte[] b, int i) {
        return ((long) i32(b, i) << 32) | (i32(b, i + 4) & 0xffffffffL);
    }

    static void put16(byte[] b, int i, int v) {
        b[i] = (byte) (v >>> 8);
        b[i + 1] = (byte) v;
    }

    static void put32(byte[] b, int i, int v) {
        b[i] = (byte) (v >>> 24);
        b[i + 1] = (byte) (v >>> 16);
        b[i + 2] = (byte) (v >>> 8);
        b[i + 3] = (byte) v;
    }

    static void put64(byte[] b, int i, long v) {
        put32(b, i, (int) (v >>> 32));
        put32(b, i + 4, (int) v);
    }

    static int pad4(int n) {
        return (n + 3) & ~3;
    }

    /** Serial-number comparison (RFC 1982) of 32-bit TSNs. */
    static boolean tsnLt(int a, int b) {
        return a - b < 0;
    }

    static boolean tsnLe(int a, int b) {
        return a - b <= 0;
    }

    /** Serial-number comparison of 16-bit stream sequence numbers. */
    static boolean ssnLe(int a, int b) {
        return (short) (a - b) <= 0;
    }
}
