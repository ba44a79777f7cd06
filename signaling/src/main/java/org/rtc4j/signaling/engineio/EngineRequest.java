package org.rtc4j.signaling.engineio;

import java.net.SocketAddress;
import java.util.List;
import java.util.Map;

/**
 * What the handshake request of a session carried: its query parameters, headers and peer
 * address. Kept for middleware (e.g. reading a token from the query).
 *
 * @param query   decoded query parameters
 * @param headers request headers, lower-case names
 * @param remote  the client's address
 */
public record EngineRequest(Map<String, List<String>> query, Map<String, String> headers, SocketAddress remote) {
    /** First value of a query parameter or null. */
    public String param(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** A header value (name case-insensitive) or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
