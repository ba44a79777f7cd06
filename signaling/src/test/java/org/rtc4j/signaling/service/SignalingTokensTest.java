package org.rtc4j.signaling.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * HS256 JWTs: the RFC 7515 vector, interop both ways with jjwt (an independent implementation),
 * and the tokens an attacker would try: "none", another algorithm, duplicate claims, critical
 * extensions, tampering, expiry at the boundary.
 */
class SignalingTokensTest {
    private static final String SECRET = "a-signaling-secret-of-32-bytes-or-more";
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final SignalingTokens tokens = new SignalingTokens(SECRET, CLOCK);

    @Test
    void verifiesTheHmacExampleOfRfc7515AppendixA1() throws Exception {
        byte[] key = Base64.getUrlDecoder().decode(
                "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow");
        String jws = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
                + ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
                + ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        ObjectNode claims = new Hs256Jws(key).verify(jws);
        assertThat(claims.get("iss").asText()).isEqualTo("joe");
        assertThat(claims.get("exp").asLong()).isEqualTo(1300819380L);
        assertThat(claims.get("http://example.com/is_root").asBoolean()).isTrue();
        // one bit of the MAC changed
        assertThatThrownBy(() -> new Hs256Jws(key).verify(jws.substring(0, jws.length() - 1) + "l"))
                .isInstanceOf(Hs256Jws.BadSignature.class);
    }

    @Test
    void mintsWhatItVerifiesAndHonoursTheRoomsAndExpiry() throws Exception {
        String t = tokens.mint(List.of("a", "b", "a"), Duration.ofMinutes(5));
        assertThat(tokens.verify(t)).containsExactlyInAnyOrder("a", "b");
        SignalingTokens later = new SignalingTokens(SECRET, Clock.fixed(NOW.plusSeconds(299), ZoneOffset.UTC));
        assertThat(later.verify(t)).containsExactlyInAnyOrder("a", "b");
        // RFC 7519 §4.1.4: not accepted on or after exp
        SignalingTokens atExpiry = new SignalingTokens(SECRET, Clock.fixed(NOW.plusSeconds(300), ZoneOffset.UTC));
        assertRefused(atExpiry, t, "token expired");
        assertRefused(tokens, new SignalingTokens("another-secret-that-is-also-32-bytes!!", CLOCK)
                .mint(List.of("a"), Duration.ofMinutes(5)), "invalid token signature");
    }

    @Test
    void jjwtVerifiesOurTokensAndWeVerifyJjwts() throws Exception {
        SecretKey key = new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        String ours = new SignalingTokens(SECRET).mint(List.of("room-1", "room-2"), Duration.ofMinutes(5));
        Claims c = Jwts.parser().verifyWith(key).build().parseSignedClaims(ours).getPayload();
        assertThat(c.get("rooms", List.class)).containsExactly("room-1", "room-2");
        assertThat(c.getExpiration()).isAfter(new Date());
        assertThat(c.getIssuedAt()).isBeforeOrEqualTo(new Date());

        String theirs = Jwts.builder().claim("rooms", List.of("x", "y")).issuedAt(Date.from(NOW))
                .expiration(Date.from(NOW.plusSeconds(60))).signWith(key, Jwts.SIG.HS256).compact();
        assertThat(tokens.verify(theirs)).containsExactlyInAnyOrder("x", "y");
        String early = Jwts.builder().claim("rooms", List.of("x")).notBefore(Date.from(NOW.plusSeconds(30)))
                .expiration(Date.from(NOW.plusSeconds(60))).signWith(key, Jwts.SIG.HS256).compact();
        assertRefused(tokens, early, "token not valid yet");
        String noExpiry = Jwts.builder().claim("rooms", List.of("x")).signWith(key, Jwts.SIG.HS256).compact();
        assertRefused(tokens, noExpiry, "token has no expiry");
    }

    @Test
    void refusesUnsignedAndOtherAlgorithmsWhateverTheHeaderSays() throws Exception {
        String claims = "{\"rooms\":[\"a\"],\"exp\":" + (NOW.getEpochSecond() + 60) + "}";
        // alg none with an empty signature: the classic
        assertRefused(tokens, b64("{\"alg\":\"none\"}") + "." + b64(claims) + ".", "token is not signed with HS256");
        // a real HS256 MAC under a header that claims HS512, or no alg at all, or alg not a string
        assertRefused(tokens, signed("{\"alg\":\"HS512\"}", claims), "token is not signed with HS256");
        assertRefused(tokens, signed("{\"typ\":\"JWT\"}", claims), "token is not signed with HS256");
        assertRefused(tokens, signed("{\"alg\":[\"HS256\"]}", claims), "token is not signed with HS256");
        assertRefused(tokens, signed("{\"alg\":\"hs256\"}", claims), "token is not signed with HS256");
        // extensions this verifier does not understand (RFC 7515 §4.1.11), e.g. unencoded payloads
        assertRefused(tokens, signed("{\"alg\":\"HS256\",\"b64\":false,\"crit\":[\"b64\"]}", claims), "malformed token");
        // the control: the same claims, properly signed
        assertThat(tokens.verify(signed("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", claims))).containsExactly("a");
    }

