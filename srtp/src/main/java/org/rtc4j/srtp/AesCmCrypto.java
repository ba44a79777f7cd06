package org.rtc4j.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;

/**
 * AES counter mode with HMAC-SHA1 (RFC 3711 sections 4.1.1 and 4.2.1). One counter-mode
 * {@link Cipher} is re-initialised per packet with a reused key and IV object (SunJCE's CTR uses
 * the pipelined AES-NI intrinsic, which beats generating keystream block by block), and HMAC runs
 * over a reused SHA-1 digest with precomputed pads.
 */
final class AesCmCrypto extends PacketCrypto {
    private final Cipher ctr;
    private final ReusableKey key;
    private final byte[] salt;
    private final byte[] iv = new byte[16];
    private final ReusableIvSpec ivSpec = new ReusableIvSpec(iv);
    private final HmacSha1 hmac;
    private final int rtpTag;
    private final int rtcpTag;
    private final byte[] mac = new byte[HmacSha1.LENGTH];
    private final byte[] roc = new byte[4];

    AesCmCrypto(byte[] sessionKey, byte[] sessionSalt, byte[] authKey, int rtpTag, int rtcpTag) {
        try {
            this.ctr = Jca.cipher("AES/CTR/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new SrtpException("AES/CTR unavailable", e);
        }
        this.key = new ReusableKey(sessionKey);
        this.salt = sessionSalt.clone();
        this.hmac = new HmacSha1(authKey);
        this.rtpTag = rtpTag;
        this.rtcpTag = rtcpTag;
    }

    /** IV = salt * 2^16 XOR SSRC * 2^64 XOR index * 2^16 (RFC 3711 section 4.1.1). */
    private void setIv(int ssrc, long index) {
        System.arraycopy(salt, 0, iv, 0, 14);
        iv[14] = 0;
        iv[15] = 0;
        iv[4] ^= (byte) (ssrc >>> 24);
        iv[5] ^= (byte) (ssrc >>> 16);
        iv[6] ^= (byte) (ssrc >>> 8);
        iv[7] ^= (byte) ssrc;
        iv[8] ^= (byte) (index >>> 40);
        iv[9] ^= (byte) (index >>> 32);
        iv[10] ^= (byte) (index >>> 24);
        iv[11] ^= (byte) (index >>> 16);
        iv[12] ^= (byte) (index >>> 8);
        iv[13] ^= (byte) index;
    }

    private void crypt(byte[] b, int from, int length) {
        if (length == 0) {
            return;
        }
        byte[] out = scratch(length);
        try {
            ctr.init(Cipher.ENCRYPT_MODE, key, ivSpec);
            ctr.doFinal(b, from, length, out, 0);
        } catch (GeneralSecurityException e) {
            throw new SrtpException("AES-CM failed", e);
        }
        System.arraycopy(out, 0, b, from, length);
    }

    private void cryptRtp(byte[] b, int off, int len, int hdr, int cryptexCsrcs) {
        if (cryptexCsrcs < 0) {
            crypt(b, off + hdr, len - hdr);
        } else {
            cryptexIn(b, off, cryptexCsrcs);
            crypt(b, off + 16, len - 16);
            cryptexOut(b, off, cryptexCsrcs);
        }
    }

    private static boolean tagMatches(byte[] mac, byte[] b, int at, int tagLength) {
        int diff = 0;
        for (int i = 0; i < tagLength; i++) {
            diff |= mac[i] ^ b[at + i];
        }
        return diff == 0;
    }

    private void rtpMac(byte[] b, int off, int len, long index) {
        putInt(roc, 0, (int) (index >>> 16));
        hmac.start();
        hmac.update(b, off, len);
        hmac.update(roc, 0, 4);
        hmac.finish(mac);
    }

    @Override
    int protectRtp(byte[] b, int off, int len, int hdr, int ssrc, long index, int cryptexCsrcs) {
        setIv(ssrc, index);
        cryptRtp(b, off, len, hdr, cryptexCsrcs);
        rtpMac(b, off, len, index);
        System.arraycopy(mac, 0, b, off + len, rtpTag);
        return len + rtpTag;
    }

    @Override
    boolean unprotectRtp(byte[] b, int off, int len, int hdr, int ssrc, long index, int cryptexCsrcs) {
        int body = len - rtpTag;
        rtpMac(b, off, body, index);
        if (!tagMatches(mac, b, off + body, rtpTag)) {
            return false;
        }
        setIv(ssrc, index);
        cryptRtp(b, off, body, hdr, cryptexCsrcs);
        return true;
    }

    @Override
    int protectRtcp(byte[] b, int off, int len, int ssrc, int index) {
        setIv(ssrc, index);
        crypt(b, off + 8, len - 8);
        putInt(b, off + len, 0x80000000 | index);
        hmac.start();
        hmac.update(b, off, len + 4);
        hmac.finish(mac);
        System.arraycopy(mac, 0, b, off + len + 4, rtcpTag);
        return len + 4 + rtcpTag;
    }

    @Override
    boolean unprotectRtcp(byte[] b, int off, int len, int ssrc, int eIndex) {
        int authenticated = len - rtcpTag;
        hmac.start();
        hmac.update(b, off, authenticated);
        hmac.finish(mac);
        if (!tagMatches(mac, b, off + authenticated, rtcpTag)) {
            return false;
        }
        if (eIndex < 0) {
            setIv(ssrc, eIndex & 0x7fffffff);
            crypt(b, off + 8, authenticated - 4 - 8);
        }
        return true;
    }

    @Override
    int srtcpIndexPosition(int len) {
        return len - rtcpTag - 4;
    }
}
