package org.rtc4j.transport;

import java.net.InetSocketAddress;

/**
 * Receives the datagrams of a {@link UdpSocket}, on the socket's event loop.
 */
@FunctionalInterface
public interface DatagramHandler {

    /**
     * One datagram, lent: {@code buffer[offset..offset+length)} is valid only until this returns
     * (the socket reads the next datagram into the same array), so a handler that keeps the
     * bytes copies them. A handler may change them in place (SRTP decrypts there).
     *
     * @param socket the socket it arrived on
     * @param from   the sender
     * @param buffer holds the payload
     * @param offset where the payload starts
     * @param length its length
     */
    void onDatagram(UdpSocket socket, InetSocketAddress from, byte[] buffer, int offset, int length);

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
