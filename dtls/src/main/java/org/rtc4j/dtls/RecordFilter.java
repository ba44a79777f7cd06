package org.rtc4j.dtls;

import java.util.Arrays;

/**
 * Drops records BouncyCastle would turn into a fatal error although nobody authenticated them.
 *
 * <p>BouncyCastle 1.84 fails the whole connection (decode_error) when an encrypted record is
 * shorter than the AEAD's explicit nonce plus tag, before any authentication; one forged 14-byte
 * datagram would then tear down a working connection. RFC 6347 4.1.2.1 says invalid records are
 * to be discarded silently, so they are removed here, as are bytes after a record whose length
 * runs past the datagram.
 */
final class RecordFilter {
    private static final int HEADER = 13;

    private RecordFilter() {
    }

    /**
     * @param datagram      one datagram
     * @param minCiphertext smallest valid length of a record in an encrypted epoch (nonce + tag)
     * @return the datagram itself if all its records are plausible, a copy without the bad ones,
     *         or null if none remains
     */
    static byte[] sanitize(byte[] datagram, int minCiphertext) {
        int off = 0;
        int kept = 0;
        byte[] out = null;
        while (off < datagram.length) {
            if (datagram.length - off < HEADER) {
                break;
            }
            int epoch = ((datagram[off + 3] & 0xFF) << 8) | (datagram[off + 4] & 0xFF);
            int length = ((datagram[off + 11] & 0xFF) << 8) | (datagram[off + 12] & 0xFF);
            int end = off + HEADER + length;
            if (end > datagram.length) {
                break;
            }
            boolean ok = epoch == 0 || length >= minCiphertext;
            if (ok) {
                if (out != null) {
                    System.arraycopy(datagram, off, out, kept, end - off);
                }
                kept += end - off;
            } else if (out == null) {
                out = Arrays.copyOf(datagram, datagram.length);
            }
            off = end;
        }
        if (kept == 0) {
            return null;
        }
        if (out == null) {
            return kept == datagram.length ? datagram : Arrays.copyOf(datagram, kept);
        }
        return Arrays.copyOf(out, kept);
    }
}
