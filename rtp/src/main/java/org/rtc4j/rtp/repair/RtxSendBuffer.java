package org.rtc4j.rtp.repair;

import org.rtc4j.rtp.Bytes;
import org.rtc4j.rtp.RtpHeader;
import org.rtc4j.rtp.RtpPacket;
import org.rtc4j.rtp.RtpParseException;

/**
 * Send-side history for retransmission (RFC 4588). Stores the last {@code capacity} packets of
 * a stream by sequence number (copied into preallocated slots); on a NACK,
 * {@link #retransmit} writes either the original packet again (no RTX negotiated) or an RTX
 * packet: RTX payload type and SSRC, its own sequence number, the original timestamp, marker
 * and header extensions, and the original sequence number (OSN) in front of the payload.
 *
 * <p>The history is bounded in bytes by its slots (allocated once) and, when packets are stored
 * with a time, in age: {@link #retransmit(int, byte[], int, long, long, long)} refuses a packet
 * older than the caller's limit (a repair that late only wastes the path) and one resent too
 * recently (duplicate NACKs, or a NACK crossing the retransmission, must not double the load).
 */
public final class RtxSendBuffer {
    private final byte[][] slots;
    private final int[] lengths;
    private final int[] seqs;
    private final long[] storedAtMs;
    private final long[] resentAtMs;
    private final int mask;
    private final int rtxPayloadType;
    private final long rtxSsrc;
    private int rtxSequence;
    private final RtpPacket view = new RtpPacket();
    private final RtpHeader header = new RtpHeader();

    /**
     * @param capacity       packets kept (rounded up to a power of two)
     * @param maxPacket      largest packet stored
     * @param rtxPayloadType RTX payload type, or -1 to resend originals unchanged
     * @param rtxSsrc        RTX stream SSRC
     * @param initialRtxSequence the first RTX sequence number to use (random, RFC 4588 §4)
     */
    public RtxSendBuffer(int capacity, int maxPacket, int rtxPayloadType, long rtxSsrc, int initialRtxSequence) {
        int c = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
        this.slots = new byte[c][maxPacket];
        this.lengths = new int[c];
        this.seqs = new int[c];
        java.util.Arrays.fill(seqs, -1);
        this.storedAtMs = new long[c];
        this.resentAtMs = new long[c];
        this.mask = c - 1;
        this.rtxPayloadType = rtxPayloadType;
        this.rtxSsrc = rtxSsrc;
        this.rtxSequence = initialRtxSequence & 0xFFFF;
    }

    /**
     * Stores a sent packet (copied). Only its size, version and sequence number are checked
     * here; a stored packet that does not parse is not retransmitted.
     *
     * @param packet the buffer holding the RTP packet
     * @param off offset in the buffer
     * @param len length of the packet, in bytes
     */
    public void store(byte[] packet, int off, int len) throws RtpParseException {
        store(packet, off, len, 0);
    }

    /**
     * Stores a sent packet (copied) with the time it was sent, in the caller's milliseconds, for
     * the age checks of {@link #retransmit(int, byte[], int, long, long, long)}.
     *
     * @param packet the buffer holding the RTP packet
     * @param off offset in the buffer
     * @param len length of the packet, in bytes
     * @param nowMs the current time, in ms (any monotonic clock, the same for every call)
     */
    public void store(byte[] packet, int off, int len, long nowMs) throws RtpParseException {
        // Called for every packet sent: only what the history needs is checked (the packet was
        // just written by the sender), not a whole parse.
        if (len < RtpPacket.FIXED_HEADER || off < 0 || off + len > packet.length) {
            throw new RtpParseException("not an RTP packet: " + len + " bytes");
        }
        if ((packet[off] & 0xC0) != 0x80) {
            throw new RtpParseException("RTP version is not 2");
        }
        int seq = ((packet[off + 2] & 0xff) << 8) | (packet[off + 3] & 0xff);
        int i = seq & mask;
        if (len > slots[i].length) {
            throw new IllegalArgumentException("packet larger than the buffer slots");
        }
        System.arraycopy(packet, off, slots[i], 0, len);
        lengths[i] = len;
        seqs[i] = seq;
        storedAtMs[i] = nowMs;
        resentAtMs[i] = Long.MIN_VALUE;
    }

