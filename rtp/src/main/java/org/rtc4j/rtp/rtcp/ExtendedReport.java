package org.rtc4j.rtp.rtcp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rtc4j.rtp.Bytes;
import org.rtc4j.rtp.RtpParseException;

/**
 * Extended report (PT 207, RFC 3611) with its report blocks. RRTR and DLRR (used for
 * receiver-side RTT) are modelled; other block types are kept as {@link UnknownBlock}.
 *
 * @param ssrc   SSRC of the packet sender
 * @param blocks report blocks
 */
public record ExtendedReport(long ssrc, List<ExtendedReport.Block> blocks) implements RtcpPacket {
    /** One XR report block. */
    public interface Block {
        /** @return serialized size including the 4-byte block header */
        int length();

        /**
         * Writes the block.
         *
         * @param b the buffer
         * @param o offset in {@code b} to write at
         */
        void write(byte[] b, int o);
    }

    /**
     * Receiver reference time report block (BT 4).
     *
     * @param ntpTimestamp the receiver's NTP time
     */
    public record Rrtr(long ntpTimestamp) implements Block {
        @Override
        public int length() {
            return 12;
        }

        @Override
        public void write(byte[] b, int o) {
            b[o] = 4;
            b[o + 1] = 0;
            Bytes.put16(b, o + 2, 2);
            Bytes.put64(b, o + 4, ntpTimestamp);
        }
    }

    /**
     * One DLRR sub-block.
     *
     * @param ssrc             receiver the entry answers
     * @param lastRr           middle 32 bits of that receiver's last RRTR NTP time
     * @param delaySinceLastRr delay in 1/65536 s
     */
    public record DlrrEntry(long ssrc, long lastRr, long delaySinceLastRr) {
    }

    /**
     * Delay since last receiver report block (BT 5).
     *
     * @param entries sub-blocks
     */
    public record Dlrr(List<DlrrEntry> entries) implements Block {
        /**
         * Copies the list.
         *
         * @param entries the entries, in order
         */
        public Dlrr {
            entries = List.copyOf(entries);
        }

        @Override
        public int length() {
            return 4 + 12 * entries.size();
        }

        @Override
        public void write(byte[] b, int o) {
            b[o] = 5;
            b[o + 1] = 0;
            Bytes.put16(b, o + 2, 3 * entries.size());
            int p = o + 4;
            for (DlrrEntry e : entries) {
                Bytes.put32(b, p, e.ssrc());
                Bytes.put32(b, p + 4, e.lastRr());
                Bytes.put32(b, p + 8, e.delaySinceLastRr());
                p += 12;
            }
        }
    }

    /**
     * A block type this library does not interpret, kept verbatim.
     *
     * @param blockType    BT
     * @param typeSpecific the type-specific byte
     * @param data         block contents after the header (a multiple of 4 bytes)
     */
    public record UnknownBlock(int blockType, int typeSpecific, byte[] data) implements Block {
        /**
         * Copies and validates.
         *
         * @param blockType the XR block type
         * @param typeSpecific the type-specific byte of the block header
         * @param data block contents after the header (a multiple of 4 bytes)
         */
        public UnknownBlock {
            if (data.length % 4 != 0) {
                throw new IllegalArgumentException("XR block length");
            }
            data = data.clone();
        }

        /** @return a copy of the block contents */
        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public int length() {
            return 4 + data.length;
        }

        @Override
        public void write(byte[] b, int o) {
            b[o] = (byte) blockType;
            b[o + 1] = (byte) typeSpecific;
            Bytes.put16(b, o + 2, data.length / 4);
            System.arraycopy(data, 0, b, o + 4, data.length);
        }

        @Override
        public boolean equals(Object x) {
            return x instanceof UnknownBlock u && u.blockType == blockType && u.typeSpecific == typeSpecific
                    && Arrays.equals(u.data, data);
        }

        @Override
        public int hashCode() {
            return blockType * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "UnknownBlock[bt=" + blockType + ", " + data.length + "B]";
        }
    }

    /**
     * Copies the list.
     *
     * @param ssrc SSRC of the XR packet sender
     * @param blocks the report blocks
     */
    public ExtendedReport {
        blocks = List.copyOf(blocks);
    }

    @Override
    public int packetType() {
        return XR;
    }

    @Override
    public int length() {
        int n = 8;
        for (Block bl : blocks) {
            n += bl.length();
        }
        return n;
    }

    @Override
    public int write(byte[] b, int o) {
        int n = length();
        RtcpHeader.write(b, o, false, 0, XR, n);
        Bytes.put32(b, o + 4, ssrc);
        int p = o + 8;
        for (Block bl : blocks) {
            bl.write(b, p);
            p += bl.length();
        }
        return n;
    }

    static ExtendedReport parse(byte[] b, int o, int len) throws RtpParseException {
        if (len < 4) {
            throw new RtpParseException("XR truncated");
        }
        int end = o + len;
        int p = o + 4;
        List<Block> blocks = new ArrayList<>();
        while (p < end) {
            if (p + 4 > end) {
                throw new RtpParseException("XR block header truncated");
            }
            int bt = b[p] & 0xFF;
            int ts = b[p + 1] & 0xFF;
            int words = Bytes.u16(b, p + 2);
            int blockEnd = p + 4 + 4 * words;
            if (blockEnd > end) {
                throw new RtpParseException("XR block truncated");
            }
            if (bt == 4 && words == 2) {
                blocks.add(new Rrtr(Bytes.u64(b, p + 4)));
            } else if (bt == 5 && words % 3 == 0) {
                List<DlrrEntry> es = new ArrayList<>();
                for (int q = p + 4; q < blockEnd; q += 12) {
                    es.add(new DlrrEntry(Bytes.u32(b, q), Bytes.u32(b, q + 4), Bytes.u32(b, q + 8)));
                }
                blocks.add(new Dlrr(es));
            } else {
                blocks.add(new UnknownBlock(bt, ts, Arrays.copyOfRange(b, p + 4, blockEnd)));
            }
            p = blockEnd;
        }
        return new ExtendedReport(Bytes.u32(b, o), blocks);
    }
}
