package org.rtc4j.ice;

/**
 * Transport between a local socket and a server or peer.
 */
public enum TransportProtocol {
    /** Datagrams. */
    UDP,
    /** A TCP byte stream (STUN/ChannelData framed, RFC 8656 section 12.5). */
    TCP,
    /** TCP with TLS done by the caller (the agent sees the plaintext stream). */
    TLS;

    /** @return true for the stream transports */
    public boolean isStream() {
        return this != UDP;
    }
}
