package org.rtc4j.ice.sim;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.rtc4j.ice.Datagram;
import org.rtc4j.ice.IceAgent;
import org.rtc4j.ice.IceEvent;
import org.rtc4j.ice.IceTransportState;

/**
 * One agent on the simulated network with one UDP socket (id 1), public or behind a NAT. Records
 * events and received application data; hands local candidates to a signaling callback.
 */
public final class SimPeer implements SimNetwork.Node {
    /** Socket id used for the one UDP socket. */
    public static final int SOCKET = 1;

    private final SimNetwork net;
    private final SimNat nat;
    private final InetSocketAddress address;
    /** The agent under test. */
    public final IceAgent agent;
    /** Every event in order. */
    public final List<IceEvent> events = new ArrayList<>();
    /** Application payloads received. */
    public final List<byte[]> received = new ArrayList<>();
    /** States seen, in order. */
    public final List<IceTransportState> states = new ArrayList<>();
    /** Where signaling goes (candidate events and gathering done); may be replaced. */
    public Consumer<IceEvent> signaling = e -> { };
    /** Optional handler for mDNS query datagrams. */
    public Consumer<Datagram> mdns = d -> { };
    /** Time the agent reached FAILED, or -1. */
    public long failedAt = -1;

    /**
     * @param net network
     * @param nat NAT in front, or null for a public host
     * @param address socket address (private if behind the NAT)
     * @param agent the agent
     */
    public SimPeer(SimNetwork net, SimNat nat, InetSocketAddress address, IceAgent agent) {
        this.net = net;
        this.nat = nat;
        this.address = address;
        this.agent = agent;
        if (nat == null) {
            net.attach(address.getAddress(), this);
        } else {
            nat.addInside(address, this);
        }
        agent.addLocalSocket(SOCKET, address, org.rtc4j.ice.TransportProtocol.UDP, net.now());
    }

    @Override
    public void receive(InetSocketAddress to, InetSocketAddress from, byte[] data) {
        agent.handleDatagram(SOCKET, from, data, net.now());
    }

    /**
     * Sends what the agent queued and collects its events.
     *
     * @return true if there was anything
     */
    public boolean pump() {
        boolean any = false;
        Datagram d;
        while ((d = agent.pollDatagram()) != null) {
            any = true;
            if (d.socketId() == IceAgent.MDNS_SOCKET_ID) {
                mdns.accept(d);
            } else if (nat == null) {
                net.send(address, d.remote(), d.data());
            } else {
                nat.sendOut(address, d.remote(), d.data());
            }
        }
        IceEvent e;
        while ((e = agent.pollEvent()) != null) {
            any = true;
            events.add(e);
            if (e instanceof IceEvent.DataReceived) {
                received.add(((IceEvent.DataReceived) e).data());
            } else if (e instanceof IceEvent.StateChanged) {
                IceTransportState s = ((IceEvent.StateChanged) e).state();
                states.add(s);
                if (s == IceTransportState.FAILED && failedAt < 0) {
                    failedAt = net.now();
                }
            } else if (e instanceof IceEvent.LocalCandidate || e instanceof IceEvent.GatheringStateChanged) {
                signaling.accept(e);
            }
        }
        return any;
    }
}
