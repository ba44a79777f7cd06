package org.rtc4j.rtp.media;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes H.264/H.265 Annex-B elementary streams. */
public final class AnnexBWriter implements AutoCloseable {
    private static final byte[] START_CODE = {0, 0, 0, 1};
    private final OutputStream out;

    /** @param out destination stream */
    public AnnexBWriter(OutputStream out) {
        this.out = out;
    }

    /**
     * Appends an access unit that is already in Annex-B form (as depacketizers produce).
     *
     * @param annexB the stream to write the Annex-B byte stream to
     * @throws IOException if the stream cannot be written
     */
    public void writeAccessUnit(byte[] annexB) throws IOException {
        out.write(annexB);
    }

    /**
     * Appends NAL units (without start codes), each prefixed by a 4-byte start code.
     *
     * @param nals the NAL units of one access unit, without start codes
     * @throws IOException if the stream cannot be written
     */
    public void writeNalUnits(List<byte[]> nals) throws IOException {
        for (byte[] n : nals) {
            out.write(START_CODE);
            out.write(n);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
