package org.rtc4j.dtls;

import java.security.GeneralSecurityException;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opens the peer's AES-GCM application-data records after the handshake without going through
 * BouncyCastle's record layer (RFC 5246 6.2.3.3 with RFC 5288's nonce, DTLS record header of RFC
 * 6347 4.1).
 *
 * <p>Why: on a bulk data channel BouncyCastle's receive path cost more than the AES-GCM itself:
 * a fresh record buffer per read, two copies, wall-clock timeout bookkeeping and a flight of
 * objects per record. Here a record is decrypted straight from the datagram into the array that
 * becomes the event. Everything else (alerts, handshake retransmissions, other epochs) still goes
 * to BouncyCastle. Keys come from {@link GcmKeys}; the sending side is {@link GcmRecordWriter}.
 *
 * <p>The replay window is RFC 6347 4.1.2.6's: 64 records wide, updated only after a record
 * authenticates. Owner thread only.
 */
final class GcmRecordReader {
    static final int HEADER = 13;
    private static final int APPLICATION_DATA = 23;
    private static final int EXPLICIT_NONCE = 8;
    private static final int TAG = 16;
    private static final int WINDOW = 64;

    private final Cipher cipher;
    private final SecretKeySpec key;
    private final byte[] nonce = new byte[12];
    private final byte[] aad = new byte[13];
    private final int epoch;
    private final int versionMajor;
    private final int versionMinor;
    private long maxSeq = -1;
    private long window;
    private long replayed;
    private long forged;

    GcmRecordReader(byte[] key, byte[] salt, int epoch, int versionMajor, int versionMinor)
            throws GeneralSecurityException {
        this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        this.key = new SecretKeySpec(key, "AES");
        System.arraycopy(salt, 0, nonce, 0, 4);
        this.epoch = epoch;
        this.versionMajor = versionMajor;
        this.versionMinor = versionMinor;
    }

    /** Whether the record at {@code off} (header included) is one this reader opens. */
    boolean accepts(byte[] d, int off) {
        return (d[off] & 0xFF) == APPLICATION_DATA
                && (((d[off + 3] & 0xFF) << 8) | (d[off + 4] & 0xFF)) == epoch
                && (d[off + 1] & 0xFF) == versionMajor && (d[off + 2] & 0xFF) == versionMinor;
    }

    /**
     * Authenticates and decrypts one record this reader {@link #accepts}.
     *
     * @param d        the array holding the record; not modified
     * @param off      where its header starts
     * @param fragment the header's length field (the bytes after the header, all within {@code d})
     * @return the plaintext in a new array, or null if the record is a replay, too short or forged
     */
    byte[] open(byte[] d, int off, int fragment) {
        long seq = ((long) (d[off + 5] & 0xFF) << 40) | ((long) (d[off + 6] & 0xFF) << 32)
                | ((long) (d[off + 7] & 0xFF) << 24) | ((d[off + 8] & 0xFF) << 16) | ((d[off + 9] & 0xFF) << 8)
                | (d[off + 10] & 0xFF);
        int plaintext = fragment - EXPLICIT_NONCE - TAG;
        if (plaintext < 0) {
            forged++;
            return null;
        }
        if (isReplay(seq)) {
            replayed++;
            return null;
        }
        byte[] out = decrypt(d, off, plaintext);
        if (out == null) {
            forged++;
            return null;
        }
        accept(seq);
        return out;
    }

    /**
     * Decrypts a record without the replay check: the AEAD of RFC 5246 6.2.3.3 with the nonce of
     * RFC 5288 (salt | explicit nonce) and the header fields as additional data.
     *
     * @return the plaintext, or null if the record does not authenticate
     */
    byte[] decrypt(byte[] d, int off, int plaintext) {
        System.arraycopy(d, off + HEADER, nonce, 4, EXPLICIT_NONCE);
        System.arraycopy(d, off + 3, aad, 0, 8); // epoch and sequence number
        aad[8] = d[off];
        aad[9] = d[off + 1];
        aad[10] = d[off + 2];
        aad[11] = (byte) (plaintext >>> 8);
        aad[12] = (byte) plaintext;
        byte[] out = new byte[plaintext];
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG * 8, nonce));
            cipher.updateAAD(aad);
            cipher.doFinal(d, off + HEADER + EXPLICIT_NONCE, plaintext + TAG, out, 0);
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new DtlsException("AES-GCM record decryption failed", e);
        }
        return out;
    }

    /** Records dropped as replays (RFC 6347 4.1.2.6). */
    long replayed() {
        return replayed;
    }

    /** Records dropped because they did not authenticate or could not hold a tag. */
    long forged() {
        return forged;
    }

    private boolean isReplay(long seq) {
        if (seq > maxSeq) {
            return false;
        }
        long behind = maxSeq - seq;
        return behind >= WINDOW || (window & (1L << behind)) != 0;
    }

    private void accept(long seq) {
        if (seq > maxSeq) {
            long shift = seq - maxSeq;
            window = shift >= WINDOW ? 1L : (window << shift) | 1L;
            maxSeq = seq;
        } else {
            window |= 1L << (maxSeq - seq);
        }
    }
}
