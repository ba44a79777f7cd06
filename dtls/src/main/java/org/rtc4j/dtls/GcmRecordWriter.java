package org.rtc4j.dtls;

import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals our AES-GCM records after the handshake without BouncyCastle's record layer: one exact-size
 * array per record, header and explicit nonce written in place (RFC 6347 4.1, RFC 5288).
 *
 * <p>It owns the epoch's sequence numbers from {@link #startAt}: records BouncyCastle still writes
 * afterwards (close_notify, alerts, a repeated Finished) are handed to {@link #reseal}, which opens
 * them with the same key and seals them again under the next number, so the peer never sees one
 * number twice. Owner thread only.
 */
final class GcmRecordWriter {
    private static final int HEADER = GcmRecordReader.HEADER;
    private static final int EXPLICIT_NONCE = 8;
    private static final int TAG = 16;
    private static final long MAX_SEQUENCE = (1L << 48) - 1;

    private final Cipher sealer;
    /** Opens BouncyCastle's records under the same key, for {@link #reseal}. */
    private final GcmRecordReader opener;
    private final SecretKeySpec key;
    private final byte[] salt;
    private final byte[] nonce = new byte[12];
    private final byte[] aad = new byte[13];
    private final int epoch;
    private final byte versionMajor;
    private final byte versionMinor;
    private long nextSeq;

    GcmRecordWriter(byte[] key, byte[] salt, int epoch, int versionMajor, int versionMinor)
            throws GeneralSecurityException {
        this.sealer = Cipher.getInstance("AES/GCM/NoPadding");
        this.opener = new GcmRecordReader(key, salt, epoch, versionMajor, versionMinor);
        this.key = new SecretKeySpec(key, "AES");
        this.salt = salt.clone();
        this.epoch = epoch;
        this.versionMajor = (byte) versionMajor;
        this.versionMinor = (byte) versionMinor;
    }

    /** Takes over the epoch's sequence numbers from {@code seq} on. */
    void startAt(long seq) {
        nextSeq = seq;
    }

    /** The sequence number the next record gets. */
    long nextSequence() {
        return nextSeq;
    }

    /**
     * One record of {@code type} carrying {@code data[off, off+len)}.
     *
     * @throws DtlsException if the epoch's sequence numbers are exhausted (2^48 records)
     */
    byte[] seal(int type, byte[] data, int off, int len) {
        long seq = nextSeq;
        if (seq > MAX_SEQUENCE) {
            throw new DtlsException("DTLS sequence numbers of epoch " + epoch + " exhausted");
        }
        nextSeq = seq + 1;
        byte[] out = new byte[HEADER + EXPLICIT_NONCE + len + TAG];
        out[0] = (byte) type;
        out[1] = versionMajor;
        out[2] = versionMinor;
        out[3] = (byte) (epoch >>> 8);
        out[4] = (byte) epoch;
        for (int i = 0; i < 6; i++) {
            out[5 + i] = (byte) (seq >>> (40 - 8 * i));
        }
        int fragment = EXPLICIT_NONCE + len + TAG;
        out[11] = (byte) (fragment >>> 8);
        out[12] = (byte) fragment;
        // The explicit nonce is the epoch and sequence number, as BouncyCastle and BoringSSL write it.
        System.arraycopy(out, 3, out, HEADER, EXPLICIT_NONCE);
        System.arraycopy(salt, 0, nonce, 0, 4);
        System.arraycopy(out, 3, nonce, 4, EXPLICIT_NONCE);
        System.arraycopy(out, 3, aad, 0, 8);
        aad[8] = (byte) type;
        aad[9] = versionMajor;
        aad[10] = versionMinor;
        aad[11] = (byte) (len >>> 8);
        aad[12] = (byte) len;
        try {
            sealer.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG * 8, nonce));
            sealer.updateAAD(aad);
            sealer.doFinal(data, off, len, out, HEADER + EXPLICIT_NONCE);
        } catch (GeneralSecurityException e) {
            throw new DtlsException("AES-GCM record encryption failed", e);
        }
        return out;
    }

    /**
     * A record BouncyCastle sealed in our epoch, sealed again under our next sequence number; null if
     * it is not one (then the caller sends it as it is) or does not open.
     */
    byte[] reseal(byte[] record, int off, int len) {
        if (len < HEADER + EXPLICIT_NONCE + TAG || (((record[off + 3] & 0xFF) << 8) | (record[off + 4] & 0xFF)) != epoch) {
            return null;
        }
        int plaintext = len - HEADER - EXPLICIT_NONCE - TAG;
        byte[] clear = opener.decrypt(record, off, plaintext);
        if (clear == null) {
            return null;
        }
        return seal(record[off] & 0xFF, clear, 0, plaintext);
    }
}
