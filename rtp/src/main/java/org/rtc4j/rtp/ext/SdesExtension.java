package org.rtc4j.rtp.ext;

import java.nio.charset.StandardCharsets;
import org.rtc4j.rtp.RtpParseException;

/** The SDES-item extensions mid, rid and repaired-rid: short ASCII strings. */
public final class SdesExtension {
    private SdesExtension() {
    }

    /**
     * @param value the identifier (mid, rid); encoded as US-ASCII, non-ASCII characters become
     *              {@code ?}
     * @return the encoded bytes of {@code value} (1-255 bytes; ≤16 to fit the one-byte form)
     * @throws IllegalArgumentException if the encoded value is empty or longer than 255 bytes
     */
    public static byte[] encode(String value) {
        byte[] b = value.getBytes(StandardCharsets.US_ASCII);
        if (b.length == 0 || b.length > 255) {
            throw new IllegalArgumentException("SDES extension value length " + b.length);
        }
        return b;
    }

    /**
     * @param b   the array holding the extension element's data
     * @param off start of the data in {@code b}
     * @param len data length in bytes
     * @return the decoded string; a trailing NUL (allowed by RFC 8852) is dropped
     * @throws RtpParseException if {@code len} is less than 1 or the value holds a byte below
     *                           0x20 or above 0x7F
     */
    public static String read(byte[] b, int off, int len) throws RtpParseException {
        if (len < 1) {
            throw new RtpParseException("empty SDES extension");
        }
        while (len > 0 && b[off + len - 1] == 0) {
            len--;
        }
        for (int i = 0; i < len; i++) {
            if (b[off + i] < 0x20) {
                throw new RtpParseException("control character in SDES extension");
            }
        }
        return new String(b, off, len, StandardCharsets.US_ASCII);
    }
}
