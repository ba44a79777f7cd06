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

    static void configure(IceConfig config, List<RTCIceServer> servers) {
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
                        config.turnServers.add(new TurnServer(address,
                                url.transport() == IceServerUrl.Transport.TCP ? TransportProtocol.TCP : TransportProtocol.UDP,
                                server.username(), server.credential()));
                        break;
                    case TURNS:
                        config.turnServers.add(new TurnServer(address, TransportProtocol.TLS, server.username(),
                                server.credential()));
                        break;
                    default:
                        // stuns: STUN over TLS only finds our address as the TLS connection
                        // sees it, which ICE over UDP cannot use; browsers ignore it too.
                        break;
                }
            }
        }
    }
}
