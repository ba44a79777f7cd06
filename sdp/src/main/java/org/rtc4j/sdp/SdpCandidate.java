package org.rtc4j.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An ICE candidate in the RFC 8839 §5.1 grammar, used both inside SDP ({@code a=candidate:}) and for
 * trickled {@code candidate:} strings:
 *
 * <pre>foundation component transport priority address port typ type [raddr a] [rport p] [tcptype t] *(name value)</pre>
 *
 * Transport keeps its case ({@code udp}, {@code UDP}); the address may be IPv4, IPv6 or an FQDN
 * such as an mDNS {@code *.local} name. Extension pairs ({@code generation}, {@code ufrag},
 * {@code network-id}, {@code network-cost}, unknown ones) are kept in order.
 *
 * @param foundation     1 to 32 visible characters, equal for candidates of the same type, base
 *                       and server (RFC 8445 §5.1.1.3)
 * @param component      the component id, 1..256: 1 for RTP, 2 for RTCP
 * @param transport      the transport as written, e.g. {@code udp} or {@code tcp}
 * @param priority       the candidate priority, 1..2^32-1 (RFC 8445 §5.1.2)
 * @param address        an IPv4 or IPv6 address or a host name such as an mDNS {@code *.local}
 *                       name
 * @param port           the port, 0..65535
 * @param type           the candidate type, usually {@link #HOST}, {@link #SRFLX},
 *                       {@link #PRFLX} or {@link #RELAY}
 * @param relatedAddress the {@code raddr}, or null
 * @param relatedPort    the {@code rport}, or -1 when absent
 * @param tcpType        {@code active}, {@code passive}, {@code so}, or null
 * @param extensions     the other name/value pairs in order, e.g. {@code generation 0}
 */
public record SdpCandidate(String foundation, int component, String transport, long priority,
                           String address, int port, String type, String relatedAddress, int relatedPort,
                           String tcpType, List<Parameter> extensions) implements AttributeValue {

    /** The host candidate type of RFC 8445: an address on a local interface. */
    public static final String HOST = "host";
    /** Server reflexive. */
    public static final String SRFLX = "srflx";
    /** Peer reflexive. */
    public static final String PRFLX = "prflx";
    /** Relayed (TURN). */
    public static final String RELAY = "relay";

    /**
     * Checks the required components and copies the extensions into an immutable list. The
     * syntax is checked when the candidate is written into a description that is built.
     *
     * @param foundation     the foundation
     * @param component      the component id
     * @param transport      the transport
     * @param priority       the priority
     * @param address        the address
     * @param port           the port
     * @param type           the candidate type
     * @param relatedAddress the related address, or null
     * @param relatedPort    the related port, or -1
     * @param tcpType        the TCP type, or null
     * @param extensions     the extension pairs
     * @throws NullPointerException if {@code foundation}, {@code transport}, {@code address},
     *                              {@code type} or {@code extensions} is null
     */
    public SdpCandidate {
        Objects.requireNonNull(foundation, "foundation");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(type, "type");
        extensions = List.copyOf(extensions);
    }

    /**
     * A candidate without related address, tcptype or extensions.
     *
     * @param foundation the foundation, 1 to 32 visible characters
     * @param component  the component id: 1 for RTP, 2 for RTCP
     * @param transport  the transport, e.g. {@code udp}
     * @param priority   the priority, 1..2^32-1
     * @param address    an IP address or host name
     * @param port       the port, 0..65535
     * @param type       the candidate type, e.g. {@link #HOST}
     * @return the candidate
     * @throws NullPointerException if {@code foundation}, {@code transport}, {@code address} or
     *                              {@code type} is null
     */
    public static SdpCandidate of(String foundation, int component, String transport, long priority,
                                  String address, int port, String type) {
        return new SdpCandidate(foundation, component, transport, priority, address, port, type, null, -1,
                null, List.of());
    }

    /**
     * Parses a candidate with or without an {@code a=candidate:} or {@code candidate:} prefix.
     * Failures report line 1 and the given text.
     *
     * @param text the candidate, e.g. {@code candidate:1 1 udp 2122260223 192.0.2.1 54321 typ host}
     * @return the candidate
     * @throws SdpParseException    if the text does not follow the RFC 8839 grammar or contains
     *                              a control character
     * @throws NullPointerException if {@code text} is null
     */
    public static SdpCandidate parse(String text) throws SdpParseException {
        Objects.requireNonNull(text, "text");
        try {
            String v = text;
            if (v.startsWith("a=")) {
                v = v.substring(2);
            }
            if (v.startsWith("candidate:")) {
                v = v.substring("candidate:".length());
            }
            return parseValue(v);
        } catch (SdpParseException e) {
            throw e.at(1, text);
        }
    }

    /** Parses the value of an {@code a=candidate:} attribute (no prefix). */
    static SdpCandidate parseValue(String value) throws SdpParseException {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch < 0x20 || ch == 0x7f) {
                // A trickled string must also fit on one SDP line later.
                throw SdpParseException.of("candidate contains a control character");
            }
        }
        List<String> f = Fields.split(value);
        if (f.size() < 8) {
            throw SdpParseException.of("candidate needs foundation, component, transport, priority, address, port, "
                    + "typ and type; got " + f.size() + " fields");
        }
        String foundation = f.get(0);
        if (foundation.length() > 32 || !Fields.isVisible(foundation)) {
            throw SdpParseException.of("candidate foundation must be 1 to 32 visible characters, got \""
                    + foundation + "\"");
        }
        int component = Fields.parseInt(f.get(1), 1, 256, "candidate component");
        String transport = Fields.token(f.get(2), "candidate transport");
        long priority = Fields.parseLong(f.get(3), 1, 0xFFFFFFFFL, "candidate priority");
        String address = checkAddress(f.get(4), "candidate address");
        int port = Fields.parseInt(f.get(5), 0, 65535, "candidate port");
        if (!f.get(6).equals("typ")) {
            throw SdpParseException.of("candidate expected \"typ\" after the port, got \"" + f.get(6) + "\"");
        }
        String type = Fields.token(f.get(7), "candidate type");
        if ((f.size() - 8) % 2 != 0) {
            throw SdpParseException.of("candidate extension \"" + f.get(f.size() - 1) + "\" has no value");
        }
        String raddr = null;
        int rport = -1;
        String tcpType = null;
        List<Parameter> ext = new ArrayList<>();
        for (int i = 8; i < f.size(); i += 2) {
            String key = f.get(i);
            String val = f.get(i + 1);
            switch (key) {
                case "raddr":
                    if (raddr != null) {
                        throw SdpParseException.of("candidate has raddr twice");
                    }
                    raddr = checkAddress(val, "candidate raddr");
                    break;
                case "rport":
                    if (rport >= 0) {
                        throw SdpParseException.of("candidate has rport twice");
                    }
                    rport = Fields.parseInt(val, 0, 65535, "candidate rport");
                    break;
                case "tcptype":
                    if (tcpType != null) {
                        throw SdpParseException.of("candidate has tcptype twice");
                    }
                    tcpType = Fields.token(val, "candidate tcptype");
                    break;
                default:
                    Fields.token(key, "candidate extension name");
                    ext.add(new Parameter(key, val));
            }
        }
        return new SdpCandidate(foundation, component, transport, priority, address, port, type, raddr, rport,
                tcpType, ext);
    }

    private static String checkAddress(String a, String what) throws SdpParseException {
        boolean ok = !a.isEmpty() && a.length() <= 255;
        for (int i = 0; ok && i < a.length(); i++) {
            char c = a.charAt(i);
            ok = c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || ".:-_%".indexOf(c) >= 0;
        }
        if (!ok) {
            throw SdpParseException.of(what + " must be an IPv4, IPv6 or host name, got \"" + a + "\"");
        }
        if (isDottedQuadShape(a)) {
            for (String part : Fields.splitOn(a, '.')) {
                if (part.isEmpty() || part.length() > 3 || Integer.parseInt(part) > 255) {
                    throw SdpParseException.of(what + " is not a valid IPv4 address: \"" + a + "\"");
                }
            }
        }
        return a;
    }

    private static boolean isDottedQuadShape(String a) {
        int dots = 0;
        for (int i = 0; i < a.length(); i++) {
            char c = a.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return dots == 3;
    }

    /** @return true if the transport is UDP (any case) */
    public boolean isUdp() {
        return transport.equalsIgnoreCase("udp");
    }

    /** @return true if the transport is TCP (any case) */
    public boolean isTcp() {
        return transport.equalsIgnoreCase("tcp");
    }

    /** @return true if the address is an IPv6 literal */
    public boolean isIpv6() {
        return address.indexOf(':') >= 0;
    }

    /** @return true if the address is an mDNS name ending in {@code .local} */
    public boolean isMdns() {
        return address.toLowerCase(Locale.ROOT).endsWith(".local");
    }

    /** @return true if the address is a host name (neither IPv4 nor IPv6 literal) */
    public boolean isFqdn() {
        return !isIpv6() && !isDottedQuadShape(address);
    }

    /**
     * @param name the extension name, e.g. {@code network-id} (case-sensitive)
     * @return the value of the first extension with this name, if any
     */
    public Optional<String> extension(String name) {
        for (Parameter p : extensions) {
            if (p.key().equals(name)) {
                return Optional.of(p.value());
            }
        }
        return Optional.empty();
    }

    /** @return the {@code ufrag} extension, if any */
    public Optional<String> ufrag() {
        return extension("ufrag");
    }

    /** @return the {@code generation} extension as a number, or -1 */
    public int generation() {
        return extensionInt("generation");
    }

    /** @return the {@code network-id} extension as a number, or -1 */
    public int networkId() {
        return extensionInt("network-id");
    }

    /** @return the {@code network-cost} extension as a number, or -1 */
    public int networkCost() {
        return extensionInt("network-cost");
    }

    private int extensionInt(String name) {
        try {
            return extension(name).map(Integer::parseInt).orElse(-1);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * @param relatedAddress the {@code raddr}, or null for none
     * @param relatedPort    the {@code rport}, or -1 for none
     * @return a copy with the related address and port ({@code raddr}/{@code rport})
     */
    public SdpCandidate withRelated(String relatedAddress, int relatedPort) {
        return new SdpCandidate(foundation, component, transport, priority, address, port, type, relatedAddress,
                relatedPort, tcpType, extensions);
    }

    /**
     * @param tcpType {@code active}, {@code passive}, {@code so}, or null for none
     * @return a copy with the {@code tcptype}
     */
    public SdpCandidate withTcpType(String tcpType) {
        return new SdpCandidate(foundation, component, transport, priority, address, port, type, relatedAddress,
                relatedPort, tcpType, extensions);
    }

    /**
     * @param name  the extension name, a token
     * @param value the extension value, without spaces
     * @return a copy with one more extension pair at the end
     */
    public SdpCandidate withExtension(String name, String value) {
        List<Parameter> ext = new ArrayList<>(extensions);
        ext.add(new Parameter(name, value));
        return new SdpCandidate(foundation, component, transport, priority, address, port, type, relatedAddress,
                relatedPort, tcpType, ext);
    }

    @Override
    public String attributeName() {
        return "candidate";
    }

    /** @return the attribute value, without any prefix */
    @Override
    public String format() {
        StringBuilder sb = new StringBuilder(96);
        sb.append(foundation).append(' ').append(component).append(' ').append(transport).append(' ')
                .append(priority).append(' ').append(address).append(' ').append(port).append(" typ ").append(type);
        if (relatedAddress != null) {
            sb.append(" raddr ").append(relatedAddress);
        }
        if (relatedPort >= 0) {
            sb.append(" rport ").append(relatedPort);
        }
        if (tcpType != null) {
            sb.append(" tcptype ").append(tcpType);
        }
        for (Parameter p : extensions) {
            sb.append(' ').append(p.key()).append(' ').append(p.value());
        }
        return sb.toString();
    }

    /** @return {@code candidate:...}, the form of {@code RTCIceCandidate.candidate} */
    public String toCandidateString() {
        return "candidate:" + format();
    }

    @Override
    public String toString() {
        return toCandidateString();
    }
}
