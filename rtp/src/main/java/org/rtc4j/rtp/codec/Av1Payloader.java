package org.rtc4j.rtp.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rtc4j.rtp.RtpParseException;

/**
 * AV1 (AOM "RTP Payload Format for AV1" v1.0). The payloader takes one temporal unit in
 * low-overhead bitstream format (as stored in IVF), drops temporal delimiters, tile lists and
 * padding OBUs, strips OBU size fields and aggregates the OBUs as length-prefixed elements (W=0),
 * fragmenting across packets with the Z/Y bits; N is set on temporal units carrying a sequence
 * header. The depacketizer rebuilds OBUs with size fields and prefixes a temporal delimiter, so
 * its output is again a valid IVF/Annex-free temporal unit.
 */
public final class Av1Payloader implements Payloader, Depacketizer {
    /** Creates a payloader and depacketizer with nothing pending. */
    public Av1Payloader() {
    }

    static final int OBU_SEQUENCE_HEADER = 1;
    static final int OBU_TEMPORAL_DELIMITER = 2;
    static final int OBU_TILE_LIST = 8;
    static final int OBU_PADDING = 15;

    /** Reads an unsigned LEB128 value; returns {value, bytes used}. */
    static long[] leb128(byte[] b, int off, int end) throws RtpParseException {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            if (off + i >= end) {
                throw new RtpParseException("LEB128 truncated");
            }
            int x = b[off + i] & 0xFF;
            v |= (long) (x & 0x7F) << (7 * i);
            if ((x & 0x80) == 0) {
                return new long[] {v, i + 1};
            }
        }
        throw new RtpParseException("LEB128 longer than 8 bytes");
    }

    static int leb128Size(long v) {
        int n = 1;
        while (v >= 0x80) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    private static int writeLeb128(long v, byte[] b, int off) {
        int n = 0;
        do {
            int x = (int) (v & 0x7F);
            v >>>= 7;
            b[off + n++] = (byte) (v != 0 ? x | 0x80 : x);
        } while (v != 0);
        return n;
    }

    @Override
    public List<byte[]> payload(int maxPayload, byte[] frame, int off, int len) {
        if (maxPayload < 8) {
            throw new IllegalArgumentException("payload limit " + maxPayload);
        }
        List<byte[]> elements = new ArrayList<>();
        boolean sequenceHeader = false;
        int end = off + len;
        int p = off;
        while (p < end) {
            int h = frame[p] & 0xFF;
            int type = (h >>> 3) & 0x0F;
            boolean ext = (h & 0x04) != 0;
            boolean hasSize = (h & 0x02) != 0;
            int hdr = ext ? 2 : 1;
            if (p + hdr > end) {
                throw new IllegalArgumentException("AV1 OBU header truncated");
            }
            long size;
            int sizeLen = 0;
            if (hasSize) {
                long[] l = leb128(frame, p + hdr, end);
                size = l[0];
                sizeLen = (int) l[1];
            } else {
                size = end - p - hdr;
            }
            if (size > end - p - hdr - sizeLen) {
                throw new IllegalArgumentException("AV1 OBU truncated");
            }
            if (type != OBU_TEMPORAL_DELIMITER && type != OBU_TILE_LIST && type != OBU_PADDING) {
                byte[] e = new byte[hdr + (int) size];
                e[0] = (byte) (h & ~0x02);
                if (ext) {
                    e[1] = frame[p + 1];
                }
                System.arraycopy(frame, p + hdr + sizeLen, e, hdr, (int) size);
                elements.add(e);
                sequenceHeader |= type == OBU_SEQUENCE_HEADER;
            }
            p += hdr + sizeLen + (int) size;
        }
        List<byte[]> out = new ArrayList<>();
        byte[] cur = new byte[maxPayload];
        int used = 1;
        boolean z = false;
        for (byte[] e : elements) {
            int pos = 0;
            while (pos < e.length) {
                int room = maxPayload - used;
                int rest = e.length - pos;
                if (leb128Size(rest) + rest <= room) {
                    used += writeLeb128(rest, cur, used);
                    System.arraycopy(e, pos, cur, used, rest);
                    used += rest;
                    pos = e.length;
                } else {
                    int f = room - leb128Size(room);
                    if (f < 1) {
                        out.add(finish(cur, used, z, false, sequenceHeader && out.isEmpty()));
                        used = 1;
                        z = false;
                        continue;
                    }
                    used += writeLeb128(f, cur, used);
                    System.arraycopy(e, pos, cur, used, f);
                    used += f;
                    pos += f;
                    out.add(finish(cur, used, z, true, sequenceHeader && out.isEmpty()));
                    used = 1;
                    z = true;
                }
            }
        }
        if (used > 1 || out.isEmpty()) {
            out.add(finish(cur, used, z, false, sequenceHeader && out.isEmpty()));
        }
        return out;
    }

    private static byte[] finish(byte[] cur, int used, boolean z, boolean y, boolean n) {
        byte[] pkt = Arrays.copyOf(cur, used);
        pkt[0] = (byte) ((z ? 0x80 : 0) | (y ? 0x40 : 0) | (n ? 0x08 : 0)); // W=0: every element sized
        return pkt;
    }

    @Override
    public boolean isFrameStart(byte[] b, int off, int len) {
        return len > 0 && (b[off] & 0x80) == 0;
    }

    @Override
    public boolean isKeyFrame(byte[] b, int off, int len) {
        return len > 0 && (b[off] & 0x08) != 0;
    }

    @Override
    public byte[] depacketize(List<byte[]> payloads) throws RtpParseException {
        FrameBuffer out = new FrameBuffer();
        out.write(OBU_TEMPORAL_DELIMITER << 3 | 0x02);
        out.write(0);
        FrameBuffer pending = null;
        for (byte[] p : payloads) {
            if (p.length < 1) {
                throw new RtpParseException("empty AV1 payload");
            }
            boolean z = (p[0] & 0x80) != 0;
            boolean y = (p[0] & 0x40) != 0;
            int w = (p[0] >>> 4) & 0x03;
            if (z != (pending != null)) {
                throw new RtpParseException(z ? "AV1 continuation without a fragment" : "AV1 fragment not continued");
            }
            int k = 1;
            int index = 0;
            while (k < p.length) {
                index++;
                int elen;
                if (w != 0 && index == w) {
                    elen = p.length - k;
                } else {
                    long[] l = leb128(p, k, p.length);
                    if (l[0] > p.length - k - l[1]) {
                        throw new RtpParseException("AV1 OBU element truncated");
                    }
                    k += (int) l[1];
                    elen = (int) l[0];
                }
                boolean continuation = index == 1 && z;
                if (!continuation) {
                    pending = new FrameBuffer();
                }
                pending.write(p, k, elen);
                k += elen;
                boolean lastElement = k >= p.length;
                if (!(lastElement && y)) {
                    emitObu(pending.toByteArray(), out);
                    pending = null;
                }
                if (w != 0 && index == w) {
                    break;
                }
            }
            if (index == 0 && z) { // a packet with a continuation flag but no elements
                throw new RtpParseException("AV1 packet without elements");
            }
            if (!y && pending != null) {
                emitObu(pending.toByteArray(), out);
                pending = null;
            }
        }
        if (pending != null) {
            throw new RtpParseException("AV1 temporal unit ends inside a fragment");
        }
        return out.toByteArray();
    }

    private static void emitObu(byte[] obu, FrameBuffer out) {
        if (obu.length == 0) {
            return;
        }
        int h = obu[0] & 0xFF;
        int hdr = (h & 0x04) != 0 ? 2 : 1;
        if (obu.length < hdr) {
            throw new RtpParseException("AV1 OBU header truncated");
        }
        if ((h & 0x02) != 0) { // already sized: copy as is
            out.write(obu, 0, obu.length);
            return;
        }
        out.write(h | 0x02);
        if (hdr == 2) {
            out.write(obu[1]);
        }
        out.writeLeb128(obu.length - hdr);
        out.write(obu, hdr, obu.length - hdr);
    }
}
