package org.rtc4j.dtls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Objects;

/**
 * A certificate fingerprint as carried in SDP ({@code a=fingerprint:sha-256 AB:CD:...}, RFC 8122)
 * and in the W3C {@code RTCDtlsFingerprint} dictionary.
 *
 * <p>Algorithms: {@code sha-1}, {@code sha-224}, {@code sha-256}, {@code sha-384},
 * {@code sha-512}. The value is upper-case hex pairs joined by colons; comparison ignores case.
 */
public final class RTCDtlsFingerprint {
    private static final String[] ALGORITHMS = {"sha-1", "sha-224", "sha-256", "sha-384", "sha-512"};

    private final String algorithm;
    private final String value;

    /**
     * Creates a fingerprint from its two SDP fields, normalized to lower-case algorithm and
     * upper-case value.
     *
     * @param algorithm one of the supported hash names, e.g. {@code sha-256} (case-insensitive)
     * @param value     colon-separated hex bytes (either case, surrounding whitespace ignored)
     * @throws IllegalArgumentException for an unknown algorithm or a value that is not hex pairs of
     *                                  the right count
     */
    public RTCDtlsFingerprint(String algorithm, String value) {
        this.algorithm = normalizeAlgorithm(algorithm);
        this.value = normalizeValue(this.algorithm, value);
    }

    /**
     * Computes the fingerprint of DER-encoded certificate bytes.
     *
     * @param algorithm one of the supported hash names, e.g. {@code sha-256} (case-insensitive)
     * @param der       the DER-encoded certificate
     * @return the fingerprint
     * @throws IllegalArgumentException for an unknown algorithm
     */
    public static RTCDtlsFingerprint of(String algorithm, byte[] der) {
        String alg = normalizeAlgorithm(algorithm);
        byte[] digest = digest(alg).digest(der);
        StringBuilder sb = new StringBuilder(digest.length * 3);
        for (int i = 0; i < digest.length; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(Character.toUpperCase(Character.forDigit((digest[i] >> 4) & 0xF, 16)));
            sb.append(Character.toUpperCase(Character.forDigit(digest[i] & 0xF, 16)));
        }
        return new RTCDtlsFingerprint(alg, sb.toString());
    }

    /**
     * Parses the SDP form {@code "sha-256 AB:CD:..."} (the part after {@code a=fingerprint:}).
     *
     * @param sdpValue the algorithm, a space and the hex value; surrounding whitespace is ignored
     * @return the fingerprint
     * @throws IllegalArgumentException if null or malformed
     */
    public static RTCDtlsFingerprint parse(String sdpValue) {
        if (sdpValue == null) {
            throw new IllegalArgumentException("fingerprint is null");
        }
        String s = sdpValue.trim();
        int sp = s.indexOf(' ');
        if (sp <= 0) {
            throw new IllegalArgumentException("fingerprint needs '<algorithm> <hex>': " + sdpValue);
        }
        return new RTCDtlsFingerprint(s.substring(0, sp), s.substring(sp + 1).trim());
    }

    /**
     * Whether this fingerprint matches DER-encoded certificate bytes; compared in constant time.
     *
     * @param der the DER-encoded certificate
     * @return true if the certificate's digest with this algorithm equals this value
     */
    public boolean matches(byte[] der) {
        return MessageDigest.isEqual(
                of(algorithm, der).value.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                value.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /**
     * The hash name in SDP spelling, lower case.
     *
     * @return one of {@code sha-1}, {@code sha-224}, {@code sha-256}, {@code sha-384},
     *     {@code sha-512}
     */
    public String getAlgorithm() {
        return algorithm;
    }

    /**
     * The digest value.
     *
     * @return upper-case colon-separated hex pairs, e.g. {@code AB:CD:...}
     */
    public String getValue() {
        return value;
    }

    /**
     * The SDP form, {@code "sha-256 AB:CD:..."}.
     *
     * @return the algorithm, a space and the value, as after {@code a=fingerprint:}
     */
    public String toSdp() {
        return algorithm + " " + value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RTCDtlsFingerprint f && f.algorithm.equals(algorithm) && f.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, value);
    }

    @Override
    public String toString() {
        return toSdp();
    }

    private static String normalizeAlgorithm(String algorithm) {
        if (algorithm != null) {
            String a = algorithm.trim().toLowerCase(Locale.ROOT);
            for (String known : ALGORITHMS) {
                if (known.equals(a)) {
                    return known;
                }
            }
        }
        throw new IllegalArgumentException("unsupported fingerprint algorithm: " + algorithm);
    }

    private static String normalizeValue(String algorithm, String value) {
        if (value == null) {
            throw new IllegalArgumentException("fingerprint value is null");
        }
        String v = value.trim().toUpperCase(Locale.ROOT);
        int expectedBytes = digest(algorithm).getDigestLength();
        if (v.length() != expectedBytes * 3 - 1) {
            throw new IllegalArgumentException("fingerprint value for " + algorithm + " must have "
                    + expectedBytes + " hex pairs: " + value);
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean ok = i % 3 == 2 ? c == ':' : Character.digit(c, 16) >= 0;
            if (!ok) {
                throw new IllegalArgumentException("malformed fingerprint value: " + value);
            }
        }
        return v;
    }

    private static MessageDigest digest(String sdpAlgorithm) {
        try {
            return MessageDigest.getInstance(sdpAlgorithm.toUpperCase(Locale.ROOT));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + sdpAlgorithm, e);
        }
    }
}
