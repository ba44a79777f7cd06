package org.rtc4j.ice.turn;

import java.net.InetSocketAddress;
import java.util.Objects;
import org.rtc4j.ice.TransportProtocol;

/**
 * A TURN server to allocate on: resolved address, transport (from {@code ?transport=} and the
 * {@code turns:} scheme) and long-term credentials.
 *
 * @param address server address (resolved by the caller)
 * @param transport UDP, TCP or TLS
 * @param username user name
 * @param password password
 */
public record TurnServer(InetSocketAddress address, TransportProtocol transport, String username, String password) {
    /**
     * Validates the fields.
     *
     * @param address   server address (resolved by the caller)
     * @param transport UDP, TCP or TLS
     * @param username  user name for the long-term credential
     * @param password  password for the long-term credential
     * @throws NullPointerException if any component is null
     */
    public TurnServer {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "turn:" + address.getHostString() + ":" + address.getPort() + "?transport=" + transport.name().toLowerCase();
    }
}
