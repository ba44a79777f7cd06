package org.rtc4j.rtp;

/**
 * A reusable, mutable RTP header that serializes into a caller's buffer without allocating.
 *
 * <p>Extension element data is referenced, not copied: keep the source arrays alive until
 * {@link #write} returns. {@link #clear()} resets everything for the next packet.
 */
public final class RtpHeader {
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

    /** Resets every field to zero and drops CSRCs and extensions. */
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

    /** Copies the header of {@code p}; extension data keeps pointing into {@code p}'s buffer. */
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

    /** Sets the marker bit. */
    public RtpHeader marker(boolean m) {
        this.marker = m;
        return this;
    }

    /** Sets the payload type (0-127). */
    public RtpHeader payloadType(int pt) {
        if (pt < 0 || pt > 127) {
            throw new IllegalArgumentException("payload type " + pt);
        }
        this.payloadType = pt;
        return this;
    }

    /** Sets the sequence number (low 16 bits used). */
    public RtpHeader sequenceNumber(int seq) {
        this.sequenceNumber = seq & 0xFFFF;
        return this;
    }

    /** Sets the timestamp (low 32 bits used). */
    public RtpHeader timestamp(long ts) {
        this.timestamp = ts & 0xFFFFFFFFL;
        return this;
    }

    /** Sets the SSRC (low 32 bits used). */
    public RtpHeader ssrc(long s) {
        this.ssrc = s & 0xFFFFFFFFL;
        return this;
    }

    /** Appends a contributing source (at most 15). */
    public RtpHeader addCsrc(long csrc) {
        if (csrcCount == 15) {
            throw new IllegalStateException("at most 15 CSRCs");
        }
        csrcs[csrcCount++] = csrc & 0xFFFFFFFFL;
        return this;
    }

    /** Chooses the extension encoding. */
    public RtpHeader extensionForm(ExtensionForm f) {
        this.form = f;
        return this;
    }

    /** Adds an extension element; {@code data[off, off+len)} is read at {@link #write} time. */
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

    /** Adds an extension element holding all of {@code data}. */
    public RtpHeader addExtension(int id, byte[] data) {
        return addExtension(id, data, 0, data.length);
    }

    /** @return marker bit */
    public boolean marker() {
        return marker;
    }

    /** @return payload type */
    public int payloadType() {
        return payloadType;
    }

    /** @return sequence number */
    public int sequenceNumber() {
        return sequenceNumber;
    }

    /** @return timestamp */
    public long timestamp() {
        return timestamp;
    }

    /** @return SSRC */
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

    /** @return serialized header length in bytes */
    public int length() {
        int n = RtpPacket.FIXED_HEADER + 4 * csrcCount;
        if (extCount > 0) {
            n += 4 + extensionBytes(useOneByte());
        }
        return n;
    }

    /**
     * Writes the header at {@code dst[off]}.
     *
     * @return bytes written
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
     * @param padding 0 for none, else 1-255 padding bytes (the last holds the count)
     * @return packet length
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

    /** Convenience: a new array holding this header and {@code payload} (allocates). */
    public byte[] toPacket(byte[] payload) {
        byte[] out = new byte[length() + payload.length];
        write(out, 0, payload, 0, payload.length, 0);
        return out;
    }
}
