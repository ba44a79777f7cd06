package org.rtc4j.rtp;

/**
 * A reusable, mutable RTP header that serializes into a caller's buffer without allocating.
 *
 * <p>Extension element data is referenced, not copied: keep the source arrays alive until
 * {@link #write} returns. {@link #clear()} resets everything for the next packet.
 */
public final class RtpHeader {
    /** Creates a cleared header (every field zero, no CSRCs, no extensions); set fields, then {@link #write}. */
    public RtpHeader() {
    }

    private boolean marker;
    private int payloadType;
    private int sequenceNumber;
    private long timestamp;
    private long ssrc;
    private final long[] csrcs = new long[15];
    private int csrcCount;
    private ExtensionForm form = ExtensionForm.AUTO;
    private final int[] extIds = new int[RtpPacket.MAX_EXTENSIONS];
    private final byte[][] extData = new byte[RtpPacket.MAX_EXTENSIONS][];
    private final int[] extOff = new int[RtpPacket.MAX_EXTENSIONS];
    private final int[] extLen = new int[RtpPacket.MAX_EXTENSIONS];
    private int extCount;

    /**
     * Resets every field to zero, drops CSRCs and extensions and returns the extension form to
     * {@link ExtensionForm#AUTO}.
     *
     * @return this header
     */
    public RtpHeader clear() {
        marker = false;
        payloadType = 0;
        sequenceNumber = 0;
        timestamp = 0;
        ssrc = 0;
        csrcCount = 0;
        form = ExtensionForm.AUTO;
        for (int i = 0; i < extCount; i++) {
            extData[i] = null;
        }
        extCount = 0;
        return this;
    }

    /**
     * Copies the header of {@code p}; extension data keeps pointing into {@code p}'s buffer.
     * The two-byte extension form is kept if {@code p} used it; otherwise the form is
     * {@link ExtensionForm#AUTO}.
     *
     * @param p the packet whose marker, payload type, sequence number, timestamp, SSRC, CSRCs and
     *          header extensions are copied
     * @return this header
     */
    public RtpHeader copyFrom(RtpPacket p) {
        clear();
        marker = p.marker();
        payloadType = p.payloadType();
        sequenceNumber = p.sequenceNumber();
        timestamp = p.timestamp();
        ssrc = p.ssrc();
        for (int i = 0; i < p.csrcCount(); i++) {
            addCsrc(p.csrc(i));
        }
        if ((p.extensionProfile() & 0xFFF0) == RtpPacket.PROFILE_TWO_BYTE) {
            form = ExtensionForm.TWO_BYTE;
        }
        for (int i = 0; i < p.extensionCount(); i++) {
            addExtension(p.extensionIdAt(i), p.buffer(), p.extensionOffsetAt(i), p.extensionLengthAt(i));
        }
        return this;
    }

    /**
     * Sets the marker bit.
     *
     * @param m the marker bit (e.g. last packet of a video frame)
     * @return this header
     */
    public RtpHeader marker(boolean m) {
        this.marker = m;
        return this;
    }

    /**
     * Sets the payload type (0-127).
     *
     * @param pt the 7-bit payload type
     * @return this header
     * @throws IllegalArgumentException if {@code pt} is outside 0-127
     */
    public RtpHeader payloadType(int pt) {
        if (pt < 0 || pt > 127) {
            throw new IllegalArgumentException("payload type " + pt);
        }
        this.payloadType = pt;
        return this;
    }

    /**
     * Sets the sequence number (low 16 bits used).
     *
     * @param seq the sequence number; higher bits are dropped
     * @return this header
     */
    public RtpHeader sequenceNumber(int seq) {
        this.sequenceNumber = seq & 0xFFFF;
        return this;
    }

    /**
     * Sets the timestamp (low 32 bits used).
     *
     * @param ts the RTP timestamp in clock-rate units; higher bits are dropped
     * @return this header
     */
    public RtpHeader timestamp(long ts) {
        this.timestamp = ts & 0xFFFFFFFFL;
        return this;
    }

    /**
     * Sets the SSRC (low 32 bits used).
     *
     * @param s the synchronization source identifier; higher bits are dropped
     * @return this header
     */
    public RtpHeader ssrc(long s) {
        this.ssrc = s & 0xFFFFFFFFL;
        return this;
    }