    /**
     * @param seq the RTP sequence number of the original packet
     * @return true if {@code seq} is still in the history
     */
    public boolean contains(int seq) {
        return seqs[seq & mask] == (seq & 0xFFFF);
    }

    /**
     * Writes the retransmission of {@code seq} into {@code dst} unless it was stored more than
     * {@code maxAgeMs} before {@code nowMs} or already resent less than {@code minIntervalMs} ago.
     *
     * @param seq the RTP sequence number of the original packet
     * @param dst the buffer to write the packet into
     * @param off offset in the buffer
     * @param nowMs the current time, in ms (any monotonic clock, the same for every call)
     * @param maxAgeMs packets stored longer ago than this are not resent, in ms
     * @param minIntervalMs a packet is not resent twice within this, in ms
     * @return its length, or -1 if the packet is not stored, too old, or resent too recently
     */
    public int retransmit(int seq, byte[] dst, int off, long nowMs, long maxAgeMs, long minIntervalMs) {
        int i = seq & mask;
        if (seqs[i] != (seq & 0xFFFF) || nowMs - storedAtMs[i] > maxAgeMs) {
            return -1;
        }
        if (resentAtMs[i] != Long.MIN_VALUE && nowMs - resentAtMs[i] < minIntervalMs) {
            return -1;
        }
        int n = retransmit(seq, dst, off);
        if (n > 0) {
            resentAtMs[i] = nowMs;
        }
        return n;
    }

    /**
     * Writes the retransmission of {@code seq} into {@code dst}, whatever its age.
     *
     * @param seq the RTP sequence number of the original packet
     * @param dst the buffer to write the packet into
     * @param off offset in the buffer
     * @return its length, or -1 if the packet is no longer stored (or what was stored is not RTP)
     */
    public int retransmit(int seq, byte[] dst, int off) {
        int i = seq & mask;
        if (seqs[i] != (seq & 0xFFFF)) {
            return -1;
        }
        if (rtxPayloadType < 0) {
            System.arraycopy(slots[i], 0, dst, off, lengths[i]);
            return lengths[i];
        }
        try {
            view.wrap(slots[i], 0, lengths[i]);
        } catch (RtpParseException e) {
            seqs[i] = -1;
            return -1;
        }
        header.copyFrom(view).payloadType(rtxPayloadType).ssrc(rtxSsrc).sequenceNumber(rtxSequence);
        rtxSequence = (rtxSequence + 1) & 0xFFFF;
        int h = header.write(dst, off);
        Bytes.put16(dst, off + h, seq);
        System.arraycopy(slots[i], view.payloadOffset(), dst, off + h + 2, view.payloadLength());
        return h + 2 + view.payloadLength();
    }

    /**
     * Receiver side: turns an RTX packet back into the original packet (RFC 4588 section 4).
     *
     * @param rtx the buffer holding the RTX packet
     * @param rtxOff offset of the RTX packet in {@code rtx}
     * @param rtxLen length of the RTX packet, in bytes
     * @param originalPayloadType payload type of the original stream (the RTX apt)
     * @param originalSsrc SSRC of the original stream
     * @param dst the buffer to write the packet into
     * @param off offset in the buffer
     * @return the original packet's length written at {@code dst[off]}
     * @throws RtpParseException if the RTX payload lacks the OSN
     */
    public static int unwrapRtx(byte[] rtx, int rtxOff, int rtxLen, int originalPayloadType, long originalSsrc,
            byte[] dst, int off) throws RtpParseException {
        RtpPacket p = new RtpPacket().wrap(rtx, rtxOff, rtxLen);
        if (p.payloadLength() < 2) {
            throw new RtpParseException("RTX packet without original sequence number");
        }
        int osn = Bytes.u16(rtx, p.payloadOffset());
        RtpHeader h = new RtpHeader().copyFrom(p).payloadType(originalPayloadType).ssrc(originalSsrc)
                .sequenceNumber(osn);
        return h.write(dst, off, rtx, p.payloadOffset() + 2, p.payloadLength() - 2, 0);
    }
}
