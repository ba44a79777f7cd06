package org.rtc4j.ice.sim;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.rtc4j.ice.stun.StunAttribute;
import org.rtc4j.ice.stun.StunCredentials;
import org.rtc4j.ice.stun.StunMessage;
import org.rtc4j.ice.stun.StunMessageBuilder;
import org.rtc4j.ice.stun.StunMethod;
import org.rtc4j.ice.stun.StunParseException;
import org.rtc4j.ice.turn.ChannelData;

/**
 * A small TURN server (UDP, long-term credentials) on the simulated network: Allocate with the
 * 401 challenge, Refresh, CreatePermission, ChannelBind, Send/Data indications and ChannelData.
 * Just enough to relay ICE between hosts behind symmetric NATs.
 */
public final class SimTurnServer implements SimNetwork.Node {
    private static final String REALM = "sim";
    private static final String NONCE = "nonce-1";

    private final class Allocation {
        final InetSocketAddress client;
        final InetSocketAddress relay;
        final Set<InetAddress> permissions = new HashSet<>();
        final Map<Integer, InetSocketAddress> channels = new HashMap<>();
        final Map<InetSocketAddress, Integer> channelOf = new HashMap<>();

        Allocation(InetSocketAddress client, InetSocketAddress relay) {
            this.client = client;
            this.relay = relay;
        }
    }

    private final SimNetwork net;
    private final InetSocketAddress address;
    private final String username;
    private final byte[] key;
    private final Map<InetSocketAddress, Allocation> byClient = new HashMap<>();
    private final Map<Integer, Allocation> byRelayPort = new HashMap<>();
    private int nextRelayPort = 50000;
    private final java.util.Random random = new java.util.Random(0);
    /** Number of allocations made. */
    public int allocations;

    /**
     * @param net network
     * @param address public address (relays use the same IP)
     * @param username user
     * @param password password
     */
    public SimTurnServer(SimNetwork net, InetSocketAddress address, String username, String password) {
        this.net = net;
        this.address = address;
        this.username = username;
        this.key = StunCredentials.longTermKey(username, REALM, password);
        net.attach(address.getAddress(), this);
    }

    @Override
    public void receive(InetSocketAddress to, InetSocketAddress from, byte[] data) {
        if (to.getPort() != address.getPort()) {
            Allocation a = byRelayPort.get(to.getPort());
            if (a != null && a.permissions.contains(from.getAddress())) {
                Integer ch = a.channelOf.get(from);
                if (ch != null) {
                    net.send(address, a.client, ChannelData.encode(ch, data, false));
                } else {
                    net.send(address, a.client, new StunMessageBuilder(StunMethod.DATA, StunMethod.INDICATION,
                            org.rtc4j.ice.stun.TransactionId.random(random))
                            .addXorAddress(StunAttribute.XOR_PEER_ADDRESS, from).addBytes(StunAttribute.DATA, data).build());
                }
            }
            return;
        }
        try {
            if (ChannelData.looksLikeChannelData(data, 0, data.length)) {
                Allocation a = byClient.get(from);
                if (a != null) {
                    InetSocketAddress peer = a.channels.get(ChannelData.channel(data, 0, data.length));
                    if (peer != null) {
                        net.send(a.relay, peer, ChannelData.data(data, 0, data.length));
                    }
                }
                return;
            }
            handleStun(from, StunMessage.parse(data));
        } catch (StunParseException e) {
            // drop
        }
    }

    private void handleStun(InetSocketAddress from, StunMessage m) throws StunParseException {
        Allocation a = byClient.get(from);
        if (m.messageClass() == StunMethod.INDICATION && m.method() == StunMethod.SEND) {
            InetSocketAddress peer = m.getXorAddress(StunAttribute.XOR_PEER_ADDRESS);
            if (a != null && peer != null && a.permissions.contains(peer.getAddress())) {
                net.send(a.relay, peer, m.getBytes(StunAttribute.DATA));
            }
            return;
        }
        if (!m.isRequest()) {
            return;
        }
        if (m.method() == StunMethod.BINDING) {
            reply(from, new StunMessageBuilder(StunMethod.BINDING, StunMethod.SUCCESS, m.transactionId())
                    .addXorAddress(StunAttribute.XOR_MAPPED_ADDRESS, from).addFingerprint().build());
            return;
        }
        if (!m.hasIntegrity() || !username.equals(m.getString(StunAttribute.USERNAME))) {
            reply(from, new StunMessageBuilder(m.method(), StunMethod.ERROR, m.transactionId())
                    .addErrorCode(401, "Unauthorized").addString(StunAttribute.REALM, REALM)
                    .addString(StunAttribute.NONCE, NONCE).build());
            return;
        }
        if (!m.verifyIntegrity(key)) {
            reply(from, new StunMessageBuilder(m.method(), StunMethod.ERROR, m.transactionId())
                    .addErrorCode(401, "Unauthorized").addString(StunAttribute.REALM, REALM)
                    .addString(StunAttribute.NONCE, NONCE).build());
            return;
        }
        StunMessageBuilder ok = new StunMessageBuilder(m.method(), StunMethod.SUCCESS, m.transactionId());
        switch (m.method()) {
            case StunMethod.ALLOCATE:
                if (a == null) {
                    a = new Allocation(from, new InetSocketAddress(address.getAddress(), nextRelayPort++));
                    byClient.put(from, a);
                    byRelayPort.put(a.relay.getPort(), a);
                    allocations++;
                }
                ok.addXorAddress(StunAttribute.XOR_RELAYED_ADDRESS, a.relay)
                        .addXorAddress(StunAttribute.XOR_MAPPED_ADDRESS, from).addUInt32(StunAttribute.LIFETIME, 600);
                break;
            case StunMethod.REFRESH:
                if (a != null && m.getUInt32(StunAttribute.LIFETIME, 600) == 0) {
                    byClient.remove(from);
                    byRelayPort.remove(a.relay.getPort());
                }
                ok.addUInt32(StunAttribute.LIFETIME, m.getUInt32(StunAttribute.LIFETIME, 600));
                break;
            case StunMethod.CREATE_PERMISSION:
                if (a != null) {
                    a.permissions.add(m.getXorAddress(StunAttribute.XOR_PEER_ADDRESS).getAddress());
                }
                break;
            case StunMethod.CHANNEL_BIND:
                if (a != null) {
                    int ch = (int) (m.getUInt32(StunAttribute.CHANNEL_NUMBER, 0) >>> 16);
                    InetSocketAddress peer = m.getXorAddress(StunAttribute.XOR_PEER_ADDRESS);
                    a.channels.put(ch, peer);
                    a.channelOf.put(peer, ch);
                    a.permissions.add(peer.getAddress());
                }
                break;
            default:
                return;
        }
        reply(from, ok.addIntegrity(key).addFingerprint().build());
    }

    private void reply(InetSocketAddress to, byte[] data) {
        net.send(address, to, data);
    }
}