    /**
     * Appends a contributing source (at most 15).
     *
     * @param csrc the contributing source identifier (low 32 bits used)
     * @return this header
     * @throws IllegalStateException if 15 CSRCs are already present
     */
    public RtpHeader addCsrc(long csrc) {
        if (csrcCount == 15) {
            throw new IllegalStateException("at most 15 CSRCs");
        }
        csrcs[csrcCount++] = csrc & 0xFFFFFFFFL;
        return this;
    }

    /**
     * Chooses the extension encoding.
     *
     * @param f the extension form; {@link ExtensionForm#ONE_BYTE} makes {@link #length()} and
     *          {@link #write} fail with {@link IllegalStateException} if an element does not fit
     * @return this header
     */
    public RtpHeader extensionForm(ExtensionForm f) {
        this.form = f;
        return this;
    }

    /**
     * Adds an extension element; {@code data[off, off+len)} is read at {@link #write} time.
     *
     * @param id   the extension id negotiated via {@code a=extmap}, 1-255 (1-14 for the one-byte
     *             form)
     * @param data the array holding the element's value; referenced, not copied
     * @param off  start of the value in {@code data}
     * @param len  value length in bytes, 0-255 (1-16 for the one-byte form)
     * @return this header
     * @throws IllegalArgumentException if {@code id} or {@code len} is out of range
     * @throws IllegalStateException    if {@link RtpPacket#MAX_EXTENSIONS} elements are already
     *                                  present
     */
    public RtpHeader addExtension(int id, byte[] data, int off, int len) {
        if (id < 1 || id > 255 || len < 0 || len > 255) {
            throw new IllegalArgumentException("extension id " + id + " length " + len);
        }
        if (extCount == RtpPacket.MAX_EXTENSIONS) {
            throw new IllegalStateException("too many extensions");
        }
        extIds[extCount] = id;
        extData[extCount] = data;
        extOff[extCount] = off;
        extLen[extCount] = len;
        extCount++;
        return this;
    }

    /**
     * Adds an extension element holding all of {@code data}.
     *
     * @param id   the extension id, 1-255
     * @param data the element's value, 0-255 bytes; referenced, not copied
     * @return this header
     * @throws IllegalArgumentException if {@code id} or the length is out of range
     * @throws IllegalStateException    if {@link RtpPacket#MAX_EXTENSIONS} elements are already
     *                                  present
     */
    public RtpHeader addExtension(int id, byte[] data) {
        return addExtension(id, data, 0, data.length);
    }

    /** @return the marker bit */
    public boolean marker() {
        return marker;
    }

    /** @return the payload type, 0-127 */
    public int payloadType() {
        return payloadType;
    }

    /** @return the sequence number, 0-65535 */
    public int sequenceNumber() {
        return sequenceNumber;
    }

    /** @return the RTP timestamp, in clock-rate units (unsigned 32-bit) */
    public long timestamp() {
        return timestamp;
    }

    /** @return the SSRC (unsigned 32-bit) */
    public long ssrc() {
        return ssrc;
    }

    private boolean useOneByte() {
        if (form == ExtensionForm.TWO_BYTE) {
            return false;
        }
        for (int i = 0; i < extCount; i++) {
            boolean fits = extIds[i] <= 14 && extLen[i] >= 1 && extLen[i] <= 16;
            if (!fits) {
                if (form == ExtensionForm.ONE_BYTE) {
                    throw new IllegalStateException("extension " + extIds[i] + " does not fit the one-byte form");
                }
                return false;
            }
        }
        return true;
    }

    private int extensionBytes(boolean oneByte) {
        int n = 0;
        for (int i = 0; i < extCount; i++) {
            n += (oneByte ? 1 : 2) + extLen[i];
        }
        return (n + 3) & ~3;
    }

    /**
     * @return serialized header length in bytes: 12, plus 4 per CSRC, plus the extension block
     *         (4-byte header and elements padded to a multiple of 4) if any
     * @throws IllegalStateException if the form is {@link ExtensionForm#ONE_BYTE} and an element
     *                               does not fit it
     */
    public int length() {
        int n = RtpPacket.FIXED_HEADER + 4 * csrcCount;
        if (extCount > 0) {
            n += 4 + extensionBytes(useOneByte());
        }
        return n;
    }

