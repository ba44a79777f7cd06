package org.rtc4j.ice;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;

/**
 * An ICE candidate as signalled in SDP ({@code candidate:<foundation> <component> <transport>
 * <priority> <address> <port> typ <type> [raddr <a> rport <p>] ...}). The address may be an
 * mDNS host name ({@code <uuid>.local}) for remote candidates until it is resolved.
 */
public final class IceCandidate {
    private final String foundation;
    private final int component;
    private final String transport;
    private final long priority;
    private final String host;
    private final int port;
    private final CandidateType type;
    private final String relatedHost;
    private final int relatedPort;
    private final String ufrag;
    private final InetSocketAddress address;

    // Agent bookkeeping for local candidates: which socket sends for it and, for relay
    // candidates, which TURN allocation.
    int socketId = -1;
    TurnRelay relay;
    IceCandidate base;

    /**
     * @param foundation foundation
     * @param component component id (1 with rtcp-mux)
     * @param transport "udp" (other transports are parsed but not paired)
     * @param priority priority
     * @param host IP literal or mDNS name
     * @param port port
     * @param type candidate type
     * @param relatedHost raddr or null
     * @param relatedPort rport or -1
     * @param ufrag ufrag extension or null
     */
    public IceCandidate(String foundation, int component, String transport, long priority, String host, int port,
                        CandidateType type, String relatedHost, int relatedPort, String ufrag) {
        this.foundation = Objects.requireNonNull(foundation);
        this.component = component;
        this.transport = Objects.requireNonNull(transport).toLowerCase(Locale.ROOT);
        this.priority = priority;
        this.host = Objects.requireNonNull(host);
        this.port = port;
        this.type = Objects.requireNonNull(type);
        this.relatedHost = relatedHost;
        this.relatedPort = relatedPort;
        this.ufrag = ufrag;
        InetAddress ip = ipLiteral(host);
        this.address = ip == null ? null : new InetSocketAddress(ip, port);
    }

    IceCandidate(String foundation, long priority, InetSocketAddress address, CandidateType type,
                 InetSocketAddress related, String ufrag) {
        this(foundation, 1, "udp", priority, address.getAddress().getHostAddress(), address.getPort(), type,
                related == null ? null : related.getAddress().getHostAddress(), related == null ? -1 : related.getPort(),
                ufrag);
    }

    /**
     * Parses the SDP form, with or without the leading {@code a=} and {@code candidate:}.
     *
     * @param line the candidate line
     * @return the candidate
     * @throws IllegalArgumentException if malformed
     */
    public static IceCandidate parse(String line) {
        String s = line.trim();
        if (s.startsWith("a=")) {
            s = s.substring(2);
        }
        if (s.startsWith("candidate:")) {
            s = s.substring("candidate:".length());
        }
        String[] f = s.split("\\s+");
        if (f.length < 8 || !"typ".equals(f[6])) {
            throw new IllegalArgumentException("malformed candidate: " + line);
        }
        try {
            String raddr = null;
            int rport = -1;
            String ufrag = null;
            for (int i = 8; i + 1 < f.length; i += 2) {
                switch (f[i]) {
                    case "raddr": raddr = f[i + 1]; break;
                    case "rport": rport = Integer.parseInt(f[i + 1]); break;
                    case "ufrag": ufrag = f[i + 1]; break;
                    default: break;
                }
            }
            int port = Integer.parseInt(f[5]);
            long priority = Long.parseLong(f[3]);
            int component = Integer.parseInt(f[1]);
            if (port < 0 || port > 65535 || priority < 0 || priority > 0xFFFFFFFFL || component < 1 || component > 256) {
                throw new IllegalArgumentException("candidate field out of range: " + line);
            }
            return new IceCandidate(f[0], component, f[2], priority, f[4], port, CandidateType.fromSdp(f[7]),
                    raddr, rport, ufrag);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("malformed candidate: " + line, e);
        }
    }

    /**
     * @param host string
     * @return the address if {@code host} is an IPv4/IPv6 literal, else null (never does DNS)
     */
    static InetAddress ipLiteral(String host) {
        String h = host;
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        try {
            if (h.indexOf(':') >= 0) {
                // With a colon the JDK only parses an IPv6 literal; it never asks DNS.
                return h.matches("[0-9a-fA-F:.]+(%[0-9A-Za-z_.-]+)?") ? InetAddress.getByName(h) : null;
            }
            String[] parts = h.split("\\.", -1);
            if (parts.length != 4) {
                return null;
            }
            byte[] a = new byte[4];
            for (int i = 0; i < 4; i++) {
                if (!parts[i].matches("\\d{1,3}")) {
                    return null;
                }
                int v = Integer.parseInt(parts[i]);
                if (v > 255) {
                    return null;
                }
                a[i] = (byte) v;
            }
            return InetAddress.getByAddress(a);
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    /** The candidate whose socket or TURN allocation sends for {@code c} (itself for host and relay). */
    static IceCandidate baseOf(IceCandidate c) {
        return c.base != null ? c.base : c;
    }

    /** Same sending path: same TURN allocation, or same UDP socket. */
    static boolean sameBase(IceCandidate a, IceCandidate b) {
        IceCandidate x = baseOf(a);
        IceCandidate y = baseOf(b);
        if (x.relay != null || y.relay != null) {
            return x.relay == y.relay;
        }
        return x.socketId == y.socketId;
    }

    /** @return the SDP attribute value, e.g. {@code candidate:1 1 udp 2130706431 127.0.0.1 5000 typ host} */
    public String toSdp() {
        StringBuilder sb = new StringBuilder("candidate:").append(foundation).append(' ').append(component).append(' ')
                .append(transport).append(' ').append(priority).append(' ').append(host).append(' ').append(port)
                .append(" typ ").append(type.sdpName());
        if (relatedHost != null) {
            sb.append(" raddr ").append(relatedHost).append(" rport ").append(relatedPort);
        }
        if (ufrag != null) {
            sb.append(" ufrag ").append(ufrag);
        }
        return sb.toString();
    }

    /** @return foundation */
    public String foundation() {
        return foundation;
    }

    /** @return component id */
    public int component() {
        return component;
    }

    /** @return transport, lower case */
    public String transport() {
        return transport;
    }

    /** @return priority */
    public long priority() {
        return priority;
    }

    /** @return the address as written (IP literal or mDNS name) */
    public String host() {
        return host;
    }

    /** @return port */
    public int port() {
        return port;
    }

    /** @return type */
    public CandidateType type() {
        return type;
    }

    /** @return raddr or null */
    public String relatedHost() {
        return relatedHost;
    }

    /** @return rport or -1 */
    public int relatedPort() {
        return relatedPort;
    }

    /** @return ufrag extension or null */
    public String ufrag() {
        return ufrag;
    }

    /** @return the resolved address, or null for an unresolved mDNS name */
    public InetSocketAddress address() {
        return address;
    }

    /** @return true if the host is an mDNS name (ends with ".local") */
    public boolean isMdns() {
        return address == null && host.toLowerCase(Locale.ROOT).endsWith(".local");
    }

    /**
     * @param resolved IP for the mDNS name
     * @return the same candidate with the address resolved
     */
    IceCandidate withAddress(InetAddress resolved) {
        return new IceCandidate(foundation, component, transport, priority, resolved.getHostAddress(), port, type,
                relatedHost, relatedPort, ufrag);
    }

    @Override
    public String toString() {
        return toSdp();
    }
}
