package org.rtc4j.dtls;

import java.security.cert.X509Certificate;

/** What a {@link DtlsEndpoint} reports through {@link DtlsEndpoint#pollEvent()}. */
public sealed interface DtlsEvent {

    /**
     * The handshake finished and the peer's certificate matched its SDP fingerprint.
     *
     * @param role              our DTLS role
     * @param cipherSuite       the IANA name of the negotiated suite, e.g. {@code TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256}
     * @param srtpProfile       the negotiated SRTP profile, or null if {@code use_srtp} was not negotiated (data channels only)
     * @param srtpKeys          the exported SRTP keys, or null together with {@code srtpProfile}
     * @param peerCertificate   the peer's (leaf) certificate
     * @param peerFingerprint   the expected fingerprint it matched
     */
    record Connected(DtlsRole role, String cipherSuite, SrtpProfile srtpProfile, SrtpKeyingMaterial srtpKeys,
            X509Certificate peerCertificate, RTCDtlsFingerprint peerFingerprint) implements DtlsEvent {
    }

    /**
     * Decrypted application data from one DTLS record (e.g. one SCTP packet).
     *
     * @param data the record's plaintext in a fresh array owned by the receiver; may be empty
     */
    record ApplicationData(byte[] data) implements DtlsEvent {
    }

    /**
     * The connection ended in an orderly way: we called {@link DtlsEndpoint#close()} or the peer
     * sent close_notify.
     *
     * @param byPeer true if the peer closed
     */
    record Closed(boolean byPeer) implements DtlsEvent {
    }

    /**
     * The connection failed; nothing more will be sent or delivered.
     *
     * @param reason why it failed, e.g. a {@link DtlsFingerprintMismatchException},
     *               {@link DtlsAlertException} or {@link DtlsTimeoutException}
     */
    record Failed(DtlsException reason) implements DtlsEvent {
    }
}
