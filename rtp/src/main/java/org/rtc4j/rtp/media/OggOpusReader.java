package org.rtc4j.rtp.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.rtc4j.rtp.Bytes;
import org.rtc4j.rtp.RtpParseException;

/**
 * Reads Ogg Opus files (RFC 7845): verifies every page CRC, parses OpusHead and OpusTags, then
 * returns the audio packets one by one, reassembled across pages. Only the first logical stream
 * is read; pages of other serial numbers are skipped.
 */
public final class OggOpusReader implements AutoCloseable {
    /**
     * An audio packet.
     *
     * @param data    the Opus packet
     * @param granule granule position of the page it ended on if it was that page's last packet,
     *                else -1
     */
    public record OpusPacket(byte[] data, long granule) {
    }

    private final InputStream in;
    private final Deque<OpusPacket> queue = new ArrayDeque<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final OpusHead head;
    private final String vendor;
    private final List<String> comments = new ArrayList<>();
    private long serial = -1;
    private boolean eos;

    /**
     * Reads the two header packets.
     *
     * @param in the stream to read from, positioned at the start of the file
     * @throws IOException if the stream cannot be read
     */
    public OggOpusReader(InputStream in) throws IOException, RtpParseException {
        this.in = in;
        OpusPacket h = nextRaw();
        if (h == null) {
            throw new RtpParseException("empty Ogg stream");
        }
        head = OpusHead.parse(h.data());
        OpusPacket t = nextRaw();
        if (t == null) {
            throw new RtpParseException("missing OpusTags");
        }
        byte[] tags = t.data();
        if (tags.length < 16 || !new String(tags, 0, 8, StandardCharsets.US_ASCII).equals("OpusTags")) {
            throw new RtpParseException("missing OpusTags");
        }
        long vlen = Bytes.le32(tags, 8);
        if (vlen > tags.length - 16) {
            throw new RtpParseException("OpusTags vendor truncated");
        }
        vendor = new String(tags, 12, (int) vlen, StandardCharsets.UTF_8);
        int p = 12 + (int) vlen;
        long n = Bytes.le32(tags, p);
        p += 4;
        for (long i = 0; i < n; i++) {
            if (p + 4 > tags.length) {
                throw new RtpParseException("OpusTags comment truncated");
            }
            long l = Bytes.le32(tags, p);
            if (l > tags.length - p - 4) {
                throw new RtpParseException("OpusTags comment truncated");
            }
            comments.add(new String(tags, p + 4, (int) l, StandardCharsets.UTF_8));
            p += 4 + (int) l;
        }
    }

    /** @return the identification header */
    public OpusHead head() {
        return head;
    }

    /** @return the encoder vendor string from OpusTags */
    public String vendor() {
        return vendor;
    }

    /** @return the user comments ("KEY=value") from OpusTags */
    public List<String> comments() {
        return List.copyOf(comments);
    }

    /**
     * @return the next audio packet, or null at the end
     * @throws IOException if the stream cannot be read
     */
    public OpusPacket next() throws IOException, RtpParseException {
        return nextRaw();
    }

    private OpusPacket nextRaw() throws IOException {
        while (queue.isEmpty()) {
            if (eos) {
                return null;
            }
            OggPage page = OggPage.read(in);
            if (page == null) {
                if (partial.size() > 0) {
                    throw new RtpParseException("Ogg stream ends inside a packet");
                }
                return null;
            }
            if (serial < 0) {
                serial = page.serial();
            } else if (page.serial() != serial) {
                continue;
            }
            byte[] lacing = page.lacing();
            byte[] body = page.body();
            int p = 0;
            int lastComplete = -1;
            for (int i = 0; i < lacing.length; i++) {
                if ((lacing[i] & 0xFF) < 255) {
                    lastComplete = i;
                }
            }
            for (int i = 0; i < lacing.length; i++) {
                int l = lacing[i] & 0xFF;
                partial.write(body, p, l);
                p += l;
                if (partial.size() > MediaIo.MAX_ELEMENT) {
                    throw new RtpParseException("Ogg packet too large");
                }
                if (l < 255) {
                    queue.add(new OpusPacket(partial.toByteArray(), i == lastComplete ? page.granule() : -1));
                    partial.reset();
                }
            }
            eos = (page.headerType() & OggPage.EOS) != 0;
        }
        return queue.poll();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
