package org.rtc4j.signaling.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * HS256 JWTs (RFC 7519) for the signaling service: a {@code rooms} array claim (the rooms the
 * bearer may join), {@code iat} and {@code exp}. Minted by {@code rtc4j token}, checked on every
 * Socket.IO connect. Tokens from any other JWT library interoperate as long as they are HS256
 * with this secret, carry {@code exp} and a {@code rooms} array of strings; {@code nbf} is
 * honoured when present. Only HS256 is accepted, whatever the token's header says.
 */
public final class SignalingTokens {
    private final Hs256Jws jws;
    private final Clock clock;

    /**
     * Creates a minter and verifier for one secret.
     *
     * @param secret shared secret; HS256 needs at least 32 bytes (256 bits)
     * @param clock  time source for minting and expiry checks
     * @throws IllegalArgumentException if the secret's UTF-8 encoding is shorter than 32 bytes
     */
    public SignalingTokens(String secret, Clock clock) {
        byte[] b = secret.getBytes(StandardCharsets.UTF_8);
        if (b.length < 32) {
            throw new IllegalArgumentException("the signaling secret must be at least 32 bytes for HS256");
        }
        this.jws = new Hs256Jws(b);
        this.clock = clock;
    }

    /**
     * Creates a minter and verifier for one secret, on the system UTC clock.
     *
     * @param secret shared secret; HS256 needs at least 32 bytes (256 bits)
     * @throws IllegalArgumentException if the secret's UTF-8 encoding is shorter than 32 bytes
     */
    public SignalingTokens(String secret) {
        this(secret, Clock.systemUTC());
    }

    /**
     * Mints a token for these rooms, valid for {@code ttl}.
     *
     * @param rooms the rooms the bearer may join
     * @param ttl   how long the token stays valid, from now on the clock
     * @return the compact JWS, with {@code rooms}, {@code iat} and {@code exp} claims
     */
    public String mint(List<String> rooms, Duration ttl) {
        long now = clock.instant().getEpochSecond();
        ObjectNode claims = JsonNodeFactory.instance.objectNode();
        ArrayNode r = claims.putArray("rooms");
        rooms.forEach(room -> r.add(room));
        claims.put("iat", now);
        claims.put("exp", now + ttl.toSeconds());
        return jws.sign(claims);
    }

    /**
     * Verifies a token and returns its rooms.
     *
     * @param token the compact JWS, or null
     * @return the rooms of its {@code rooms} claim (an immutable set)
     * @throws InvalidTokenException with a message a user can act on: the token is null or blank,
     *                               expired, wrongly signed, malformed, or lacks {@code exp} or a
     *                               {@code rooms} array of strings
     */
    public Set<String> verify(String token) throws InvalidTokenException {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException("authentication failed: token missing");
        }
        ObjectNode claims;
        try {
            claims = jws.verify(token);
        } catch (Hs256Jws.BadSignature e) {
            throw new InvalidTokenException("authentication failed: invalid token signature");
        } catch (Hs256Jws.WrongAlgorithm e) {
            throw new InvalidTokenException("authentication failed: token is not signed with HS256");
        } catch (Hs256Jws.Malformed e) {
            throw new InvalidTokenException("authentication failed: malformed token");
        }
        Instant now = clock.instant();
        JsonNode exp = claims.get("exp");
        if (exp == null) {
            throw new InvalidTokenException("authentication failed: token has no expiry");
        }
        // RFC 7519 §4.1.4/§4.1.5: NumericDate seconds; valid while now is before exp and not
        // before nbf.
        if (!exp.isNumber()) {
            throw new InvalidTokenException("authentication failed: malformed token");
        }
        if (!now.isBefore(numericDate(exp))) {
            throw new InvalidTokenException("authentication failed: token expired");
        }
        JsonNode nbf = claims.get("nbf");
        if (nbf != null) {
            if (!nbf.isNumber()) {
                throw new InvalidTokenException("authentication failed: malformed token");
            }
            if (now.isBefore(numericDate(nbf))) {
                throw new InvalidTokenException("authentication failed: token not valid yet");
            }
        }
        JsonNode rooms = claims.get("rooms");
        if (rooms == null || !rooms.isArray()) {
            throw new InvalidTokenException("authentication failed: token has no rooms claim");
        }
        Set<String> out = new HashSet<>();
        for (JsonNode room : rooms) {
            if (!room.isTextual()) {
                throw new InvalidTokenException("authentication failed: token has no rooms claim");
            }
            out.add(room.textValue());
        }
        return Set.copyOf(out);
    }

    /** Seconds since the epoch, possibly fractional, clamped to what an Instant holds. */
    private static Instant numericDate(JsonNode n) {
        double s = n.doubleValue();
        if (!(s > -3.0e16)) {
            return Instant.MIN;
        }
        if (!(s < 3.0e16)) {
            return Instant.MAX;
        }
        long whole = (long) Math.floor(s);
        return Instant.ofEpochSecond(whole, (long) ((s - whole) * 1e9));
    }

    /** A token that is missing, forged, expired or malformed. */
    public static final class InvalidTokenException extends Exception {
        /**
         * Creates the exception.
         *
         * @param message the reason, starting with "authentication failed: "; sent to the client
         *                as the CONNECT_ERROR message
         */
        public InvalidTokenException(String message) {
            super(message);
        }
    }
}
