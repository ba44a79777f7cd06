package org.rtc4j.rtp.ext;

import org.rtc4j.rtp.Bytes;
import org.rtc4j.rtp.RtpParseException;

/** transport-wide-cc: a 16-bit sequence number shared by every stream of the transport. */
public final class TransportSequenceNumber {
    /** Encoded size in bytes. */
    public static final int SIZE = 2;

    private TransportSequenceNumber() {
    }

    /** Writes the low 16 bits of {@code seq}. */
    public static void write(int seq, byte[] dst, int off) {
        Bytes.put16(dst, off, seq);
    }

    /** @return the sequence number */
    public static int read(byte[] b, int off, int len) throws RtpParseException {
        if (len < SIZE) {
            throw new RtpParseException("transport-wide-cc length " + len);
        }
        return Bytes.u16(b, off);
    }
}
