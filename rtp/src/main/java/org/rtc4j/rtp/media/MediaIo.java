package org.rtc4j.rtp.media;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.rtc4j.rtp.RtpParseException;

/** Stream helpers shared by the media readers. */
final class MediaIo {
    /** Largest single frame/page/chunk a reader accepts, so a corrupt length cannot OOM us. */
    static final int MAX_ELEMENT = 16 << 20;

    private MediaIo() {
    }

    /**
     * Reads exactly {@code n} bytes.
     *
     * @return the bytes, or null if the stream ended before the first byte and {@code eofOk}
     */
    static byte[] readFully(InputStream in, int n, boolean eofOk) throws IOException {
        if (n < 0 || n > MAX_ELEMENT) {
            throw new RtpParseException("element size " + n + " out of range");
        }
        byte[] b = new byte[n];
        int got = 0;
        while (got < n) {
            int r = in.read(b, got, n - got);
            if (r < 0) {
                if (got == 0 && eofOk) {
                    return null;
                }
                throw new EOFException("truncated: wanted " + n + " bytes, got " + got);
            }
            got += r;
        }
        return b;
    }
}
