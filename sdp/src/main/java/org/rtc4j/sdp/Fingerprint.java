package org.rtc4j.sdp;

import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;

/**
 * {@code a=fingerprint:<hash-func> <AA:BB:...>} (RFC 8122) for any hash function.
 *
 * @param hashFunction as written, e.g. {@code sha-256}
 * @param fingerprint  the colon-separated hex as written
 */
public record Fingerprint(String hashFunction, String fingerprint) implements AttributeValue {

    /**
     * Builds the attribute from a digest, writing uppercase hex as browsers do.
     *
     * @param hashFunction the hash function name as it should be written, e.g. {@code sha-256}
     * @param digest       the certificate digest computed with that function; at least one byte
     *                     for the result to be valid
     * @return the fingerprint
     */
    public static Fingerprint of(String hashFunction, byte[] digest) {
        StringBuilder sb = new StringBuilder(digest.length * 3);
        for (int i = 0; i < digest.length; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(String.format("%02X", digest[i] & 0xff));
        }
        return new Fingerprint(hashFunction, sb.toString());
    }

    /**
     * Parses the attribute value.
     *
     * @param value the text after {@code a=fingerprint:}
     * @return the fingerprint
     * @throws SdpParseException if there are not two fields, the hash function is not a token or
     *                           the fingerprint is not colon-separated hex byte pairs
     *                           (line number 0)
     */
    public static Fingerprint parse(String value) throws SdpParseException {
        List<String> f = Fields.split(value);
        Fields.count(f, 2, 2, "fingerprint");
        Fields.token(f.get(0), "fingerprint hash function");
        String fp = f.get(1);
        if (fp.length() % 3 != 2) {
            throw SdpParseException.of("fingerprint must be hex byte pairs separated by colons");
        }
        for (int i = 0; i < fp.length(); i++) {
            char c = fp.charAt(i);
            boolean ok = i % 3 == 2 ? c == ':' : Character.digit(c, 16) >= 0;
            if (!ok) {
                throw SdpParseException.of("fingerprint must be hex byte pairs separated by colons");
            }
        }
        return new Fingerprint(f.get(0), fp);
    }

    /** @return the digest bytes */
    public byte[] bytes() {
        byte[] out = new byte[(fingerprint.length() + 1) / 3];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(fingerprint.substring(i * 3, i * 3 + 2), 16);
        }
        return out;
    }

    /** @return the hash function name lowercased, as {@code MessageDigest} names differ */
    public String normalizedHashFunction() {
        return hashFunction.toLowerCase(Locale.ROOT);
    }

    /**
     * Constant-time comparison with a computed certificate digest of the same hash. The hash
     * function itself is not compared; the caller computes the digest with
     * {@link #hashFunction()}.
     *
     * @param digest the digest of the peer's certificate
     * @return true if the digest has the same bytes as this fingerprint
     */
    public boolean matches(byte[] digest) {
        return MessageDigest.isEqual(bytes(), digest);
    }

    @Override
    public String attributeName() {
        return "fingerprint";
    }

    @Override
    public String format() {
        return hashFunction + " " + fingerprint;
    }
}
