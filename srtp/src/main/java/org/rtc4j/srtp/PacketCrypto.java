package org.rtc4j.srtp;

/**
 * The cipher and authentication of one key set (SRTP or SRTCP session keys of one direction).
 * Works in place on {@code b[off, off+len)}; the caller has checked lengths and tailroom. Not
 * thread-safe: each instance carries reused JCA objects and scratch space.
 */
abstract class PacketCrypto {
    /** Scratch output for providers that copy when input and output overlap. */
    private byte[] scratch = new byte[2048];

    /**
     * Protects an RTP packet whose header is {@code hdr} bytes; returns the new length.
     * {@code cryptexCsrcs} is -1 normally, or the CSRC count when the CSRCs and header extension
     * are encrypted too (RFC 9335).
     */
    abstract int protectRtp(byte[] b, int off, int len, int hdr, int ssrc, long index, int cryptexCsrcs);

    /**
     * Authenticates and decrypts an SRTP packet of {@code len} bytes (tag included). On failure
     * the bytes are untouched.
     */
    abstract boolean unprotectRtp(byte[] b, int off, int len, int hdr, int ssrc, long index, int cryptexCsrcs);

    /** Protects an RTCP packet with SRTCP index {@code index} (E flag set); returns the new length. */
    abstract int protectRtcp(byte[] b, int off, int len, int ssrc, int index);

    /**
     * Authenticates and, if the E flag says so, decrypts an SRTCP packet of {@code len} bytes.
     * {@code eIndex} is the E flag and index word already read from the packet.
     */
    abstract boolean unprotectRtcp(byte[] b, int off, int len, int ssrc, int eIndex);

    /** Where the E flag and SRTCP index word starts, relative to the packet start. */
    abstract int srtcpIndexPosition(int len);

    /**
     * RFC 9335 section 5.3: the 4-byte extension header moves in front of the CSRCs, so the
     * encrypted part (CSRCs, extension data, payload) starts at byte 16 and is contiguous.
     */
    static void cryptexIn(byte[] b, int off, int csrcs) {
        if (csrcs > 0) {
            int extensionHeader = getInt(b, off + 12 + 4 * csrcs);
            System.arraycopy(b, off + 12, b, off + 16, 4 * csrcs);
            putInt(b, off + 12, extensionHeader);
        }
    }

    /** Undoes {@link #cryptexIn}. */
    static void cryptexOut(byte[] b, int off, int csrcs) {
        if (csrcs > 0) {
            int extensionHeader = getInt(b, off + 12);
            System.arraycopy(b, off + 16, b, off + 12, 4 * csrcs);
            putInt(b, off + 12 + 4 * csrcs, extensionHeader);
        }
    }

    final byte[] scratch(int length) {
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        return scratch;
    }

    static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    static int getInt(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }
}
