package org.rtc4j.sctp;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The State Cookie of RFC 9260 §5.1.3: everything needed to build the association when the
 * COOKIE-ECHO arrives, so the passive side keeps no state before that. HMAC-SHA256 signed with a
 * per-endpoint secret; the MAC and the timestamp make forged or stale cookies useless.
 */
record StateCookie(int localTag, int localTsn, int peerTag, int peerTsn, long peerRwnd, int outboundStreams,
        int inboundStreams, boolean forwardTsn, boolean reconfig, boolean zeroChecksum, long createdAt) {

    private static final int BODY = 4 + 4 + 4 + 4 + 4 + 2 + 2 + 1 + 8;
    private static final int MAC = 32;

    byte[] sign(byte[] key) {
        byte[] out = new byte[BODY + MAC];
        Bytes.put32(out, 0, localTag);
        Bytes.put32(out, 4, localTsn);
        Bytes.put32(out, 8, peerTag);
        Bytes.put32(out, 12, peerTsn);
        Bytes.put32(out, 16, (int) peerRwnd);
        Bytes.put16(out, 20, outboundStreams);
        Bytes.put16(out, 22, inboundStreams);
        out[24] = (byte) ((forwardTsn ? 1 : 0) | (reconfig ? 2 : 0) | (zeroChecksum ? 4 : 0));
        Bytes.put64(out, 25, createdAt);
        System.arraycopy(mac(key, out, BODY), 0, out, BODY, MAC);
        return out;
    }

    /**
     * @return the cookie if its MAC is ours and it is younger than {@code lifetimeMs}
     * @throws SctpParseException if it is forged, damaged or stale
     */
    static StateCookie verify(byte[] key, byte[] b, int off, int len, long now, long lifetimeMs)
            throws SctpParseException {
        if (len != BODY + MAC) {
            throw new SctpParseException("state cookie of wrong length " + len);
        }
        byte[] expected = mac(key, java.util.Arrays.copyOfRange(b, off, off + BODY), BODY);
        byte[] got = java.util.Arrays.copyOfRange(b, off + BODY, off + BODY + MAC);
        if (!MessageDigest.isEqual(expected, got)) {
            throw new SctpParseException("state cookie MAC mismatch");
        }
        long created = Bytes.i64(b, off + 25);
        if (now - created > lifetimeMs || created - now > lifetimeMs) {
            throw new SctpParseException("stale state cookie");
        }
        int f = b[off + 24];
        return new StateCookie(Bytes.i32(b, off), Bytes.i32(b, off + 4), Bytes.i32(b, off + 8), Bytes.i32(b, off + 12),
                Bytes.u32(b, off + 16), Bytes.u16(b, off + 20), Bytes.u16(b, off + 22), (f & 1) != 0, (f & 2) != 0,
                (f & 4) != 0, created);
    }

    private static byte[] mac(byte[] key, byte[] data, int len) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            m.update(data, 0, len);
            return m.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
