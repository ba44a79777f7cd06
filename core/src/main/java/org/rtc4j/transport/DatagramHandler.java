package org.rtc4j.transport;

import java.net.InetSocketAddress;

/**
 * Receives the datagrams of a {@link UdpSocket}, on the socket's event loop.
 */
@FunctionalInterface
public interface DatagramHandler {

    /**
     * One datagram. {@code data} is a fresh array the handler may keep.
     *
     * @param socket the socket it arrived on
     * @param from   the sender
     * @param data   the payload
     */
    void onDatagram(UdpSocket socket, InetSocketAddress from, byte[] data);
}
