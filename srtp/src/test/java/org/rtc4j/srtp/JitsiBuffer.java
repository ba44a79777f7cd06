package org.rtc4j.srtp;

import java.util.Arrays;
import org.jitsi.utils.ByteArrayBuffer;

/** The minimal {@link ByteArrayBuffer} jitsi-srtp works on. */
final class JitsiBuffer implements ByteArrayBuffer {
    private byte[] buffer;
    private int offset;
    private int length;

    JitsiBuffer(byte[] packet, int headroom, int tailroom) {
        buffer = new byte[headroom + packet.length + tailroom];
        System.arraycopy(packet, 0, buffer, headroom, packet.length);
        offset = headroom;
        length = packet.length;
    }

    byte[] bytes() {
        return Arrays.copyOfRange(buffer, offset, offset + length);
    }

    @Override
    public byte[] getBuffer() {
        return buffer;
    }

    @Override
    public int getOffset() {
        return offset;
    }

    @Override
    public int getLength() {
        return length;
    }

    @Override
    public void setLength(int len) {
        length = len;
    }

    @Override
    public void setOffset(int off) {
        offset = off;
    }

    @Override
    public boolean isInvalid() {
        return false;
    }

    @Override
    public void readRegionToBuff(int off, int len, byte[] outBuf) {
        System.arraycopy(buffer, offset + off, outBuf, 0, len);
    }

    @Override
    public void grow(int howMuch) {
        if (buffer.length - offset - length < howMuch) {
            buffer = Arrays.copyOf(buffer, offset + length + howMuch);
        }
    }

    @Override
    public void append(byte[] data, int len) {
        grow(len);
        System.arraycopy(data, 0, buffer, offset + length, len);
        length += len;
    }

    @Override
    public void shrink(int len) {
        length = Math.max(0, length - len);
    }
}
