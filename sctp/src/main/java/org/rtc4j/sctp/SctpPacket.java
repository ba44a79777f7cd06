package org.rtc4j.sctp;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * SCTP common header and chunk walking (RFC 9260 §3). The association walks chunks in place with
 * {@link Cursor}; {@link #parse} builds a checked, typed view for tests, logging and fuzzing.
 */
final class SctpPacket {
    private SctpPacket() {
    }

    /** One chunk of a parsed packet: its type, flags and the bytes after the 4-byte chunk header. */
    record Chunk(int type, int flags, byte[] value) {
    }

    /** A parsed packet: ports, verification tag and chunks, every known chunk structurally checked. */
    record Parsed(int srcPort, int dstPort, int verificationTag, List<Chunk> chunks) {
    }

    /** Walks the chunks of one packet without allocating. */
    static final class Cursor {
        byte[] buf;
        int pos;
        int end;
        int type;
        int flags;
        /** Offset of the chunk value (after type, flags, length). */
        int valueOff;
        /** Length of the chunk value (chunk length minus 4). */
        int valueLen;

        void reset(byte[] buf, int off, int len) {
            this.buf = buf;
            this.pos = off + Chunks.COMMON_HEADER;
            this.end = off + len;
        }

        boolean next() throws SctpParseException {
            if (pos >= end) {
                return false;
            }
            if (end - pos < 4) {
                throw new SctpParseException("truncated chunk header at " + pos);
            }
            int length = Bytes.u16(buf, pos + 2);
            if (length < 4) {
                throw new SctpParseException("chunk length " + length + " below 4");
            }
            if (length > end - pos) {
                throw new SctpParseException("chunk length " + length + " exceeds the " + (end - pos) + " bytes left");
            }
            type = Bytes.u8(buf, pos);
            flags = Bytes.u8(buf, pos + 1);
            valueOff = pos + 4;
            valueLen = length - 4;
            // The last chunk may omit its padding.
            pos = Math.min(end, pos + Bytes.pad4(length));
            return true;
        }
    }

    /** CRC32c over the packet with the checksum field taken as zero, as RFC 9260 Appendix A defines. */
    static int checksum(byte[] buf, int off, int len) {
        CRC32C crc = new CRC32C();
        crc.update(buf, off, 8);
        crc.update(ZEROS, 0, 4);
        crc.update(buf, off + 12, len - 12);
        return (int) crc.getValue();
    }

    private static final byte[] ZEROS = new byte[4];

    /** The checksum is carried least-significant byte first (the CRC is reflected). */
    static int storedChecksum(byte[] buf, int off) {
        return (buf[off + 8] & 0xff) | ((buf[off + 9] & 0xff) << 8) | ((buf[off + 10] & 0xff) << 16)
                | ((buf[off + 11] & 0xff) << 24);
    }

    static void storeChecksum(byte[] buf, int off, int crc) {
        buf[off + 8] = (byte) crc;
        buf[off + 9] = (byte) (crc >>> 8);
        buf[off + 10] = (byte) (crc >>> 16);
        buf[off + 11] = (byte) (crc >>> 24);
    }

    static void writeHeader(byte[] buf, int srcPort, int dstPort, int vtag) {
        Bytes.put16(buf, 0, srcPort);
        Bytes.put16(buf, 2, dstPort);
        Bytes.put32(buf, 4, vtag);
    }

    /**
     * Parses and checks a whole packet, including every known chunk's structure.
     *
     * @param allowZeroChecksum accept a checksum field of zero (RFC 9653)
     */
    static Parsed parse(byte[] buf, int off, int len, boolean allowZeroChecksum) throws SctpParseException {
        if (buf == null || off < 0 || len < 0 || off > buf.length - len) {
            throw new SctpParseException("bad buffer bounds");
        }
        if (len < Chunks.COMMON_HEADER) {
            throw new SctpParseException("packet of " + len + " bytes is shorter than the common header");
        }
        int stored = storedChecksum(buf, off);
        if (!(allowZeroChecksum && stored == 0) && stored != checksum(buf, off, len)) {
            throw new SctpParseException("bad CRC32c");
        }
        Cursor c = new Cursor();
        c.reset(buf, off, len);
        List<Chunk> chunks = new ArrayList<>();
        while (c.next()) {
            ChunkCodec.validate(c.type, c.flags, buf, c.valueOff, c.valueLen);
            byte[] value = new byte[c.valueLen];
            System.arraycopy(buf, c.valueOff, value, 0, c.valueLen);
            chunks.add(new Chunk(c.type, c.flags, value));
        }
        if (chunks.isEmpty()) {
            throw new SctpParseException("packet without chunks");
        }
        return new Parsed(Bytes.u16(buf, off), Bytes.u16(buf, off + 2), Bytes.i32(buf, off + 4), chunks);
    }
}
