package org.rtc4j.rtp.media;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.rtc4j.rtp.Bytes;

/** Writes IVF files; see {@link IvfReader} for the layout. */
public final class IvfWriter implements AutoCloseable {
    private final OutputStream out;
    private final byte[] frameHeader = new byte[12];

    /**
     * Writes the header.
     *
     * @param fourcc     VP80, VP90 or AV01
     * @param frameCount frame count to declare (readers treat it as a hint)
     * @param out the stream to write to
     * @param width frame width, in pixels
     * @param height frame height, in pixels
     * @param timebaseDenominator timebase denominator (e.g. 90000 for RTP video clocks)
     * @param timebaseNumerator timebase numerator (usually 1)
     * @throws IOException if the stream cannot be written
     */
    public IvfWriter(OutputStream out, String fourcc, int width, int height, int timebaseDenominator,
            int timebaseNumerator, long frameCount) throws IOException {
        byte[] tag = fourcc.getBytes(StandardCharsets.US_ASCII);
        if (tag.length != 4) {
            throw new IllegalArgumentException("fourcc " + fourcc);
        }
        this.out = out;
        byte[] h = new byte[32];
        h[0] = 'D';
        h[1] = 'K';
        h[2] = 'I';
        h[3] = 'F';
        Bytes.putLe16(h, 4, 0);
        Bytes.putLe16(h, 6, 32);
        System.arraycopy(tag, 0, h, 8, 4);
        Bytes.putLe16(h, 12, width);
        Bytes.putLe16(h, 14, height);
        Bytes.putLe32(h, 16, timebaseDenominator);
        Bytes.putLe32(h, 20, timebaseNumerator);
        Bytes.putLe32(h, 24, frameCount);
        out.write(h);
    }

    /**
     * Appends one frame.
     *
     * @param pts presentation time, in timebase units of the IVF header
     * @param data the frame
     * @param off offset of the frame in {@code data}
     * @param len length of the frame, in bytes
     * @throws IOException if the stream cannot be written
     */
    public void writeFrame(long pts, byte[] data, int off, int len) throws IOException {
        Bytes.putLe32(frameHeader, 0, len);
        Bytes.putLe64(frameHeader, 4, pts);
        out.write(frameHeader);
        out.write(data, off, len);
    }

    /**
     * Appends one frame.
     *
     * @param pts presentation time, in timebase units of the IVF header
     * @param data the frame
     * @throws IOException if the stream cannot be written
     */
    public void writeFrame(long pts, byte[] data) throws IOException {
        writeFrame(pts, data, 0, data.length);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
