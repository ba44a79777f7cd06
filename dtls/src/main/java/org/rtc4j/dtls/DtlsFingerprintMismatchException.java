package org.rtc4j.dtls;

import java.util.List;

/**
 * The peer's certificate matched none of the fingerprints from its SDP: the handshake was aborted
 * with a {@code bad_certificate} alert and no application data flowed. Possibly a man in the middle.
 */
public final class DtlsFingerprintMismatchException extends DtlsException {
    private static final long serialVersionUID = 1L;

    private final transient RTCDtlsFingerprint actual;
    private final transient List<RTCDtlsFingerprint> expected;

    /**
     * Creates an exception naming the fingerprint found and the ones expected.
     *
     * @param actual   the peer certificate's fingerprint (in the first expected algorithm), or null if it sent none
     * @param expected the fingerprints the endpoint was told to accept
     */
    public DtlsFingerprintMismatchException(RTCDtlsFingerprint actual, List<RTCDtlsFingerprint> expected) {
        super(actual == null
                ? "peer presented no certificate; expected " + expected
                : "peer certificate fingerprint " + actual + " matches none of " + expected);
        this.actual = actual;
        this.expected = List.copyOf(expected);
    }

    /**
     * The fingerprint of what the peer presented.
     *
     * @return the peer certificate's fingerprint in the first expected algorithm, or null if it
     *     presented no certificate (also null after deserialization: the field is transient)
     */
    public RTCDtlsFingerprint getActual() {
        return actual;
    }

    /**
     * The fingerprints the endpoint accepted.
     *
     * @return an unmodifiable list of the expected fingerprints (null after deserialization: the
     *     field is transient)
     */
    public List<RTCDtlsFingerprint> getExpected() {
        return expected;
    }
}