    /**
     * Writes the header at {@code dst[off]}, with the padding bit clear.
     *
     * @param dst the destination buffer
     * @param off where the header starts in {@code dst}
     * @return bytes written, equal to {@link #length()}
     * @throws IllegalArgumentException if the header does not fit in {@code dst} at {@code off}
     * @throws IllegalStateException    if the form is {@link ExtensionForm#ONE_BYTE} and an
     *                                  element does not fit it
     */
    public int write(byte[] dst, int off) {
        return write(dst, off, false);
    }

    private int write(byte[] dst, int off, boolean padding) {
        boolean oneByte = extCount > 0 && useOneByte();
        int extBytes = extCount > 0 ? extensionBytes(oneByte) : 0;
        int total = RtpPacket.FIXED_HEADER + 4 * csrcCount + (extCount > 0 ? 4 + extBytes : 0);
        if (off < 0 || off > dst.length - total) {
            throw new IllegalArgumentException("buffer too small for RTP header");
        }
        dst[off] = (byte) (0x80 | (padding ? 0x20 : 0) | (extCount > 0 ? 0x10 : 0) | csrcCount);
        dst[off + 1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        Bytes.put16(dst, off + 2, sequenceNumber);
        Bytes.put32(dst, off + 4, timestamp);
        Bytes.put32(dst, off + 8, ssrc);
        int i = off + RtpPacket.FIXED_HEADER;
        for (int c = 0; c < csrcCount; c++, i += 4) {
            Bytes.put32(dst, i, csrcs[c]);
        }
        if (extCount > 0) {
            Bytes.put16(dst, i, oneByte ? RtpPacket.PROFILE_ONE_BYTE : RtpPacket.PROFILE_TWO_BYTE);
            Bytes.put16(dst, i + 2, extBytes / 4);
            int p = i + 4;
            int end = p + extBytes;
            for (int e = 0; e < extCount; e++) {
                if (oneByte) {
                    dst[p++] = (byte) ((extIds[e] << 4) | (extLen[e] - 1));
                } else {
                    dst[p++] = (byte) extIds[e];
                    dst[p++] = (byte) extLen[e];
                }
                System.arraycopy(extData[e], extOff[e], dst, p, extLen[e]);
                p += extLen[e];
            }
            while (p < end) {
                dst[p++] = 0;
            }
        }
        return total;
    }

    /**
     * Writes a whole packet: this header, the payload and {@code padding} bytes of RTP padding.
     *
     * @param dst        the destination buffer
     * @param off        where the packet starts in {@code dst}
     * @param payload    the array holding the payload
     * @param payloadOff start of the payload in {@code payload}
     * @param payloadLen payload length in bytes
     * @param padding    0 for none, else 1-255 padding bytes (the last holds the count)
     * @return packet length in bytes (header, payload and padding)
     * @throws IllegalArgumentException if {@code padding} is outside 0-255 or the packet does not
     *                                  fit in {@code dst} at {@code off}
     * @throws IllegalStateException    if the form is {@link ExtensionForm#ONE_BYTE} and an
     *                                  element does not fit it
     */
    public int write(byte[] dst, int off, byte[] payload, int payloadOff, int payloadLen, int padding) {
        if (padding < 0 || padding > 255) {
            throw new IllegalArgumentException("padding " + padding);
        }
        int h = write(dst, off, padding > 0);
        int total = h + payloadLen + padding;
        if (off > dst.length - total) {
            throw new IllegalArgumentException("buffer too small for RTP packet");
        }
        System.arraycopy(payload, payloadOff, dst, off + h, payloadLen);
        if (padding > 0) {
            int p = off + h + payloadLen;
            for (int k = 0; k < padding - 1; k++) {
                dst[p + k] = 0;
            }
            dst[p + padding - 1] = (byte) padding;
        }
        return total;
    }

    /**
     * Convenience: a new array holding this header and {@code payload} (allocates).
     *
     * @param payload the payload to append after the header, without padding
     * @return a new array of {@link #length()} plus {@code payload.length} bytes
     */
    public byte[] toPacket(byte[] payload) {
        byte[] out = new byte[length() + payload.length];
        write(out, 0, payload, 0, payload.length, 0);
        return out;
    }
}
