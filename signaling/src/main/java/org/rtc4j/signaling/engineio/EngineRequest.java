package org.rtc4j.signaling.engineio;

import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the handshake request of a session carried: its query parameters, headers and peer
 * address (for middleware, e.g. reading a cookie or the Origin). Stored flat and with shared
 * strings for the usual names: one of these lives as long as each connection.
 */
public final class EngineRequest {
    /** Headers that only mattered for the handshake itself; not kept. */
    private static final Set<String> DROPPED = Set.of("upgrade", "connection", "sec-websocket-key",
            "sec-websocket-version", "sec-websocket-extensions", "content-length", "cache-control", "pragma");
    private static final Map<String, String> CANONICAL = canonical("EIO", "4", "transport", "websocket", "polling",
            "sid", "t", "b64", "j", "host", "origin", "user-agent", "accept", "accept-encoding", "accept-language",
            "cookie", "referer", "x-forwarded-for", "sec-fetch-site", "sec-fetch-mode", "sec-fetch-dest",
            "authorization", "content-type", "dnt", "127.0.0.1");

    private final String[] query;
    private final String[] headers;
    private final SocketAddress remote;

    /**
     * Copies what is kept of a handshake request. Header names are lower-cased; the headers that
     * only matter for the handshake itself (Upgrade, Connection, Sec-WebSocket-*, Content-Length,
     * Cache-Control, Pragma) are dropped.
     *
     * @param query   decoded query parameters, each name with its values in order
     * @param headers request headers (names are lower-cased)
     * @param remote  the client's address; may be null
     */
    public EngineRequest(Map<String, List<String>> query, Iterable<Map.Entry<String, String>> headers,
                         SocketAddress remote) {
        List<String> q = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            for (String v : e.getValue()) {
                q.add(canon(e.getKey()));
                q.add(canon(v));
            }
        }
        List<String> h = new ArrayList<>();
        for (Map.Entry<String, String> e : headers) {
            String name = canon(e.getKey().toLowerCase(Locale.ROOT));
            if (!DROPPED.contains(name)) {
                h.add(name);
                h.add(canon(e.getValue()));
            }
        }
        this.query = q.toArray(String[]::new);
        this.headers = h.toArray(String[]::new);
        this.remote = remote;
    }

    private static Map<String, String> canonical(String... s) {
        Map<String, String> m = new java.util.HashMap<>();
        for (String x : s) {
            m.put(x, x);
        }
        return m;
    }

    private static String canon(String s) {
        String c = CANONICAL.get(s);
        return c != null ? c : s;
    }

    /**
     * First value of a query parameter or null.
     *
     * @param name the parameter name, case-sensitive
     * @return its first decoded value, or null when the request had no such parameter
     */
    public String param(String name) {
        for (int i = 0; i < query.length; i += 2) {
            if (query[i].equals(name)) {
                return query[i + 1];
            }
        }
        return null;
    }

    /**
     * A header value (name case-insensitive; first occurrence) or null.
     *
     * @param name the header name, in any case
     * @return the value of its first occurrence, or null when absent or dropped
     */
    public String header(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equals(n)) {
                return headers[i + 1];
            }
        }
        return null;
    }

    /**
     * All query parameters.
     *
     * @return a new unmodifiable map from name to its values in request order, names in request
     *         order (it includes {@code EIO}, {@code transport} and the like)
     */
    public Map<String, List<String>> query() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < query.length; i += 2) {
            m.computeIfAbsent(query[i], k -> new ArrayList<>()).add(query[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * Headers kept from the handshake (lower-case names; handshake-only ones are dropped).
     *
     * @return a new unmodifiable map from lower-case name to the value of its first occurrence
     */
    public Map<String, String> headers() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            m.putIfAbsent(headers[i], headers[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * The client's address.
     *
     * @return the remote address of the handshake connection, as Netty reported it
     */
    public SocketAddress remote() {
        return remote;
    }
}
