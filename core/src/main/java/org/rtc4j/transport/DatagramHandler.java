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

    /**
     * The socket has handed over every datagram one wake-up of the loop read (a few, or the dozens
     * of one GRO burst). Answering here rather than per datagram lets one SCTP SACK cover the whole
     * burst, and what is sent in reply leave together.
     *
     * @param socket the socket that was read
     */
    default void onReadComplete(UdpSocket socket) {
    }
}
