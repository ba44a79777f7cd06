package org.rtc4j.rtp.media;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.rtc4j.rtp.Bytes;

/**
 * Writes Ogg Opus files (RFC 7845): an OpusHead page (BOS), an OpusTags page, then one audio
 * packet per page with the granule position counting 48 kHz samples (pre-skip included), the
 * last page flagged EOS.
 */
public final class OggOpusWriter implements AutoCloseable {
    private final OutputStream out;
    private final long serial;
    private long sequence;
    private long granule;
    private byte[] pending;

    /**
     * Writes the header pages.
     *
     * @param out the stream to write the Ogg file to
     * @param head the OpusHead to write in the first page
     * @param serial the Ogg bitstream serial number
     * @param vendor the vendor string of the OpusTags page
     * @throws IOException if the stream cannot be written
     */
    public OggOpusWriter(OutputStream out, OpusHead head, long serial, String vendor) throws IOException {
        this.out = out;
        this.serial = serial & 0xFFFFFFFFL;
        out.write(OggPage.of(OggPage.BOS, 0, this.serial, sequence++, List.of(head.toBytes())).toBytes());
        byte[] v = vendor.getBytes(StandardCharsets.UTF_8);
        byte[] tags = new byte[8 + 4 + v.length + 4];
        System.arraycopy("OpusTags".getBytes(StandardCharsets.US_ASCII), 0, tags, 0, 8);
        Bytes.putLe32(tags, 8, v.length);
        System.arraycopy(v, 0, tags, 12, v.length);
        out.write(OggPage.of(0, 0, this.serial, sequence++, List.of(tags)).toBytes());
    }

    /**
     * Appends one Opus packet (at most 255 * 255 - 1 bytes).
     *
     * @param packet one Opus packet
     * @throws IOException if the stream cannot be written
     */
    public void writePacket(byte[] packet) throws IOException {
        if (packet.length >= 255 * 255) {
            throw new IllegalArgumentException("Opus packet too large for one page");
        }
        flush(false);
        pending = packet.clone();
    }

    private void flush(boolean last) throws IOException {
        if (pending == null) {
            if (last) { // an empty EOS page keeps the stream well-formed even without audio
                out.write(OggPage.of(OggPage.EOS, granule, serial, sequence++, List.of()).toBytes());
            }
            return;
        }
        granule += OpusToc.samples48k(pending, 0, pending.length);
        out.write(OggPage.of(last ? OggPage.EOS : 0, granule, serial, sequence++, List.of(pending)).toBytes());
        pending = null;
    }

    /** Writes the final page (EOS) and closes the stream. */
    @Override
    public void close() throws IOException {
        flush(true);
        out.close();
    }
}
