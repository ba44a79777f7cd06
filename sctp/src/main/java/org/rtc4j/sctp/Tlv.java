package org.rtc4j.sctp;

/**
 * Walks type-length-value items (parameters and error causes share one layout: 16-bit type,
 * 16-bit length including the 4-byte header, value padded to 4 bytes).
 */
final class Tlv {
    private final byte[] buf;
    private int pos;
    private final int end;
    int type;
    int valueOff;
    int valueLen;

    Tlv(byte[] buf, int off, int len) {
        this.buf = buf;
        this.pos = off;
        this.end = off + len;
    }

    boolean next() throws SctpParseException {
        if (pos >= end) {
            return false;
        }
        if (end - pos < 4) {
            throw new SctpParseException("truncated parameter header");
        }
        int length = Bytes.u16(buf, pos + 2);
        if (length < 4 || length > end - pos) {
            throw new SctpParseException("bad parameter length " + length);
        }
        type = Bytes.u16(buf, pos);
        valueOff = pos + 4;
        valueLen = length - 4;
        pos = Math.min(end, pos + Bytes.pad4(length));
        return true;
    }
}
