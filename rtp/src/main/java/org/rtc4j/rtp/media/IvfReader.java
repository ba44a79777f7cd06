package org.rtc4j.rtp.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.rtc4j.rtp.Bytes;
import org.rtc4j.rtp.RtpParseException;

/**
 * Reads IVF files (VP8, VP9, AV1): a 32-byte "DKIF" header, then frames of a 12-byte header
 * (little-endian size and 64-bit presentation timestamp) plus data.
 */
public final class IvfReader implements AutoCloseable {
    /**
     * The file header.
     *
     * @param fourcc        codec tag: VP80, VP90 or AV01
     * @param width         frame width
     * @param height        frame height
     * @param timebaseDenominator time base denominator (e.g. 30 for 1/30 s ticks)
     * @param timebaseNumerator   time base numerator
     * @param frameCount    number of frames the writer declared (may be 0 or wrong)
     */
    public record Header(String fourcc, int width, int height, long timebaseDenominator, long timebaseNumerator,
            long frameCount) {
    }

    /**
     * One frame.
     *
     * @param pts  presentation timestamp in time base units
     * @param data the frame
     */
    public record IvfFrame(long pts, byte[] data) {
    }

    private final InputStream in;
    private final Header header;

    /**
     * Reads and validates the header.
     *
     * @param in the stream to read from, positioned at the start of the file
     * @throws RtpParseException if it is not an IVF stream
     * @throws IOException if the stream cannot be read
     */
    public IvfReader(InputStream in) throws IOException, RtpParseException {
        this.in = in;
        byte[] h = MediaIo.readFully(in, 32, false);
        if (h[0] != 'D' || h[1] != 'K' || h[2] != 'I' || h[3] != 'F') {
            throw new RtpParseException("not an IVF file");
        }
        int headerLen = Bytes.le16(h, 6);
        if (headerLen < 32) {
            throw new RtpParseException("IVF header length " + headerLen);
        }
        MediaIo.readFully(in, headerLen - 32, false);
        header = new Header(new String(h, 8, 4, StandardCharsets.US_ASCII), Bytes.le16(h, 12), Bytes.le16(h, 14),
                Bytes.le32(h, 16), Bytes.le32(h, 20), Bytes.le32(h, 24));
    }

    /** @return the file header */
    public Header header() {
        return header;
    }

    /**
     * @return the next frame, or null at end of file
     * @throws IOException if the stream cannot be read
     */
    public IvfFrame next() throws IOException, RtpParseException {
        byte[] fh = MediaIo.readFully(in, 12, true);
        if (fh == null) {
            return null;
        }
        long size = Bytes.le32(fh, 0);
        if (size > MediaIo.MAX_ELEMENT) {
            throw new RtpParseException("IVF frame size " + size);
        }
        return new IvfFrame(Bytes.le64(fh, 4), MediaIo.readFully(in, (int) size, false));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
