package org.rtc4j.rtp.ext;

import java.nio.charset.StandardCharsets;
import org.rtc4j.rtp.RtpParseException;

/** The SDES-item extensions mid, rid and repaired-rid: short ASCII strings. */
public final class SdesExtension {
    private SdesExtension() {
    }

    /** @return the encoded bytes of {@code value} (1-255 bytes; ≤16 to fit the one-byte form) */
    public static byte[] encode(String value) {
        byte[] b = value.getBytes(StandardCharsets.US_ASCII);
        if (b.length == 0 || b.length > 255) {
            throw new IllegalArgumentException("SDES extension value length " + b.length);
        }
        return b;
    }

    /** @return the decoded string; a trailing NUL (allowed by RFC 8852) is dropped */
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
