package org.rtc4j;

import java.util.List;
import java.util.Objects;

/**
 * A STUN or TURN server the connection may use, as the W3C {@code RTCIceServer} dictionary
 * gives it: one or more URLs sharing a username and credential.
 */
public final class RTCIceServer {

    private final List<IceServerUrl> urls;
    private final String username;
    private final String credential;

    private RTCIceServer(List<IceServerUrl> urls, String username, String credential) {
        this.urls = urls;
        this.username = username;
        this.credential = credential;
    }

    /**
     * A server reached at {@code urls} with these credentials.
     *
     * @param urls       {@code stun:}, {@code stuns:}, {@code turn:} or {@code turns:} URLs
     * @param username   TURN username, or null for STUN-only servers
     * @param credential TURN password, or null for STUN-only servers
     * @throws RTCException {@code SyntaxError} for a URL that does not parse, and
     *                      {@code InvalidAccessError} for a TURN URL without credentials (as
     *                      the W3C constructor does)
     * @return the server; an empty {@code urls} list is a {@code SyntaxError} too
     */
    public static RTCIceServer of(List<String> urls, String username, String credential) {
        Objects.requireNonNull(urls, "urls");
        if (urls.isEmpty()) {
            throw RTCException.syntax("an ICE server needs at least one URL", null);
        }
        IceServerUrl[] parsed = new IceServerUrl[urls.size()];
        for (int i = 0; i < parsed.length; i++) {
            try {
                parsed[i] = IceServerUrl.parse(urls.get(i));
            } catch (IllegalArgumentException e) {
                throw RTCException.syntax(e.getMessage(), e);
            }
            if (parsed[i].scheme().isTurn() && (username == null || credential == null)) {
                throw RTCException.invalidAccess("TURN URL " + urls.get(i) + " needs a username and credential");
            }
        }
        return new RTCIceServer(List.of(parsed), username, credential);
    }

    /**
     * A STUN server (no credentials).
     *
     * @param url a {@code stun:} or {@code stuns:} URL
     * @return the server
     * @throws RTCException {@code SyntaxError} if the URL does not parse, {@code InvalidAccessError}
     *                      for a TURN URL (which needs credentials)
     */
    public static RTCIceServer stun(String url) {
        return of(List.of(url), null, null);
    }

    /**
     * A TURN server with long-term credentials.
     *
     * @param url        a {@code turn:} or {@code turns:} URL
     * @param username   the TURN username
     * @param credential the TURN password
     * @return the server
     * @throws RTCException {@code SyntaxError} if the URL does not parse, {@code InvalidAccessError}
     *                      if a credential is null
     */
    public static RTCIceServer turn(String url, String username, String credential) {
        return of(List.of(url), username, credential);
    }

    /**
     * The parsed URLs (W3C {@code urls}).
     *
     * @return the URLs in the order given; unmodifiable, at least one
     */
    public List<IceServerUrl> urls() {
        return urls;
    }

    /**
     * The TURN username, or null (W3C {@code username}).
     *
     * @return the username, or null for a STUN-only server
     */
    public String username() {
        return username;
    }

    /**
     * The TURN credential, or null (W3C {@code credential}).
     *
     * @return the password, or null for a STUN-only server; kept out of {@link #toString()}
     */
    public String credential() {
        return credential;
    }

    @Override
    public String toString() {
        // The credential stays out of logs.
        return "RTCIceServer" + urls + (username == null ? "" : " user=" + username);
    }
}
