package org.rtc4j.examples.chat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.rtc4j.PeerConnectionFactory;
import org.rtc4j.RTCConfiguration;
import org.rtc4j.RTCDataChannel;
import org.rtc4j.RTCDataChannelState;
import org.rtc4j.RTCException;
import org.rtc4j.examples.peer.CliFailure;
import org.rtc4j.examples.peer.Events;
import org.rtc4j.examples.peer.PeerCommand;
import org.rtc4j.examples.peer.RemotePeer;
import org.rtc4j.examples.peer.SignalingPeer;
import picocli.CommandLine.Command;

/** Lines from stdin go to every peer in the room; their lines are printed. */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = "Chat over data channels: each stdin line goes to every peer in the room, peers' lines are "
                + "printed as `<peer-id>: <text>`. Ends at end of input (after delivering what was typed).",
        footer = {"", "Examples:", "  rtc4j chat --room lobby", "  echo hello | rtc4j chat --room lobby",
                "  rtc4j chat --room lobby --json    # {\"event\":\"message\",\"peer\":...,\"text\":...}"})
public final class ChatCommand extends PeerCommand {
    private final List<RTCDataChannel> open = new CopyOnWriteArrayList<>();
    private final List<String> backlog = new ArrayList<>();

    @Override
    protected int run(PeerConnectionFactory factory, RTCConfiguration config, Events events) throws Exception {
        try (SignalingPeer peer = new SignalingPeer(factory, config, "chat", events, (p, ch) -> opened(events, p, ch))) {
            join(peer);
            BufferedReader in = new BufferedReader(new InputStreamReader(stdin(), StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                say(line);
            }
            // End of input: deliver what is still waiting, then leave.
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (hasBacklog() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            if (hasBacklog()) {
                throw new CliFailure(1, "no peer joined within 30 s to receive what was typed");
            }
            deadline = System.nanoTime() + 5_000_000_000L;
            while (open.stream().anyMatch(c -> c.bufferedAmount() > 0) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            return 0;
        }
    }

    private synchronized boolean hasBacklog() {
        return !backlog.isEmpty();
    }

    private synchronized void say(String line) {
        if (open.isEmpty()) {
            backlog.add(line);
            return;
        }
        for (RTCDataChannel ch : open) {
            send(ch, line);
        }
    }

    private synchronized void opened(Events events, RemotePeer peer, RTCDataChannel ch) {
        ch.onMessage(m -> events.content("message", peer.id() + ": " + m.text(), "peer", peer.id(), "text", m.text()));
        ch.onClose(() -> open.remove(ch));
        for (String line : backlog) {
            send(ch, line);
        }
        backlog.clear();
        open.add(ch);
    }

    private static void send(RTCDataChannel ch, String line) {
        if (ch.readyState() == RTCDataChannelState.OPEN) {
            try {
                ch.send(line);
            } catch (RTCException e) {
                // Closed between the check and the send: that peer is gone.
            }
        }
    }
}
