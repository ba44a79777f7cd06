package org.rtc4j.rtp.codec;

import java.util.Arrays;

/** A growable byte array for assembling frames, with a hard size cap so bad input cannot OOM. */
final class FrameBuffer {
    /** Largest frame any depacketizer builds (a 4K key frame is far below this). */
    static final int MAX_FRAME = 16 << 20;
    private byte[] buf = new byte[256];
    private int size;

    void write(int b) {
        ensure(1);
        buf[size++] = (byte) b;
    }

    void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    void writeLeb128(long v) {
        do {
            int byteVal = (int) (v & 0x7F);
            v >>>= 7;
            write(v != 0 ? byteVal | 0x80 : byteVal);
        } while (v != 0);
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int n) {
        if (n > MAX_FRAME - size) {
            throw new org.rtc4j.rtp.RtpParseException("frame larger than " + MAX_FRAME + " bytes");
        }
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(size + n, Math.min(MAX_FRAME, buf.length * 2)));
        }
    }
}
