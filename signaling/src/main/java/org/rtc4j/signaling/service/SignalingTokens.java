package org.rtc4j.signaling.service;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.SignatureException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * HS256 JWTs for the signaling service: a {@code rooms} array claim (the rooms the bearer may
 * join) and {@code exp}. Minted by {@code rtc4j token}, checked on every Socket.IO connect.
 */
public final class SignalingTokens {
    private final SecretKey key;
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
        this.key = new SecretKeySpec(b, "HmacSHA256");
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
        Instant now = clock.instant();
        return Jwts.builder()
                .claim("rooms", List.copyOf(rooms))
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(ttl)))
                .signWith(key, Jwts.SIG.HS256)
                .compact();
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
        Claims claims;
        try {
            claims = Jwts.parser()
                    .verifyWith(key)
                    .clock(() -> Date.from(clock.instant()))
                    .build()
                    .parseSignedClaims(token)
                    .getPayload();
        } catch (ExpiredJwtException e) {
            throw new InvalidTokenException("authentication failed: token expired");
        } catch (SignatureException e) {
            throw new InvalidTokenException("authentication failed: invalid token signature");
        } catch (JwtException | IllegalArgumentException e) {
            throw new InvalidTokenException("authentication failed: malformed token");
        }
        if (claims.getExpiration() == null) {
            throw new InvalidTokenException("authentication failed: token has no expiry");
        }
        Object rooms = claims.get("rooms");
        if (!(rooms instanceof List<?> l) || !l.stream().allMatch(String.class::isInstance)) {
            throw new InvalidTokenException("authentication failed: token has no rooms claim");
        }
        return Set.copyOf(l.stream().map(String.class::cast).toList());
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