    @Test
    void refusesAmbiguousOrMalformedJsonEvenWhenSigned() throws Exception {
        long exp = NOW.getEpochSecond() + 60;
        // two exp members: one parser would take the first, another the last
        assertRefused(tokens, signed("{\"alg\":\"HS256\"}", "{\"rooms\":[\"a\"],\"exp\":1,\"exp\":" + exp + "}"),
                "malformed token");
        assertRefused(tokens, signed("{\"alg\":\"HS256\",\"alg\":\"HS256\"}", "{\"rooms\":[\"a\"],\"exp\":" + exp + "}"),
                "malformed token");
        assertRefused(tokens, signed("{\"alg\":\"HS256\"}", "{\"rooms\":[\"a\"],\"exp\":" + exp + "} {}"), "malformed token");
        assertRefused(tokens, signed("{\"alg\":\"HS256\"}", "[\"rooms\"]"), "malformed token");
        assertRefused(tokens, signed("{\"alg\":\"HS256\"}", "{\"rooms\":[\"a\"],\"exp\":\"" + exp + "\"}"), "malformed token");
        assertRefused(tokens, signed("{\"alg\":\"HS256\"}", "{\"rooms\":\"a\",\"exp\":" + exp + "}"),
                "token has no rooms claim");
        assertRefused(tokens, signed("{\"alg\":\"HS256\"}", "{\"rooms\":[\"a\",7],\"exp\":" + exp + "}"),
                "token has no rooms claim");
        assertRefused(tokens, signed("{\"alg\":\"HS256\"}", "{\"rooms\":[\"a\"]}"), "token has no expiry");
        // a NumericDate beyond what an Instant holds is the far future, as its issuer wrote
        assertThat(tokens.verify(signed("{\"alg\":\"HS256\"}", "{\"rooms\":[\"a\"],\"exp\":1e300}"))).containsExactly("a");
        assertRefused(tokens, signed("{\"alg\":\"HS256\"}", "{\"rooms\":[\"a\"],\"exp\":-1e300}"), "token expired");
        String deep = "{\"rooms\":[\"a\"],\"exp\":" + exp + ",\"x\":" + "[".repeat(20) + "]".repeat(20) + "}";
        assertRefused(tokens, signed("{\"alg\":\"HS256\"}", deep), "malformed token");
        // fractional NumericDate (RFC 7519 §2): valid until the fraction is past
        String frac = signed("{\"alg\":\"HS256\"}", "{\"rooms\":[\"a\"],\"exp\":" + NOW.getEpochSecond() + ".5}");
        assertThat(tokens.verify(frac)).containsExactly("a");
        assertRefused(new SignalingTokens(SECRET, Clock.fixed(NOW.plusMillis(500), ZoneOffset.UTC)), frac, "token expired");
    }

    @Test
    void refusesBrokenFormsWithOneClearReason() {
        String good = tokens.mint(List.of("a"), Duration.ofMinutes(5));
        String[] parts = good.split("\\.");
        assertRefused(tokens, null, "token missing");
        assertRefused(tokens, "  ", "token missing");
        assertRefused(tokens, "garbage", "malformed token");
        assertRefused(tokens, "not.a.jwt", "malformed token");
        assertRefused(tokens, good + ".x", "malformed token");
        assertRefused(tokens, parts[0] + "." + parts[1], "malformed token");
        assertRefused(tokens, parts[0] + "==." + parts[1] + "." + parts[2], "malformed token");
        assertRefused(tokens, "." + parts[1] + "." + parts[2], "malformed token");
        assertRefused(tokens, parts[0] + "." + parts[1] + "x." + parts[2], "invalid token signature");
        assertRefused(tokens, parts[0] + "." + parts[1] + "." + parts[2] + "=", "malformed token");
        assertRefused(tokens, parts[0] + "." + parts[1] + "." + parts[2] + "A", "invalid token signature");
        assertRefused(tokens, parts[0] + "." + parts[1] + ".", "invalid token signature");
        assertRefused(tokens, parts[0] + ".\u00ff\u00fe." + parts[2], "malformed token");
        assertRefused(tokens, parts[0] + "." + parts[1] + " ." + parts[2], "malformed token");
        assertRefused(tokens, "a".repeat(Hs256Jws.MAX_TOKEN_CHARS + 1), "malformed token");
        // header bytes that are not UTF-8
        assertRefused(tokens, B64.encodeToString(new byte[]{'{', (byte) 0xC3, '}'}) + "." + parts[1] + "." + parts[2],
                "malformed token");
    }

    @FuzzTest(maxDuration = "10s")
    void verifyRefusesAnythingButAGoodTokenWithItsOwnException(byte[] input) {
        String s = new String(input, StandardCharsets.UTF_8);
        try {
            tokens.verify(s);
            throw new AssertionError("accepted a token nobody signed: " + s);
        } catch (SignalingTokens.InvalidTokenException expected) {
            assertThat(expected.getMessage()).startsWith("authentication failed: ");
        }
    }

    private static void assertRefused(SignalingTokens t, String token, String reason) {
        assertThatThrownBy(() -> t.verify(token)).as("token %s", token)
                .isInstanceOf(SignalingTokens.InvalidTokenException.class)
                .hasMessage("authentication failed: " + reason);
    }

    private static String b64(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A compact JWS with this exact header and payload text and a correct HS256 MAC. */
    private static String signed(String header, String payload) throws Exception {
        String input = b64(header) + "." + b64(payload);
        Mac m = Mac.getInstance("HmacSHA256");
        m.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return input + "." + B64.encodeToString(m.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }
}
