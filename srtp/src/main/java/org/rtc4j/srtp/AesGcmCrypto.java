package org.rtc4j.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM for SRTP and SRTCP (RFC 7714). Works truly in place: SunJCE's GCM handles overlapping
 * input and output without a copy and releases no plaintext before the tag verifies, so a
 * forged packet is left as it was. GCM needs a fresh nonce per packet, so the cipher is
 * initialised per packet; the nonce parameter objects are reused, which leaves little more than
 * what SunJCE's GCM allocates internally per init.
 */
final class AesGcmCrypto extends PacketCrypto {
    static final int TAG = 16;

    private final Cipher gcm;
    /**
     * A plain key: SunJCE's GCM keeps a reference to the encoded key past init and wipes it, so
     * the {@link ReusableKey} trick that works for counter mode would corrupt later packets.
     */
    private final SecretKeySpec key;
    private final byte[] salt;
    private final byte[] ivA = new byte[12];
    private final byte[] ivB = new byte[12];
    private final ReusableGcmSpec specA = new ReusableGcmSpec(ivA);
    private final ReusableGcmSpec specB = new ReusableGcmSpec(ivB);
    private final byte[] indexWord = new byte[4];
    private boolean useB;

    AesGcmCrypto(byte[] sessionKey, byte[] sessionSalt) {
        try {
            this.gcm = Jca.cipher("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new SrtpException("AES/GCM unavailable", e);
        }
        this.key = new SecretKeySpec(sessionKey, "AES");
        this.salt = sessionSalt.clone();
    }

    /**
     * Sets the nonce for the next packet and returns its spec: salt XOR (00 00 | SSRC | 48-bit
     * word), where the word is ROC||SEQ for SRTP and 00 00||index for SRTCP (RFC 7714 8.1, 9.1).
     */
    private ReusableGcmSpec nonce(int ssrc, long word) {
        useB = !useB;
        byte[] iv = useB ? ivB : ivA;
        iv[0] = salt[0];
        iv[1] = salt[1];
        iv[2] = (byte) (salt[2] ^ (ssrc >>> 24));
        iv[3] = (byte) (salt[3] ^ (ssrc >>> 16));
        iv[4] = (byte) (salt[4] ^ (ssrc >>> 8));
        iv[5] = (byte) (salt[5] ^ ssrc);
        iv[6] = (byte) (salt[6] ^ (word >>> 40));
        iv[7] = (byte) (salt[7] ^ (word >>> 32));
        iv[8] = (byte) (salt[8] ^ (word >>> 24));
        iv[9] = (byte) (salt[9] ^ (word >>> 16));
        iv[10] = (byte) (salt[10] ^ (word >>> 8));
        iv[11] = (byte) (salt[11] ^ word);
        return useB ? specB : specA;
    }

    @Override
    int protectRtp(byte[] b, int off, int len, int hdr, int ssrc, long index, int cryptexCsrcs) {
        int aad = cryptexCsrcs < 0 ? hdr : 16;
        int plain = len - aad;
        if (cryptexCsrcs >= 0) {
            cryptexIn(b, off, cryptexCsrcs);
        }
        try {
            gcm.init(Cipher.ENCRYPT_MODE, key, nonce(ssrc, index));
            gcm.updateAAD(b, off, aad);
            gcm.doFinal(b, off + aad, plain, b, off + aad);
        } catch (GeneralSecurityException e) {
            throw new SrtpException("AES-GCM protect failed (packet index reused?)", e);
        } finally {
            if (cryptexCsrcs >= 0) {
                cryptexOut(b, off, cryptexCsrcs);
            }
        }
        return len + TAG;
    }

    @Override
    boolean unprotectRtp(byte[] b, int off, int len, int hdr, int ssrc, long index, int cryptexCsrcs) {
        int aad = cryptexCsrcs < 0 ? hdr : 16;
        int sealed = len - aad;
        if (cryptexCsrcs >= 0) {
            cryptexIn(b, off, cryptexCsrcs);
        }
        try {
            gcm.init(Cipher.DECRYPT_MODE, key, nonce(ssrc, index));
            gcm.updateAAD(b, off, aad);
            gcm.doFinal(b, off + aad, sealed, b, off + aad);
            return true;
        } catch (AEADBadTagException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new SrtpException("AES-GCM unprotect failed", e);
        } finally {
            if (cryptexCsrcs >= 0) {
                cryptexOut(b, off, cryptexCsrcs);
            }
        }
    }

    @Override
    int protectRtcp(byte[] b, int off, int len, int ssrc, int index) {
        int eIndex = 0x80000000 | index;
        putInt(indexWord, 0, eIndex);
        int plain = len - 8;
        try {
            gcm.init(Cipher.ENCRYPT_MODE, key, nonce(ssrc, index & 0xffffffffL));
            gcm.updateAAD(b, off, 8);
            gcm.updateAAD(indexWord, 0, 4);
            gcm.doFinal(b, off + 8, plain, b, off + 8);
        } catch (GeneralSecurityException e) {
            throw new SrtpException("AES-GCM protect failed (SRTCP index reused?)", e);
        }
        putInt(b, off + len + TAG, eIndex);
        return len + TAG + 4;
    }

    @Override
    boolean unprotectRtcp(byte[] b, int off, int len, int ssrc, int eIndex) {
        int indexAt = off + len - 4;
        try {
            gcm.init(Cipher.DECRYPT_MODE, key, nonce(ssrc, eIndex & 0x7fffffffL));
            if (eIndex < 0) {
                gcm.updateAAD(b, off, 8);
                gcm.updateAAD(b, indexAt, 4);
                gcm.doFinal(b, off + 8, len - 4 - 8, b, off + 8);
            } else {
                // E = 0: authenticated only; the whole packet and the index word are AAD.
                gcm.updateAAD(b, off, len - 4 - TAG);
                gcm.updateAAD(b, indexAt, 4);
                gcm.doFinal(b, indexAt - TAG, TAG, scratch(TAG), 0);
            }
            return true;
        } catch (AEADBadTagException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new SrtpException("AES-GCM unprotect failed", e);
        }
    }

    @Override
    int srtcpIndexPosition(int len) {
        return len - 4;
    }
}
