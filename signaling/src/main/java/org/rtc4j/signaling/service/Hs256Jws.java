package org.rtc4j.signaling.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The compact JWS serialization (RFC 7515 §7.1) with HMAC SHA-256 (RFC 7518 §3.2), and nothing
 * else: the one algorithm is fixed by the verifier, never taken from the token, so "none" and
 * algorithm substitution cannot get in. JSON is read strictly (UTF-8 only, duplicate members and
 * trailing content refused, shallow nesting), because a parser that keeps the second of two
 * {@code exp} members reads a different token from one that keeps the first.
 */
final class Hs256Jws {
    /** Far above any token the service mints (a few hundred bytes for dozens of rooms). */
    static final int MAX_TOKEN_CHARS = 8192;
    private static final String HEADER = "{\"alg\":\"HS256\"}";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).build());
    }

    private final SecretKeySpec key;

    /** @param key the HMAC key; the caller enforces its minimum length */
    Hs256Jws(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** Signs these claims: {@code BASE64URL({"alg":"HS256"}) . BASE64URL(claims) . BASE64URL(MAC)}. */
    String sign(ObjectNode claims) {
        String input = B64.encodeToString(HEADER.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return input + "." + mac(input);
    }

    /**
     * Checks the form, the header and the MAC, in that order, and only then reads the payload.
     *
     * @return the claims object
     * @throws Malformed      if the token is not a compact JWS with JSON object header and payload,
     *                        or its header carries {@code crit}
     * @throws WrongAlgorithm if the header's {@code alg} is anything but {@code HS256}
     * @throws BadSignature   if the MAC does not match
     */
    ObjectNode verify(String token) throws Malformed, WrongAlgorithm, BadSignature {
        if (token.length() > MAX_TOKEN_CHARS) {
            throw new Malformed("longer than " + MAX_TOKEN_CHARS + " characters");
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean b64url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!b64url && c != '.') {
                throw new Malformed("character " + (int) c + " at " + i + " is not base64url");
            }
        }
        int dot1 = token.indexOf('.');
        int dot2 = dot1 < 0 ? -1 : token.indexOf('.', dot1 + 1);
        if (dot2 < 0 || token.indexOf('.', dot2 + 1) >= 0) {
            throw new Malformed("not three dot-separated parts");
        }
        ObjectNode header = object(token.substring(0, dot1), "header");
        JsonNode alg = header.get("alg");
        if (alg == null || !alg.isTextual() || !alg.textValue().equals("HS256")) {
            throw new WrongAlgorithm(alg == null ? "no alg" : "alg " + alg);
        }
        // RFC 7515 §4.1.11: extensions the recipient does not understand must be refused; this
        // verifier understands none.
        if (header.has("crit")) {
            throw new Malformed("critical header parameters " + header.get("crit"));
        }
        String input = token.substring(0, dot2);
        byte[] expected = mac(input).getBytes(StandardCharsets.US_ASCII);
        // Compared as text, in constant time: only the one canonical encoding of the MAC passes.
        if (!MessageDigest.isEqual(expected, token.substring(dot2 + 1).getBytes(StandardCharsets.US_ASCII))) {
            throw new BadSignature();
        }
        return object(token.substring(dot1 + 1, dot2), "payload");
    }

    private String mac(String signingInput) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            return B64.encodeToString(m.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            // every Java SE runtime has HmacSHA256, and the key is a plain byte array
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static ObjectNode object(String part, String what) throws Malformed {
        if (part.isEmpty()) {
            throw new Malformed(what + " is empty");
        }
        String json;
        try {
            byte[] raw = B64D.decode(part);
            json = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw new Malformed(what + " is not base64url of UTF-8");
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new Malformed(what + " is not JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode o)) {
            throw new Malformed(what + " is not a JSON object");
        }
        return o;
    }

    /** The token is not a well-formed compact JWS this verifier accepts. */
    static final class Malformed extends Exception {
        Malformed(String why) {
            super(why, null, false, false);
        }
    }

    /** The header names an algorithm other than HS256. */
    static final class WrongAlgorithm extends Exception {
        WrongAlgorithm(String why) {
            super(why, null, false, false);
        }
    }

    /** The MAC does not match this key. */
    static final class BadSignature extends Exception {
        BadSignature() {
            super("MAC mismatch", null, false, false);
        }
    }
}
