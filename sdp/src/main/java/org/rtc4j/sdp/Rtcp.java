package org.rtc4j.sdp;

import java.util.List;

/**
 * {@code a=rtcp:<port> [<nettype> <addrtype> <address>]} (RFC 3605).
 * The address fields are null when absent.
 *
 * @param port     the RTCP port, 0..65535
 * @param netType  the network type ({@code IN}), or null
 * @param addrType the address type ({@code IP4} or {@code IP6}), or null
 * @param address  the RTCP address as written, or null
 */
public record Rtcp(int port, String netType, String addrType, String address) implements AttributeValue {

    /**
     * Parses the attribute value.
     *
     * @param value the text after {@code a=rtcp:}, e.g. {@code 9 IN IP4 0.0.0.0}
     * @return the rtcp attribute
     * @throws SdpParseException if there are not one or four fields, the port is out of range or
     *                           a type is not a token (line number 0)
     */
    public static Rtcp parse(String value) throws SdpParseException {
        List<String> f = Fields.split(value);
        if (f.size() != 1 && f.size() != 4) {
            throw SdpParseException.of("rtcp needs <port> or <port> <nettype> <addrtype> <address>");
        }
        int port = Fields.parseInt(f.get(0), 0, 65535, "rtcp port");
        if (f.size() == 1) {
            return new Rtcp(port, null, null, null);
        }
        return new Rtcp(port, Fields.token(f.get(1), "rtcp network type"),
                Fields.token(f.get(2), "rtcp address type"), f.get(3));
    }

    @Override
    public String attributeName() {
        return "rtcp";
    }

    @Override
    public String format() {
        return address == null ? Integer.toString(port) : port + " " + netType + " " + addrType + " " + address;
    }
}
