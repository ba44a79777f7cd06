package org.rtc4j.dtls;

import java.time.Duration;
import java.util.List;

/** Certificates generated once per test run (RSA key generation is slow). */
final class Certs {
    static final RTCCertificate ECDSA_A = RTCCertificate.generate(RTCCertificate.KeyType.ECDSA_P256);
    static final RTCCertificate ECDSA_B = RTCCertificate.generate(RTCCertificate.KeyType.ECDSA_P256);
    static final RTCCertificate RSA_A = RTCCertificate.generate(RTCCertificate.KeyType.RSA_2048);
    static final RTCCertificate RSA_B = RTCCertificate.generate(RTCCertificate.KeyType.RSA_2048);

    private Certs() {
    }

    static RTCCertificate a(RTCCertificate.KeyType type) {
        return type == RTCCertificate.KeyType.RSA_2048 ? RSA_A : ECDSA_A;
    }

    static RTCCertificate b(RTCCertificate.KeyType type) {
        return type == RTCCertificate.KeyType.RSA_2048 ? RSA_B : ECDSA_B;
    }

    /** Config for {@code self} trusting {@code peer}, with fast retransmission for lossy tests. */
    static DtlsConfig.Builder config(DtlsRole role, RTCCertificate self, RTCCertificate peer) {
        return DtlsConfig.builder().role(role).certificate(self)
                .remoteFingerprints(peer.getFingerprints())
                .initialRetransmit(Duration.ofMillis(50))
                .handshakeTimeout(Duration.ofSeconds(20));
    }

    static List<SrtpProfile> only(SrtpProfile p) {
        return List.of(p);
    }
}
