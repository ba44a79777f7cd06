package org.rtc4j.sdp;

import java.util.List;

/**
 * Legacy {@code a=sctpmap:<port> <protocol> [<streams>]} (draft-ietf-mmusic-sctp-sdp-05), sent by
 * aiortc and older browsers with an {@code m=application <port> DTLS/SCTP 5000} line.
 *
 * @param port     the SCTP port, 0..65535 (usually 5000)
 * @param protocol the protocol token, e.g. {@code webrtc-datachannel}
 * @param streams  the maximum number of streams, 1..65535, or 0 when absent
 */
public record SctpMap(int port, String protocol, int streams) implements AttributeValue {

    /**
     * Parses the attribute value.
     *
     * @param value the text after {@code a=sctpmap:}, e.g. {@code 5000 webrtc-datachannel 1024}
     * @return the sctpmap
     * @throws SdpParseException if there are not two or three fields, the port or stream count is
     *                           out of range or the protocol is not a token (line number 0)
     */
    public static SctpMap parse(String value) throws SdpParseException {
        List<String> f = Fields.split(value);
        Fields.count(f, 2, 3, "sctpmap");
        int port = Fields.parseInt(f.get(0), 0, 65535, "sctpmap port");
        Fields.token(f.get(1), "sctpmap protocol");
        int streams = f.size() > 2 ? Fields.parseInt(f.get(2), 1, 65535, "sctpmap streams") : 0;
        return new SctpMap(port, f.get(1), streams);
    }

    @Override
    public String attributeName() {
        return "sctpmap";
    }

    @Override
    public String format() {
        return port + " " + protocol + (streams > 0 ? " " + streams : "");
    }
}
