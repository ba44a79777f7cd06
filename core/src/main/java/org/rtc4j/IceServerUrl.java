package org.rtc4j;

import java.util.Locale;
import java.util.Objects;

/**
 * One parsed STUN or TURN server URL (RFC 7064 {@code stun:}/{@code stuns:}, RFC 7065
 * {@code turn:}/{@code turns:}), with the defaults those RFCs give: port 3478, or 5349 for the
 * TLS schemes; TURN over UDP unless {@code ?transport=tcp}; {@code turns:} always over TLS/TCP.
 */
public final class IceServerUrl {

    /** The URL scheme. */
    public enum Scheme {
        /** STUN over UDP. */
        STUN,
        /** STUN over TLS. */
        STUNS,
        /** TURN over UDP or TCP. */
        TURN,
        /** TURN over TLS. */
        TURNS;

        /**
         * Whether this is a TURN scheme (a relay server needing credentials).
         *
         * @return true for {@link #TURN} and {@link #TURNS}
         */
        public boolean isTurn() {
            return this == TURN || this == TURNS;
        }

        /**
         * Whether the connection to the server is wrapped in TLS.
         *
         * @return true for {@link #STUNS} and {@link #TURNS}
         */
        public boolean isSecure() {
            return this == STUNS || this == TURNS;
        }
    }

    /** The transport to the server. */
    public enum Transport {
        /** Datagrams. */
        UDP,
        /** A stream (TLS over TCP for the secure schemes). */
        TCP
    }

    private final Scheme scheme;
    private final String host;
    private final int port;
    private final Transport transport;

    private IceServerUrl(Scheme scheme, String host, int port, Transport transport) {
        this.scheme = scheme;
        this.host = host;
        this.port = port;
        this.transport = transport;
    }

    /**
     * Parses a URL such as {@code stun:stun.example.org}, {@code turn:[::1]:3478?transport=tcp}
     * or {@code turns:turn.example.org:443}. The scheme is case-insensitive.
     *
     * @param url the URL; not null
     * @return the parsed URL, with the defaults filled in
     * @throws IllegalArgumentException naming what is wrong with it
     */
    public static IceServerUrl parse(String url) {
        Objects.requireNonNull(url, "url");
        int colon = url.indexOf(':');
        if (colon < 0) {
            throw bad(url, "no scheme");
        }
        Scheme scheme;
        try {
            scheme = Scheme.valueOf(url.substring(0, colon).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad(url, "scheme is not stun, stuns, turn or turns");
        }
        String rest = url.substring(colon + 1);
        String query = null;
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        if (rest.startsWith("//") || rest.contains("@") || rest.contains("/")) {
            throw bad(url, "expected scheme:host[:port] (RFC 7064/7065 take no '//', path or user part)");
        }
        String host;
        String portText = null;
        if (rest.startsWith("[")) {
            int end = rest.indexOf(']');
            if (end < 0) {
                throw bad(url, "unclosed IPv6 literal");
            }
            host = rest.substring(1, end);
            String after = rest.substring(end + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw bad(url, "junk after the IPv6 literal");
                }
                portText = after.substring(1);
            }
        } else {
            int c = rest.lastIndexOf(':');
            if (c >= 0) {
                host = rest.substring(0, c);
                portText = rest.substring(c + 1);
            } else {
                host = rest;
            }
            if (host.contains(":")) {
                throw bad(url, "an IPv6 address must be in brackets");
            }
        }
        if (host.isEmpty()) {
            throw bad(url, "no host");
        }
        int port = scheme.isSecure() ? 5349 : 3478;
        if (portText != null) {
            port = parsePort(url, portText);
        }
        Transport transport = scheme == Scheme.TURNS || scheme == Scheme.STUNS ? Transport.TCP : Transport.UDP;
        if (query != null) {
            if (!scheme.isTurn()) {
                throw bad(url, "a stun URL takes no query");
            }
            if (!query.startsWith("transport=")) {
                throw bad(url, "the only query a turn URL takes is transport=udp|tcp");
            }
            String t = query.substring("transport=".length()).toLowerCase(Locale.ROOT);
            if (t.equals("udp")) {
                if (scheme == Scheme.TURNS) {
                    throw bad(url, "turns is TLS over TCP; transport=udp does not apply");
                }
                transport = Transport.UDP;
            } else if (t.equals("tcp")) {
                transport = Transport.TCP;
            } else {
                throw bad(url, "transport must be udp or tcp");
            }
        }
        return new IceServerUrl(scheme, host, port, transport);
    }

    private static int parsePort(String url, String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
            throw bad(url, "port is not a number");
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) {
            throw bad(url, "port out of range");
        }
        return port;
    }

    private static IllegalArgumentException bad(String url, String why) {
        return new IllegalArgumentException("bad ICE server URL \"" + url + "\": " + why);
    }

    /**
     * The scheme.
     *
     * @return the scheme
     */
    public Scheme scheme() {
        return scheme;
    }

    /**
     * The host name or address literal (without IPv6 brackets).
     *
     * @return the host, not empty; names are not resolved here
     */
    public String host() {
        return host;
    }

    /**
     * The port, explicit or the scheme's default.
     *
     * @return 1-65535; 3478, or 5349 for {@code stuns:} and {@code turns:}, when not given
     */
    public int port() {
        return port;
    }

    /**
     * The transport to the server.
     *
     * @return {@link Transport#TCP} for the TLS schemes and {@code ?transport=tcp}, else
     *         {@link Transport#UDP}
     */
    public Transport transport() {
        return transport;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof IceServerUrl)) {
            return false;
        }
        IceServerUrl u = (IceServerUrl) o;
        return scheme == u.scheme && host.equals(u.host) && port == u.port && transport == u.transport;
    }

    @Override
    public int hashCode() {
        return Objects.hash(scheme, host, port, transport);
    }

    @Override
    public String toString() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        String s = scheme.name().toLowerCase(Locale.ROOT) + ":" + h + ":" + port;
        return scheme == Scheme.TURN ? s + "?transport=" + transport.name().toLowerCase(Locale.ROOT) : s;
    }
}
