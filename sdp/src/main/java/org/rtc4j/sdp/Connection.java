package org.rtc4j.sdp;

import java.util.List;

/**
 * The {@code c=} line: {@code <nettype> <addrtype> <connection-address>}. For multicast the address
 * may carry {@code /ttl} and {@code /count}; it is kept as written.
 *
 * @param netType  the network type, {@code IN} for the Internet
 * @param addrType the address type, {@code IP4} or {@code IP6}
 * @param address  the connection address as written (an IP address or a host name)
 */
public record Connection(String netType, String addrType, String address) {

    /**
     * {@code IN IP4 addr} or {@code IN IP6 addr}, chosen by the address. The address is not
     * checked here; a bad one fails when the description is built.
     *
     * @param address an IPv4 or IPv6 address; one that contains a colon is taken as IPv6
     * @return the connection
     */
    public static Connection of(String address) {
        return new Connection("IN", address.indexOf(':') >= 0 ? "IP6" : "IP4", address);
    }

    /**
     * Parses the value of a {@code c=} line.
     *
     * @param value the text after {@code c=}, e.g. {@code IN IP4 0.0.0.0}
     * @return the connection
     * @throws SdpParseException if there are not three fields, a type is not a token or the
     *                           address has controls (line number 0)
     */
    public static Connection parse(String value) throws SdpParseException {
        List<String> f = Fields.split(value);
        Fields.count(f, 3, 3, "c=");
        Fields.token(f.get(0), "c= network type");
        Fields.token(f.get(1), "c= address type");
        Fields.visible(f.get(2), "c= address");
        return new Connection(f.get(0), f.get(1), f.get(2));
    }

    /** @return the line value, {@code <nettype> <addrtype> <address>} */
    public String format() {
        return netType + " " + addrType + " " + address;
    }

    /** @return the {@code c=} line */
    public SdpLine toLine() {
        return new SdpLine('c', format());
    }
}
