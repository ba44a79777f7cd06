package org.rtc4j;

import java.net.InetSocketAddress;
import java.util.List;
import org.rtc4j.ice.IceConfig;
import org.rtc4j.ice.TransportProtocol;
import org.rtc4j.ice.turn.TurnServer;

/**
 * Turns the W3C ICE server list into the ICE agent's configuration: STUN servers by address,
 * TURN servers with their transport and credentials. Host names are resolved here, once, when
 * the connection is set up.
 */
final class IceServers {

    private IceServers() {
    }

    /**
     * Puts STUN and UDP TURN servers into {@code config} (the agent reaches them over its UDP
     * sockets) and returns the TURN servers to reach over TCP or TLS, which the transport
     * connects itself.
     */
    static List<TurnServer> configure(IceConfig config, List<RTCIceServer> servers) {
        List<TurnServer> streams = new java.util.ArrayList<>();
        for (RTCIceServer server : servers) {
            for (IceServerUrl url : server.urls()) {
                InetSocketAddress address = new InetSocketAddress(url.host(), url.port());
                if (address.isUnresolved()) {
                    throw new RTCException(RTCException.Name.OperationError, "cannot resolve ICE server " + url);
                }
                switch (url.scheme()) {
                    case STUN:
                        config.stunServers.add(address);
                        break;
                    case TURN:
                        if (url.transport() == IceServerUrl.Transport.TCP) {
                            streams.add(new TurnServer(address, TransportProtocol.TCP, server.username(),
                                    server.credential()));
                        } else {
                            config.turnServers.add(new TurnServer(address, TransportProtocol.UDP, server.username(),
                                    server.credential()));
                        }
                        break;
                    case TURNS:
                        streams.add(new TurnServer(address, TransportProtocol.TLS, server.username(),
                                server.credential()));
                        break;
                    default:
                        // stuns: STUN over TLS only finds our address as the TLS connection
                        // sees it, which ICE over UDP cannot use; browsers ignore it too.
                        break;
                }
            }
        }
        return streams;
    }
}
