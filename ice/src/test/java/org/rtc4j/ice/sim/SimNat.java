package org.rtc4j.ice.sim;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A NAT in front of private hosts. Models (RFC 4787 terms): full cone (endpoint-independent
 * mapping and filtering), port-restricted cone (endpoint-independent mapping, address-and-port
 * dependent filtering) and symmetric (address-and-port dependent mapping and filtering).
 */
public final class SimNat implements SimNetwork.Node {
    /** NAT behaviour. */
    public enum Type {
        /** Anyone may send to a mapping. */
        FULL_CONE,
        /** Only the address:port the inside host sent to may answer. */
        PORT_RESTRICTED,
        /** A new mapping per destination; only that destination may answer. */
        SYMMETRIC
    }

    private record Mapping(InetSocketAddress inside, InetSocketAddress external, Set<InetSocketAddress> contacted) {
    }

    private final SimNetwork net;
    private final Type type;
    private final InetAddress publicIp;
    private final Map<String, Mapping> byKey = new HashMap<>();
    private final Map<Integer, Mapping> byPort = new HashMap<>();
    private final Map<InetSocketAddress, SimNetwork.Node> insideHosts = new HashMap<>();
    private int nextPort = 40000;

    /**
     * @param net the network
     * @param type behaviour
     * @param publicIp the NAT's public IP
     */
    public SimNat(SimNetwork net, Type type, InetAddress publicIp) {
        this.net = net;
        this.type = type;
        this.publicIp = publicIp;
        net.attach(publicIp, this);
    }

    /**
     * @param inside a private address
     * @param host who receives packets for it
     */
    public void addInside(InetSocketAddress inside, SimNetwork.Node host) {
        insideHosts.put(inside, host);
    }

    /**
     * A packet from an inside host to the outside.
     *
     * @param inside source (private)
     * @param to destination (public)
     * @param data bytes
     */
    public void sendOut(InetSocketAddress inside, InetSocketAddress to, byte[] data) {
        String key = type == Type.SYMMETRIC ? inside + ">" + to : inside.toString();
        Mapping m = byKey.get(key);
        if (m == null) {
            m = new Mapping(inside, new InetSocketAddress(publicIp, nextPort++), new HashSet<>());
            byKey.put(key, m);
            byPort.put(m.external.getPort(), m);
        }
        m.contacted.add(to);
        net.send(m.external, to, data);
    }

    @Override
    public void receive(InetSocketAddress to, InetSocketAddress from, byte[] data) {
        Mapping m = byPort.get(to.getPort());
        if (m == null) {
            return;
        }
        if (type != Type.FULL_CONE && !m.contacted.contains(from)) {
            return; // filtered
        }
        SimNetwork.Node host = insideHosts.get(m.inside);
        if (host != null) {
            host.receive(m.inside, from, data);
        }
    }
}
