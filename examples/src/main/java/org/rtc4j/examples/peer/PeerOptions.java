package org.rtc4j.examples.peer;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.rtc4j.RTCConfiguration;
import org.rtc4j.RTCIceTransportPolicy;
import org.rtc4j.transport.InterfaceFilter;
import picocli.CommandLine.Option;

/** The flags every peer command shares (a picocli mixin). */
public final class PeerOptions {
    /** {@code --signal}: the signaling server's URL; only its host and port are used. */
    @Option(names = "--signal", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
            description = "Signaling server (default: ${DEFAULT-VALUE}).")
    public URI signal;

    /** {@code --room}: the room to join. */
    @Option(names = "--room", paramLabel = "NAME", defaultValue = "rtc4j",
            description = "Room to join (default: ${DEFAULT-VALUE}).")
    public String room;

    /** {@code --token}: the JWT for a server with a secret, or null. */
    @Option(names = "--token", paramLabel = "T", description = "Token for a server started with --secret (see `rtc4j token`).")
    public String token;

    /** {@code --ice-server} values, in order, as parsed by {@link IceServerArgs#parse}. */
    @Option(names = "--ice-server", paramLabel = "URL",
            description = "STUN/TURN server, repeatable: stun:host:port, turn:user:pass@host:port?transport=tcp, turns:...")
    public List<String> iceServers = new ArrayList<>();

    /** {@code --relay-only}: gather TURN relay candidates only. */
    @Option(names = "--relay-only", description = "Use TURN relay candidates only.")
    public boolean relayOnly;

    /** {@code --bind}: the only local address for host candidates, or null for every interface. */
    @Option(names = "--bind", paramLabel = "ADDR",
            description = "Gather host candidates on this local address only (default: every interface, like a browser).")
    public String bind;

    /** {@code --no-zero-checksum}: do not offer SCTP zero checksum (RFC 9653). */
    @Option(names = "--no-zero-checksum",
            description = "Do not offer SCTP zero checksum (RFC 9653); needed for Pion 3.1.56 and other peers that reject it.")
    public boolean noZeroChecksum;

    /** {@code --json}: JSON lines on stdout instead of human text. */
    @Option(names = "--json", description = "One JSON object per line on stdout, each with an `event` field.")
    public boolean json;

    /**
     * The connection configuration these flags describe.
     *
     * @return the configuration: ICE servers, transport policy, interface filter, SCTP zero
     *         checksum
     * @throws CliFailure (exit 2) for a bad {@code --ice-server} or {@code --bind} value, or
     *                    {@code --relay-only} without a TURN server
     */
    public RTCConfiguration configuration() {
        RTCConfiguration.Builder b = RTCConfiguration.builder();
        for (String s : iceServers) {
            b.iceServer(IceServerArgs.parse(s));
        }
        if (relayOnly) {
            if (iceServers.stream().noneMatch(s -> s.startsWith("turn"))) {
                throw new CliFailure(2, "--relay-only needs a TURN server (--ice-server turn:user:pass@host:port)");
            }
            b.iceTransportPolicy(RTCIceTransportPolicy.RELAY);
        }
        if (bind != null) {
            try {
                b.interfaceFilter(InterfaceFilter.only(InetAddress.getByName(bind)));
            } catch (UnknownHostException e) {
                throw new CliFailure(2, "--bind " + bind + ": not an address");
            }
        } else {
            b.interfaceFilter(InterfaceFilter.defaults());
        }
        b.sctpZeroChecksum(!noZeroChecksum);
        return b.build();
    }
}
