package org.rtc4j.dtls;

import org.bouncycastle.tls.CipherSuite;

/** The suites we negotiate, in preference order, and their IANA names. */
final class CipherSuites {
    static final int[] ECDSA = {
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
    };
    static final int[] RSA = {
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
    };
    static final int[] ALL = {ECDSA[0], ECDSA[1], ECDSA[2], RSA[0], RSA[1], RSA[2]};

    private CipherSuites() {
    }

    /** Suites a server can select with a certificate of this key type. */
    static int[] forKeyType(RTCCertificate.KeyType keyType) {
        return keyType == RTCCertificate.KeyType.RSA_2048 ? RSA.clone() : ECDSA.clone();
    }

    static String name(int suite) {
        switch (suite) {
            case CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256:
                return "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";
            case CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384:
                return "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384";
            case CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256:
                return "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256";
            case CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256:
                return "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256";
            case CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384:
                return "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384";
            case CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256:
                return "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256";
            default:
                return String.format("0x%04X", suite);
        }
    }
}
