package org.rtc4j.ice.net;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import org.ice4j.Transport;
import org.ice4j.ice.Component;
import org.ice4j.ice.ComponentSocket;
import org.ice4j.ice.HostCandidate;
import org.ice4j.ice.IceMediaStream;
import org.ice4j.ice.KeepAliveStrategy;
import org.ice4j.socket.IceSocketWrapper;
import org.ice4j.socket.IceUdpSocketWrapper;
import org.ice4j.socket.MultiplexingDatagramSocket;

/**
 * ice4j's host harvester refuses loopback interfaces, and our tests may only use 127.0.0.1, so
 * this builds a component whose one host candidate is a socket on 127.0.0.1 (what the harvester
 * would do for an allowed address). {@code IceMediaStream.createComponent} is protected: it is
 * called by reflection, which the class path allows, rather than from a class in ice4j's own
 * package, which would split that package into rtc4j-ice's module when the tests compile.
 */
public final class LoopbackComponent {
    private LoopbackComponent() {
    }

    /**
     * @param stream an ice4j media stream
     * @return a component with one UDP host candidate on 127.0.0.1
     * @throws IOException if the socket cannot be bound
     */
    static Component create(IceMediaStream stream) throws IOException {
        Component c = createComponent(stream);
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

    private static Component createComponent(IceMediaStream stream) {
        try {
            Method m = IceMediaStream.class.getDeclaredMethod("createComponent", KeepAliveStrategy.class, boolean.class);
            m.setAccessible(true);
            return (Component) m.invoke(stream, KeepAliveStrategy.SELECTED_ONLY, true);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("ice4j refused the component", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this ice4j has no createComponent(KeepAliveStrategy, boolean)", e);
        }
    }
}
