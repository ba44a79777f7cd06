package org.rtc4j.rtp;

/**
 * An allocation-free view of one RTP packet (RFC 3550) over a caller's {@code byte[]} slice.
 *
 * <p>{@link #wrap} validates the fixed header, CSRC list, header extension block (RFC 8285 one-byte
 * {@code 0xBEDE} and two-byte {@code 0x100x} forms, or an opaque profile-specific block) and
 * padding, then every getter reads straight from the buffer. Header extension elements are indexed
 * once at wrap time into arrays owned by the view, so {@link #extensionOffset(int)} is a short
 * scan with no allocation. Setters rewrite fixed header fields in place. Reuse one instance per
 * thread: {@code view.wrap(buf, off, len)} costs nothing on the heap.
 */
public final class RtpPacket {
    /** Creates a view over nothing; {@link #wrap} points it at a packet. */
    public RtpPacket() {
    }

    /** Fixed RTP header size in bytes. */
    public static final int FIXED_HEADER = 12;
    /** Profile value of an RFC 8285 one-byte header extension block. */
    public static final int PROFILE_ONE_BYTE = 0xBEDE;
    /** Profile value (upper 12 bits, the low 4 are "appbits") of a two-byte header extension block. */
    public static final int PROFILE_TWO_BYTE = 0x1000;
    /** Most extension elements one view indexes; more than this in a packet is rejected. */
    public static final int MAX_EXTENSIONS = 64;

    private byte[] buf;
    private int off;
    private int len;
    private int headerLength;
    private int paddingLength;
    private int extProfile = -1;
    private int extDataOffset;
    private int extDataLength;
    private int extCount;
    private final int[] extIds = new int[MAX_EXTENSIONS];
    private final int[] extOffsets = new int[MAX_EXTENSIONS];
    private final int[] extLengths = new int[MAX_EXTENSIONS];

    /**
     * Points this view at a packet and validates it. The view keeps a reference to
     * {@code buffer}; nothing is copied.
     *
     * @param buffer the array holding the packet
     * @param offset start of the packet in {@code buffer}
     * @param length packet length in bytes, including header and padding
     * @return this view
     * @throws RtpParseException if the bytes are not a well-formed RTP packet
     */
    public RtpPacket wrap(byte[] buffer, int offset, int length) throws RtpParseException {
        Bytes.checkRange(buffer, offset, length);
        this.buf = buffer;
        this.off = offset;
        this.len = length;
        this.extCount = 0;
        this.extProfile = -1;
        this.extDataOffset = 0;
        this.extDataLength = 0;
        if (length < FIXED_HEADER) {
            throw new RtpParseException("RTP packet shorter than 12 bytes: " + length);
        }
        int b0 = buffer[offset] & 0xFF;
        if ((b0 >>> 6) != 2) {
            throw new RtpParseException("RTP version " + (b0 >>> 6));
        }
        int h = FIXED_HEADER + (b0 & 0x0F) * 4;
        if (h > length) {
            throw new RtpParseException("CSRC list truncated");
        }
        if ((b0 & 0x10) != 0) {
            if (h + 4 > length) {
                throw new RtpParseException("header extension header truncated");
            }
            extProfile = Bytes.u16(buffer, offset + h);
            int words = Bytes.u16(buffer, offset + h + 2);
            extDataOffset = offset + h + 4;
            extDataLength = words * 4;
            h += 4 + extDataLength;
            if (h > length) {
                throw new RtpParseException("header extension truncated");
            }
            indexExtensions();
        }
        headerLength = h;
        paddingLength = 0;
        if ((b0 & 0x20) != 0) {
            int p = buffer[offset + length - 1] & 0xFF;
            if (p == 0 || h + p > length) {
                throw new RtpParseException("bad RTP padding length " + p);
            }
            paddingLength = p;
        }
        return this;
    }

    private void indexExtensions() {
        int end = extDataOffset + extDataLength;
        int i = extDataOffset;
        if (extProfile == PROFILE_ONE_BYTE) {
            while (i < end) {
                int b = buf[i] & 0xFF;
                int id = b >>> 4;
                if (id == 0) { // padding byte; id 0 is never an element, whatever its length nibble says
                    i++;
                    continue;
                }
                if (id == 15) { // RFC 8285: stop processing the block
                    break;
                }
                int l = (b & 0x0F) + 1;
                if (i + 1 + l > end) {
                    throw new RtpParseException("one-byte extension element " + id + " truncated");
                }
                addExtension(id, i + 1, l);
                i += 1 + l;
            }
        } else if ((extProfile & 0xFFF0) == PROFILE_TWO_BYTE) {
            while (i < end) {
                int id = buf[i] & 0xFF;
                if (id == 0) {
                    i++;
                    continue;
                }
                if (i + 2 > end) {
                    throw new RtpParseException("two-byte extension element header truncated");
                }
                int l = buf[i + 1] & 0xFF;
                if (i + 2 + l > end) {
                    throw new RtpParseException("two-byte extension element " + id + " truncated");
                }
                addExtension(id, i + 2, l);
                i += 2 + l;
            }
        }
    }

    private void addExtension(int id, int offset, int length) {
        if (extCount == MAX_EXTENSIONS) {
            throw new RtpParseException("more than " + MAX_EXTENSIONS + " header extension elements");
        }
        extIds[extCount] = id;
        extOffsets[extCount] = offset;
        extLengths[extCount] = length;
        extCount++;
    }

    /** @return the wrapped buffer */
    public byte[] buffer() {
        return buf;
    }

    /** @return offset of the packet in {@link #buffer()} */
    public int offset() {
        return off;
    }

    /** @return total packet length including header and padding */
    public int length() {
        return len;
    }

    /** @return the padding bit */
    public boolean hasPadding() {
        return (buf[off] & 0x20) != 0;
    }

