package org.rtc4j.dtls;

import java.io.IOException;
import java.security.GeneralSecurityException;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.crypto.TlsSecret;

/**
 * Opens the peer's AES-GCM application-data records after the handshake without going through
 * BouncyCastle's record layer (RFC 5246 6.2.3.3 with RFC 5288's nonce, DTLS record header of RFC
 * 6347 4.1).
 *
 * <p>Why: on a bulk data channel BouncyCastle's receive path cost more than the AES-GCM itself:
 * a fresh record buffer per read, two copies, wall-clock timeout bookkeeping and a flight of
 * objects per record. Here a record is decrypted straight from the datagram into the array that
 * becomes the event. Everything else (alerts, handshake retransmissions, other epochs) still goes
 * to BouncyCastle, which also keeps doing all the sending.
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

    private GcmRecordReader(byte[] key, byte[] salt, int epoch, int versionMajor, int versionMinor)
            throws GeneralSecurityException {
        this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        this.key = new SecretKeySpec(key, "AES");
        System.arraycopy(salt, 0, nonce, 0, 4);
        this.epoch = epoch;
        this.versionMajor = versionMajor;
        this.versionMinor = versionMinor;
    }

    /**
     * The reader for the peer's records of the connection {@code context} just established, or
     * null when the suite is not AES-GCM (ChaCha20-Poly1305 stays with BouncyCastle).
     *
     * @param client whether we are the DTLS client (then we read with the server's write key)
     */
    static GcmRecordReader forConnection(TlsContext context, boolean client) throws IOException {
        SecurityParameters sp = context.getSecurityParametersConnection();
        int keyLength;
        switch (sp.getCipherSuite()) {
            case CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256:
            case CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256:
                keyLength = 16;
                break;
            case CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384:
            case CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384:
                keyLength = 32;
                break;
            default:
                return null;
        }
        // RFC 5246 6.3: key_block = PRF(master_secret, "key expansion", server_random + client_random)
        // = client_write_key | server_write_key | client_write_IV | server_write_IV (4-byte salts, RFC 5288).
        byte[] seed = concat(sp.getServerRandom(), sp.getClientRandom());
        TlsSecret derived = sp.getMasterSecret().deriveUsingPRF(sp.getPRFAlgorithm(), "key expansion", seed,
                2 * keyLength + 8);
        byte[] block = derived.extract();
        int keyOff = client ? keyLength : 0;
        int saltOff = 2 * keyLength + (client ? 4 : 0);
        byte[] key = java.util.Arrays.copyOfRange(block, keyOff, keyOff + keyLength);
        byte[] salt = java.util.Arrays.copyOfRange(block, saltOff, saltOff + 4);
        java.util.Arrays.fill(block, (byte) 0);
        try {
            // After a full handshake both sides write in epoch 1; WebRTC never renegotiates.
            return new GcmRecordReader(key, salt, 1, sp.getNegotiatedVersion().getMajorVersion(),
                    sp.getNegotiatedVersion().getMinorVersion());
        } catch (GeneralSecurityException e) {
            return null; // no AES-GCM in this JDK: BouncyCastle's path still works
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
        }
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
            forged++;
            return null;
        } catch (GeneralSecurityException e) {
            throw new DtlsException("AES-GCM record decryption failed", e);
        }
        accept(seq);
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

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
