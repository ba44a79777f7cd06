package org.rtc4j.dtls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ConnectionEnd;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.crypto.TlsSecret;

/**
 * The AES-GCM record keys of an established DTLS 1.2 connection, taken from its key block
 * (RFC 5246 6.3: {@code PRF(master_secret, "key expansion", server_random + client_random)} =
 * client_write_key | server_write_key | client_write_IV | server_write_IV, the IVs being RFC 5288's
 * 4-byte salts), for {@link GcmRecordReader} and {@link GcmRecordWriter}.
 */
final class GcmKeys {
    /** After a full handshake both sides write in epoch 1; WebRTC never renegotiates. */
    static final int EPOCH = 1;

    private final byte[] readKey;
    private final byte[] readSalt;
    private final byte[] writeKey;
    private final byte[] writeSalt;
    private final int versionMajor;
    private final int versionMinor;
    /** Whether our flight ended the handshake (then the peer may still ask for it again). */
    final boolean weSentLastFlight;

    private GcmKeys(byte[] block, int keyLength, boolean client, int versionMajor, int versionMinor,
            boolean weSentLastFlight) {
        int clientKey = 0;
        int serverKey = keyLength;
        int clientSalt = 2 * keyLength;
        int serverSalt = clientSalt + 4;
        this.readKey = Arrays.copyOfRange(block, client ? serverKey : clientKey, (client ? serverKey : clientKey) + keyLength);
        this.writeKey = Arrays.copyOfRange(block, client ? clientKey : serverKey, (client ? clientKey : serverKey) + keyLength);
        this.readSalt = Arrays.copyOfRange(block, client ? serverSalt : clientSalt, (client ? serverSalt : clientSalt) + 4);
        this.writeSalt = Arrays.copyOfRange(block, client ? clientSalt : serverSalt, (client ? clientSalt : serverSalt) + 4);
        this.versionMajor = versionMajor;
        this.versionMinor = versionMinor;
        this.weSentLastFlight = weSentLastFlight;
    }

    /**
     * The keys of the connection {@code context} just established, or null when the suite is not
     * AES-GCM (ChaCha20-Poly1305 stays with BouncyCastle).
     */
    static GcmKeys forConnection(TlsContext context) throws IOException {
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
        boolean client = sp.getEntity() == ConnectionEnd.client;
        byte[] server = sp.getServerRandom();
        byte[] seed = Arrays.copyOf(server, server.length + sp.getClientRandom().length);
        System.arraycopy(sp.getClientRandom(), 0, seed, server.length, sp.getClientRandom().length);
        TlsSecret derived = sp.getMasterSecret().deriveUsingPRF(sp.getPRFAlgorithm(), "key expansion", seed,
                2 * keyLength + 8);
        byte[] block = derived.extract();
        try {
            // A full handshake ends with the server's flight, a resumed one with the client's.
            boolean last = client == sp.isResumedSession();
            return new GcmKeys(block, keyLength, client, sp.getNegotiatedVersion().getMajorVersion(),
                    sp.getNegotiatedVersion().getMinorVersion(), last);
        } finally {
            Arrays.fill(block, (byte) 0);
        }
    }

    /** Opens the peer's records; null if this JDK has no AES-GCM. */
    GcmRecordReader reader() {
        try {
            return new GcmRecordReader(readKey, readSalt, EPOCH, versionMajor, versionMinor);
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    /** Seals our records; null if this JDK has no AES-GCM. */
    GcmRecordWriter writer() {
        try {
            return new GcmRecordWriter(writeKey, writeSalt, EPOCH, versionMajor, versionMinor);
        } catch (GeneralSecurityException e) {
            return null;
        }
    }
}
