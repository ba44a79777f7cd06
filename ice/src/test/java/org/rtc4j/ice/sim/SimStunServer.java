package org.rtc4j.ice.sim;

import java.net.InetSocketAddress;
import org.rtc4j.ice.stun.StunAttribute;
import org.rtc4j.ice.stun.StunMessage;
import org.rtc4j.ice.stun.StunMessageBuilder;
import org.rtc4j.ice.stun.StunMethod;
import org.rtc4j.ice.stun.StunParseException;

/** A STUN server on the simulated network: answers Binding with XOR-MAPPED-ADDRESS. */
public final class SimStunServer implements SimNetwork.Node {
    private final SimNetwork net;
    private final InetSocketAddress address;

    /**
     * @param net network
     * @param address public address
     */
    public SimStunServer(SimNetwork net, InetSocketAddress address) {
        this.net = net;
        this.address = address;
        net.attach(address.getAddress(), this);
    }

    /** @return its address */
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public void receive(InetSocketAddress to, InetSocketAddress from, byte[] data) {
        try {
            StunMessage m = StunMessage.parse(data);
            if (m.method() == StunMethod.BINDING && m.isRequest()) {
                net.send(address, from, new StunMessageBuilder(StunMethod.BINDING, StunMethod.SUCCESS, m.transactionId())
                        .addXorAddress(StunAttribute.XOR_MAPPED_ADDRESS, from).addFingerprint().build());
            }
        } catch (StunParseException e) {
            // not STUN: ignore
        }
    }
}
