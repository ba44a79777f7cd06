package org.rtc4j.sdp;

import java.util.List;

/**
 * The {@code c=} line: {@code <nettype> <addrtype> <connection-address>}. For multicast the address
 * may carry {@code /ttl} and {@code /count}; it is kept as written.
 */
public record Connection(String netType, String addrType, String address) {

    /** {@code IN IP4 addr} or {@code IN IP6 addr}, chosen by the address. */
    public static Connection of(String address) {
        return new Connection("IN", address.indexOf(':') >= 0 ? "IP6" : "IP4", address);
    }

    /** Parses the value of a {@code c=} line. */
    public static Connection parse(String value) throws SdpParseException {
        List<String> f = Fields.split(value);
        Fields.count(f, 3, 3, "c=");
        Fields.token(f.get(0), "c= network type");
        Fields.token(f.get(1), "c= address type");
        Fields.visible(f.get(2), "c= address");
        return new Connection(f.get(0), f.get(1), f.get(2));
    }

    /** @return the line value */
    public String format() {
        return netType + " " + addrType + " " + address;
    }

    /** @return the {@code c=} line */
    public SdpLine toLine() {
        return new SdpLine('c', format());
    }
}
