package org.rtc4j.rtp.rtcp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.rtc4j.rtp.Bytes;
import org.rtc4j.rtp.RtpParseException;

/**
 * Source description (PT 202): chunks of SSRC plus items such as CNAME.
 *
 * @param chunks up to 31 chunks
 */
public record SourceDescription(List<SourceDescription.Chunk> chunks) implements RtcpPacket {
    /** SDES item type CNAME. */
    public static final int CNAME = 1;

    /**
     * One SDES item.
     *
     * @param type item type 1-255 (1 CNAME, 2 NAME, ... 8 PRIV)
     * @param text UTF-8 text, at most 255 bytes encoded
     */
    public record Item(int type, String text) {
        /**
         * Validates the type.
         *
         * @param type the SDES item type
         * @param text the item text (UTF-8, at most 255 bytes)
         */
        public Item {
            if (type < 1 || type > 255 || text.getBytes(StandardCharsets.UTF_8).length > 255) {
                throw new IllegalArgumentException("SDES item");
            }
        }
    }

    /**
     * Items for one source.
     *
     * @param ssrc  the source
     * @param items its items
     */
    public record Chunk(long ssrc, List<Item> items) {
        /**
         * Copies the list.
         *
         * @param ssrc SSRC or CSRC the chunk describes
         * @param items the SDES items of the chunk
         */
        public Chunk {
            items = List.copyOf(items);
        }

        int length() {
            int n = 4;
            for (Item i : items) {
                n += 2 + i.text().getBytes(StandardCharsets.UTF_8).length;
            }
            return RtcpHeader.pad4(n + 1); // at least one null octet terminates the item list
        }
    }

    /**
     * Copies the list.
     *
     * @param chunks the chunks, one per source
     */
    public SourceDescription {
        chunks = List.copyOf(chunks);
        if (chunks.size() > 31) {
            throw new IllegalArgumentException("more than 31 SDES chunks");
        }
    }

    /**
     * @param ssrc SSRC or CSRC the chunk describes
     * @param cname the canonical name (CNAME)
     * @return an SDES with one CNAME chunk
     */
    public static SourceDescription cname(long ssrc, String cname) {
        return new SourceDescription(List.of(new Chunk(ssrc, List.of(new Item(CNAME, cname)))));
    }

    @Override
    public int packetType() {
        return SDES;
    }

    @Override
    public int length() {
        int n = 4;
        for (Chunk c : chunks) {
            n += c.length();
        }
        return n;
    }

    @Override
    public int write(byte[] b, int o) {
        int n = length();
        RtcpHeader.write(b, o, false, chunks.size(), SDES, n);
        int p = o + 4;
        for (Chunk c : chunks) {
            int start = p;
            Bytes.put32(b, p, c.ssrc());
            p += 4;
            for (Item i : c.items()) {
                byte[] t = i.text().getBytes(StandardCharsets.UTF_8);
                b[p++] = (byte) i.type();
                b[p++] = (byte) t.length;
                System.arraycopy(t, 0, b, p, t.length);
                p += t.length;
            }
            int end = start + c.length();
            while (p < end) {
                b[p++] = 0;
            }
        }
        return n;
    }

    static SourceDescription parse(int count, byte[] b, int o, int len) throws RtpParseException {
        int end = o + len;
        int p = o;
        List<Chunk> chunks = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            if (p + 4 > end) {
                throw new RtpParseException("SDES chunk truncated");
            }
            long ssrc = Bytes.u32(b, p);
            p += 4;
            List<Item> items = new ArrayList<>();
            while (true) {
                if (p >= end) {
                    throw new RtpParseException("SDES item list not terminated");
                }
                int type = b[p] & 0xFF;
                if (type == 0) {
                    p++;
                    p = o + RtcpHeader.pad4(p - o); // skip to the next 32-bit boundary
                    break;
                }
                if (p + 2 > end || p + 2 + (b[p + 1] & 0xFF) > end) {
                    throw new RtpParseException("SDES item truncated");
                }
                int l = b[p + 1] & 0xFF;
                items.add(new Item(type, new String(b, p + 2, l, StandardCharsets.UTF_8)));
                p += 2 + l;
            }
            chunks.add(new Chunk(ssrc, items));
        }
        return new SourceDescription(chunks);
    }
}
