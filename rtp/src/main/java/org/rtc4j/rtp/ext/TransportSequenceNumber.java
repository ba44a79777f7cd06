package org.rtc4j.rtp.ext;

import org.rtc4j.rtp.Bytes;
import org.rtc4j.rtp.RtpParseException;

/** transport-wide-cc: a 16-bit sequence number shared by every stream of the transport. */
public final class TransportSequenceNumber {
    /** Encoded size in bytes. */
    public static final int SIZE = 2;

    private TransportSequenceNumber() {
    }

    /**
     * Writes the low 16 bits of {@code seq}.
     *
     * @param seq the transport-wide sequence number
     * @param dst the destination buffer
     * @param off where the {@value #SIZE} bytes start in {@code dst}
     */
    public static void write(int seq, byte[] dst, int off) {
        Bytes.put16(dst, off, seq);
    }

    /**
     * @param b   the array holding the extension element's data
     * @param off start of the data in {@code b}
     * @param len data length in bytes; bytes after the first {@value #SIZE} are ignored
     * @return the sequence number, 0-65535
     * @throws RtpParseException if {@code len} is less than {@value #SIZE}
     */
    public static int read(byte[] b, int off, int len) throws RtpParseException {
        if (len < SIZE) {
            throw new RtpParseException("transport-wide-cc length " + len);
        }
        return Bytes.u16(b, off);
    }
}
