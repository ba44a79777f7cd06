package org.rtc4j.signaling.engineio;

import java.util.Objects;

/**
 * The cookie the server sets on a session's handshake response, holding the sid (the reference
 * server's {@code cookie} option). Behind several nodes a load balancer can route on it, so that
 * every long-polling request of a session reaches the node that holds the session (HAProxy's
 * {@code cookie io prefix}, for one).
 *
 * @param name     the cookie name ({@code io} by default); an RFC 6265 token
 * @param path     the {@code Path} attribute ({@code /} by default); printable ASCII without
 *                 {@code ;}
 * @param httpOnly whether to add {@code HttpOnly}
 * @param sameSite {@code Strict}, {@code Lax} or {@code None}; {@code None} needs {@code secure}
 * @param secure   whether to add {@code Secure} (the cookie then travels only over HTTPS)
 */
public record EngineCookie(String name, String path, boolean httpOnly, String sameSite, boolean secure) {
    /**
     * Validates the attributes.
     *
     * @param name     the cookie name; an RFC 6265 token
     * @param path     the {@code Path} attribute; printable ASCII without {@code ;}
     * @param httpOnly whether to add {@code HttpOnly}
     * @param sameSite {@code Strict}, {@code Lax} or {@code None}
     * @param secure   whether to add {@code Secure}
     * @throws NullPointerException     if a string is null
     * @throws IllegalArgumentException if the name is not a token, the path has a {@code ;} or a
     *                                  control character, {@code sameSite} is another word, or it
     *                                  is {@code None} without {@code secure} (browsers drop such
     *                                  a cookie)
     */
    public EngineCookie {
        Objects.requireNonNull(name);
        Objects.requireNonNull(path);
        Objects.requireNonNull(sameSite);
        if (name.isEmpty() || !name.chars().allMatch(EngineCookie::tokenChar)) {
            throw new IllegalArgumentException("cookie name is not an RFC 6265 token: " + name);
        }
        if (path.isEmpty() || !path.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ';')) {
            throw new IllegalArgumentException("cookie path must be printable ASCII without ';': " + path);
        }
        if (!sameSite.equals("Strict") && !sameSite.equals("Lax") && !sameSite.equals("None")) {
            throw new IllegalArgumentException("sameSite must be Strict, Lax or None: " + sameSite);
        }
        if (sameSite.equals("None") && !secure) {
            throw new IllegalArgumentException("SameSite=None needs Secure");
        }
    }

    /**
     * The reference server's cookie when its option is {@code true}.
     *
     * @return {@code io}, path {@code /}, {@code HttpOnly}, {@code SameSite=Lax}, not secure
     */
    public static EngineCookie defaults() {
        return new EngineCookie("io", "/", true, "Lax", false);
    }

    /**
     * The {@code Set-Cookie} header value for a session.
     *
     * @param sid the session id (base64url characters, so a valid cookie value as it is)
     * @return for example {@code io=Xy_1...; Path=/; HttpOnly; SameSite=Lax}
     */
    public String header(String sid) {
        StringBuilder b = new StringBuilder(name).append('=').append(sid).append("; Path=").append(path);
        if (httpOnly) {
            b.append("; HttpOnly");
        }
        if (secure) {
            b.append("; Secure");
        }
        return b.append("; SameSite=").append(sameSite).toString();
    }

    // RFC 6265 §4.1.1 cookie-name = token (RFC 2616 §2.2): no CTLs, no separators.
    private static boolean tokenChar(int c) {
        return c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={} \t".indexOf(c) < 0;
    }
}
