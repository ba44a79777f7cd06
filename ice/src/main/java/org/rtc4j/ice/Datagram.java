package org.rtc4j.ice;

import java.net.InetSocketAddress;

/**
 * Bytes for the caller to send: from local socket {@code socketId} to {@code remote}. For a stream
 * socket (TURN over TCP/TLS) write {@code data} to that connection; {@code remote} is the server.
 * {@link IceAgent#MDNS_SOCKET_ID} means "send as an mDNS query" (to {@code remote}, normally
 * 224.0.0.251:5353).
 *
 * @param socketId caller-chosen local socket id
 * @param remote destination
 * @param data bytes
 */
public record Datagram(int socketId, InetSocketAddress remote, byte[] data) {
}
