package org.ice4j.ice;

import java.io.IOException;
import java.net.InetSocketAddress;
import org.ice4j.Transport;
import org.ice4j.socket.IceSocketWrapper;
import org.ice4j.socket.IceUdpSocketWrapper;
import org.ice4j.socket.MultiplexingDatagramSocket;

/**
 * Test helper living in ice4j's package: ice4j's host harvester refuses loopback interfaces, and
 * our tests may only use 127.0.0.1, so this builds a component whose one host candidate is a
 * socket on 127.0.0.1 (what the harvester would do for an allowed address).
 */
public final class LoopbackComponent {
    private LoopbackComponent() {
    }

    /**
     * @param stream an ice4j media stream
     * @return a component with one UDP host candidate on 127.0.0.1
     * @throws IOException if the socket cannot be bound
     */
    public static Component create(IceMediaStream stream) throws IOException {
        Component c = stream.createComponent(KeepAliveStrategy.SELECTED_ONLY, true);
        MultiplexingDatagramSocket socket = new MultiplexingDatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        IceSocketWrapper wrapper = new IceUdpSocketWrapper(socket);
        HostCandidate host = new HostCandidate(wrapper, c, Transport.UDP);
        c.addLocalCandidate(host);
        host.getStunStack().addSocket(host.getStunSocket(null));
        ComponentSocket cs = c.getComponentSocket();
        if (cs != null) {
            cs.add(wrapper);
        }
        return c;
    }
}
