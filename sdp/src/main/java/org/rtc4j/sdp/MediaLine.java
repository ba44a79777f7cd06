package org.rtc4j.sdp;

import java.util.List;
import java.util.Objects;

/**
 * The {@code m=} line: {@code <media> <port>[/<number of ports>] <proto> <fmt> ...}.
 *
 * @param media         {@code audio}, {@code video}, {@code application}, ...
 * @param port          0..65535 (0 rejects the section)
 * @param numberOfPorts the {@code /n} suffix, or 0 when absent
 * @param protocol      e.g. {@code UDP/TLS/RTP/SAVPF}, {@code UDP/DTLS/SCTP}, {@code DTLS/SCTP}
 * @param formats       payload types or {@code webrtc-datachannel} or the legacy SCTP port
 */
public record MediaLine(String media, int port, int numberOfPorts, String protocol, List<String> formats) {
    /**
     * Checks the required components and copies the formats into an immutable list. The syntax
     * is checked when the description is built.
     *
     * @param media         the media type
     * @param port          the port
     * @param numberOfPorts the number of ports, or 0
     * @param protocol      the transport protocol
     * @param formats       the formats
     * @throws NullPointerException if {@code media}, {@code protocol} or {@code formats} is null or
     *                              a format is null
     */
    public MediaLine {
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(protocol, "protocol");
        formats = List.copyOf(formats);
    }

    /**
     * Parses the value of an {@code m=} line.
     *
     * @param value the text after {@code m=}, e.g. {@code audio 9 UDP/TLS/RTP/SAVPF 111}
     * @return the media line
     * @throws SdpParseException if there are fewer than four fields, the port or number of ports
     *                           is out of range, or the media, a protocol part or a format is
     *                           not a token (line number 0)
     */
    public static MediaLine parse(String value) throws SdpParseException {
        List<String> f = Fields.split(value);
        if (f.size() < 4) {
            throw SdpParseException.of("m= needs <media> <port> <proto> and at least one format, got "
                    + f.size() + " fields");
        }
        String media = Fields.token(f.get(0), "m= media type");
        String portField = f.get(1);
        int slash = portField.indexOf('/');
        int port;
        int count = 0;
        if (slash < 0) {
            port = Fields.parseInt(portField, 0, 65535, "m= port");
        } else {
            port = Fields.parseInt(portField.substring(0, slash), 0, 65535, "m= port");
            count = Fields.parseInt(portField.substring(slash + 1), 1, 65535, "m= number of ports");
        }
        String proto = f.get(2);
        for (String part : Fields.splitOn(proto, '/')) {
            Fields.token(part, "m= protocol part");
        }
        List<String> formats = f.subList(3, f.size());
        for (String fmt : formats) {
            Fields.token(fmt, "m= format");
        }
        return new MediaLine(media, port, count, proto, formats);
    }

    /** @return true when the formats are RTP payload types (the protocol contains RTP) */
    public boolean isRtp() {
        return protocol.toUpperCase(java.util.Locale.ROOT).contains("RTP");
    }

    /** @return true for an SCTP data channel section (new or legacy syntax) */
    public boolean isSctp() {
        return protocol.toUpperCase(java.util.Locale.ROOT).endsWith("SCTP");
    }

    /** @return the line value, {@code <media> <port>[/<n>] <proto> <fmt> ...} */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(media).append(' ').append(port);
        if (numberOfPorts > 0) {
            sb.append('/').append(numberOfPorts);
        }
        sb.append(' ').append(protocol);
        for (String fmt : formats) {
            sb.append(' ').append(fmt);
        }
        return sb.toString();
    }

    /** @return the {@code m=} line */
    public SdpLine toLine() {
        return new SdpLine('m', format());
    }
}
