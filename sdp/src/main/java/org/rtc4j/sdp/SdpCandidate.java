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
 * @param relatedPort the {@code rport}, or -1 when absent
 * @param relatedAddress the {@code raddr}, or null
 * @param tcpType {@code active}, {@code passive}, {@code so}, or null
 */
public record SdpCandidate(String foundation, int component, String transport, long priority,
                           String address, int port, String type, String relatedAddress, int relatedPort,
                           String tcpType, List<Parameter> extensions) implements AttributeValue {

    /** Candidate types of RFC 8445. */
    public static final String HOST = "host";
    /** Server reflexive. */
    public static final String SRFLX = "srflx";
    /** Peer reflexive. */
    public static final String PRFLX = "prflx";
    /** Relayed (TURN). */
    public static final String RELAY = "relay";

    public SdpCandidate {
        Objects.requireNonNull(foundation, "foundation");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(type, "type");
        extensions = List.copyOf(extensions);
    }

    /** A candidate without related address, tcptype or extensions. */
    public static SdpCandidate of(String foundation, int component, String transport, long priority,
                                  String address, int port, String type) {
        return new SdpCandidate(foundation, component, transport, priority, address, port, type, null, -1,
                null, List.of());
    }

    /**
     * Parses a candidate with or without an {@code a=candidate:} or {@code candidate:} prefix.
     * Failures report line 1 and the given text.
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

    /** @return the value of the first extension with this name, if any */
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

    /** @return a copy with the related address and port ({@code raddr}/{@code rport}) */
    public SdpCandidate withRelated(String relatedAddress, int relatedPort) {
        return new SdpCandidate(foundation, component, transport, priority, address, port, type, relatedAddress,
                relatedPort, tcpType, extensions);
    }

    /** @return a copy with the {@code tcptype} */
    public SdpCandidate withTcpType(String tcpType) {
        return new SdpCandidate(foundation, component, transport, priority, address, port, type, relatedAddress,
                relatedPort, tcpType, extensions);
    }

    /** @return a copy with one more extension pair at the end */
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
