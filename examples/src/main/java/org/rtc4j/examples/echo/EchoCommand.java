package org.rtc4j.examples.echo;

import org.rtc4j.PeerConnectionFactory;
import org.rtc4j.RTCConfiguration;
import org.rtc4j.RTCDataChannel;
import org.rtc4j.RTCException;
import org.rtc4j.examples.peer.CliFailure;
import org.rtc4j.examples.peer.Events;
import org.rtc4j.examples.peer.PeerCommand;
import org.rtc4j.examples.peer.RemotePeer;
import org.rtc4j.examples.peer.SignalingPeer;
import picocli.CommandLine.Command;

/** Answers every peer in the room and sends each data-channel message back, same type. */
@Command(name = "echo", mixinStandardHelpOptions = true,
        description = "Join a room and echo every data-channel message back to its sender on the same channel "
                + "(text as text, binary as binary), one connection per peer, until interrupted.",
        footer = {"", "Examples:", "  rtc4j signal-server &",
                "  rtc4j echo --room test",
                "  rtc4j echo --signal https://signal.example --room test --token \"$TOKEN\" --ice-server stun:stun.l.google.com:19302"})
public final class EchoCommand extends PeerCommand {

    @Override
    protected int run(PeerConnectionFactory factory, RTCConfiguration config, Events events) throws Exception {
        try (SignalingPeer peer = new SignalingPeer(factory, config, "echo", events, this::echo)) {
            join(peer);
            String reason = peer.disconnected().get();
            throw new CliFailure(1, "lost the signaling server: " + reason);
        }
    }

    private void echo(RemotePeer peer, RTCDataChannel ch) {
        ch.onMessage(m -> {
            try {
                if (m.binary()) {
                    ch.send(m.data());
                } else {
                    ch.send(m.text());
                }
            } catch (RTCException e) {
                // The channel closed under us: nothing to echo on.
            }
        });
    }
}