    /** @return the extension bit */
    public boolean hasExtension() {
        return (buf[off] & 0x10) != 0;
    }

    /** @return number of CSRCs */
    public int csrcCount() {
        return buf[off] & 0x0F;
    }

    /**
     * @param i index of the CSRC, from 0 to {@link #csrcCount()} - 1
     * @return the {@code i}-th contributing source as an unsigned 32-bit value
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public long csrc(int i) {
        if (i < 0 || i >= csrcCount()) {
            throw new IndexOutOfBoundsException("csrc " + i);
        }
        return Bytes.u32(buf, off + FIXED_HEADER + 4 * i);
    }

    /** @return the marker bit */
    public boolean marker() {
        return (buf[off + 1] & 0x80) != 0;
    }

    /** @return payload type 0-127 */
    public int payloadType() {
        return buf[off + 1] & 0x7F;
    }

    /** @return sequence number 0-65535 */
    public int sequenceNumber() {
        return Bytes.u16(buf, off + 2);
    }

    /** @return RTP timestamp as an unsigned 32-bit value */
    public long timestamp() {
        return Bytes.u32(buf, off + 4);
    }

    /** @return synchronization source as an unsigned 32-bit value */
    public long ssrc() {
        return Bytes.u32(buf, off + 8);
    }

    /** @return header length: fixed header, CSRCs and extension block */
    public int headerLength() {
        return headerLength;
    }

    /** @return absolute offset of the payload in {@link #buffer()} */
    public int payloadOffset() {
        return off + headerLength;
    }

    /** @return payload length, excluding padding */
    public int payloadLength() {
        return len - headerLength - paddingLength;
    }

    /** @return number of padding bytes (0 without the padding bit) */
    public int paddingLength() {
        return paddingLength;
    }

    /** @return the extension block's profile (e.g. 0xBEDE), or -1 without an extension */
    public int extensionProfile() {
        return extProfile;
    }

    /** @return absolute offset of the raw extension block data (after its 4-byte header) */
    public int extensionDataOffset() {
        return extDataOffset;
    }

    /** @return length of the raw extension block data in bytes */
    public int extensionDataLength() {
        return extDataLength;
    }

    /** @return number of RFC 8285 extension elements found */
    public int extensionCount() {
        return extCount;
    }

    /**
     * @param i index of the element, in packet order, from 0 to {@link #extensionCount()} - 1
     * @return id of the {@code i}-th extension element (1-14 one-byte, 1-255 two-byte)
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public int extensionIdAt(int i) {
        return extIds[checkExt(i)];
    }

    /**
     * @param i index of the element, from 0 to {@link #extensionCount()} - 1
     * @return absolute offset in {@link #buffer()} of the {@code i}-th extension element's data
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public int extensionOffsetAt(int i) {
        return extOffsets[checkExt(i)];
    }

    /**
     * @param i index of the element, from 0 to {@link #extensionCount()} - 1
     * @return data length in bytes of the {@code i}-th extension element (may be 0 in the
     *         two-byte form)
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public int extensionLengthAt(int i) {
        return extLengths[checkExt(i)];
    }

    private int checkExt(int i) {
        if (i < 0 || i >= extCount) {
            throw new IndexOutOfBoundsException("extension " + i);
        }
        return i;
    }

    /**
     * @param id the negotiated extension id; the first element with that id is used
     * @return absolute offset of extension {@code id}'s data, or -1 if absent
     */
    public int extensionOffset(int id) {
        for (int i = 0; i < extCount; i++) {
            if (extIds[i] == id) {
                return extOffsets[i];
            }
        }
        return -1;
    }

    /**
     * @param id the negotiated extension id; the first element with that id is used
     * @return length in bytes of extension {@code id}'s data, or -1 if absent
     */
    public int extensionLength(int id) {
        for (int i = 0; i < extCount; i++) {
            if (extIds[i] == id) {
                return extLengths[i];
            }
        }
        return -1;
    }

    /**
     * Sets the marker bit in place.
     *
     * @param marker the new marker bit
     */
    public void setMarker(boolean marker) {
        buf[off + 1] = (byte) (marker ? buf[off + 1] | 0x80 : buf[off + 1] & 0x7F);
    }

    /**
     * Sets the payload type in place.
     *
     * @param pt the new payload type; only the low 7 bits are used
     */
    public void setPayloadType(int pt) {
        buf[off + 1] = (byte) ((buf[off + 1] & 0x80) | (pt & 0x7F));
    }

    /**
     * Sets the sequence number in place.
     *
     * @param seq the new sequence number; only the low 16 bits are used
     */
    public void setSequenceNumber(int seq) {
        Bytes.put16(buf, off + 2, seq);
    }

    /**
     * Sets the timestamp in place.
     *
     * @param ts the new RTP timestamp in clock-rate units; only the low 32 bits are used
     */
    public void setTimestamp(long ts) {
        Bytes.put32(buf, off + 4, ts);
    }

    /**
     * Sets the SSRC in place.
     *
     * @param ssrc the new synchronization source; only the low 32 bits are used
     */
    public void setSsrc(long ssrc) {
        Bytes.put32(buf, off + 8, ssrc);
    }

    /** @return a copy of the payload (allocates; for tests and slow paths) */
    public byte[] payloadCopy() {
        byte[] p = new byte[payloadLength()];
        System.arraycopy(buf, payloadOffset(), p, 0, p.length);
        return p;
    }

    @Override
    public String toString() {
        return buf == null ? "RtpPacket[unwrapped]"
                : "RtpPacket[pt=" + payloadType() + " seq=" + sequenceNumber() + " ts=" + timestamp()
                        + " ssrc=" + ssrc() + " m=" + marker() + " payload=" + payloadLength() + "]";
    }
}
