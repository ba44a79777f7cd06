package org.rtc4j.sdp;

import java.util.List;

/**
 * The {@code o=} line: {@code <username> <sess-id> <sess-version> <nettype> <addrtype> <address>}.
 *
 * <p>Session id and version are kept as decimal strings: RFC 8866 allows more digits than a long.
 *
 * @param username       the user name, {@code -} when there is none
 * @param sessionId      the session id as decimal digits (up to 64 when parsed)
 * @param sessionVersion the session version as decimal digits (up to 64 when parsed)
 * @param netType        the network type, {@code IN}
 * @param addrType       the address type, {@code IP4} or {@code IP6}
 * @param address        the address of the originating host as written
 */
public record Origin(String username, String sessionId, String sessionVersion,
                     String netType, String addrType, String address) {

    /**
     * An origin with network type {@code IN} and address type {@code IP6} if the address
     * contains a colon, else {@code IP4}.
     *
     * @param username       the user name, {@code -} for none
     * @param sessionId      the session id; should be non-negative, as a negative one fails when
     *                       the description is built
     * @param sessionVersion the session version; likewise non-negative
     * @param address        the address of the originating host, e.g. {@code 127.0.0.1}
     * @return the origin
     */
    public static Origin of(String username, long sessionId, long sessionVersion, String address) {
        return new Origin(username, Long.toString(sessionId), Long.toString(sessionVersion), "IN",
                address.indexOf(':') >= 0 ? "IP6" : "IP4", address);
    }

    /**
     * Parses the value of an {@code o=} line.
     *
     * @param value the text after {@code o=}
     * @return the origin
     * @throws SdpParseException if there are not six fields, the session id or version is not 1 to
     *                           64 decimal digits, or another field is malformed (line number 0)
     */
    public static Origin parse(String value) throws SdpParseException {
        List<String> f = Fields.split(value);
        Fields.count(f, 6, 6, "o=");
        Fields.visible(f.get(0), "o= username");
        digits(f.get(1), "o= session id");
        digits(f.get(2), "o= session version");
        Fields.token(f.get(3), "o= network type");
        Fields.token(f.get(4), "o= address type");
        Fields.visible(f.get(5), "o= address");
        return new Origin(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5));
    }

    private static void digits(String s, String what) throws SdpParseException {
        if (s.isEmpty() || s.length() > 64 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw SdpParseException.of(what + " must be decimal digits, got \"" + s + "\"");
        }
    }

    /**
     * @param version the new session version, non-negative
     * @return a copy with the session version replaced (JSEP bumps it on every new offer)
     */
    public Origin withSessionVersion(long version) {
        return new Origin(username, sessionId, Long.toString(version), netType, addrType, address);
    }

    /** @return the line value, the six fields separated by single spaces */
    public String format() {
        return username + " " + sessionId + " " + sessionVersion + " " + netType + " " + addrType + " " + address;
    }

    /** @return the {@code o=} line */
    public SdpLine toLine() {
        return new SdpLine('o', format());
    }
}
