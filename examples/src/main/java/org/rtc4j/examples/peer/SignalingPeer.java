package org.rtc4j.examples.peer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.rtc4j.PeerConnectionFactory;
import org.rtc4j.RTCConfiguration;
import org.rtc4j.RTCDataChannel;
import org.rtc4j.RTCDataChannelState;
import org.rtc4j.RTCIceCandidate;
import org.rtc4j.RTCPeerConnection;
import org.rtc4j.RTCPeerConnectionState;
import org.rtc4j.RTCSessionDescription;
import org.rtc4j.signaling.client.SocketIoClient;
import org.rtc4j.signaling.socketio.Args;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins a room on the rtc4j signaling server and keeps one {@link RTCPeerConnection} per peer,
 * following the DESIGN.md contract: the newcomer offers to every peer listed in the join ack
 * (creating one data channel first), everyone else answers; candidates trickle both ways through
 * {@code signal {to, data}}.
 */
public final class SignalingPeer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SignalingPeer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    /** What the command does with peers and channels. Callbacks run on network threads. */
    public interface Handler {
        /**
         * A data channel to {@code peer} is open (ours or one the peer created). Called before the
         * {@code channel-open} status event, for every channel that opens.
         *
         * @param peer    the peer
         * @param channel the open channel
         */
        void channelOpen(RemotePeer peer, RTCDataChannel channel);

        /**
         * The peer left the room or its connection failed or closed. Its connection is already
         * closed. Does nothing by default.
         *
         * @param peer the peer
         * @param why  a readable reason, e.g. {@code "peer <id> left"}
         */
        default void peerGone(RemotePeer peer, String why) {
        }
    }

    private final PeerConnectionFactory factory;
    private final RTCConfiguration config;
    private final String channelLabel;
    private final Events events;
    private final Handler handler;
    private final Map<String, RemotePeer> peers = new ConcurrentHashMap<>();
    private final CompletableFuture<String> disconnected = new CompletableFuture<>();
    private volatile boolean closing;
    private SocketIoClient client;
    private String id;
    private String room;

    /**
     * Creates a peer that is not yet connected; call {@link #join}.
     *
     * @param factory      creates one connection per remote peer
     * @param config       the configuration of every connection
     * @param channelLabel label of the data channel this side creates when it offers
     * @param events       receives the status events (joined, peer-joined, channel-open...)
     * @param handler      what the command does with peers and channels
     */
    public SignalingPeer(PeerConnectionFactory factory, RTCConfiguration config, String channelLabel,
            Events events, Handler handler) {
        this.factory = factory;
        this.config = config;
        this.channelLabel = channelLabel;
        this.events = events;
        this.handler = handler;
    }

    /**
     * Connects, joins {@code room} and offers to the peers already there. Waits up to 15 s for
     * the connection and 10 s for the join answer; the client does not reconnect.
     *
     * @param server the signaling server; only its host and port are used
     * @param token  the JWT for a server with a secret, or null
     * @param room   the room to join
     * @return this side's signaling id
     * @throws InterruptedException if interrupted while waiting for the server
     * @throws CliFailure exit 2 if the server refuses the connection or the room, 1 if it
     *                    cannot be reached
     */
    public String join(URI server, String token, String room) throws InterruptedException {
        SocketIoClient.Builder b = SocketIoClient.builder(server).reconnection(false);
        if (token != null) {
            b.auth(Map.of("token", token));
        }
        client = b.build();
        client.on("signal", (args, ack) -> onSignal(args.get(0)));
        client.on("peer-joined", (args, ack) -> {
            String peer = args.get(0).path("id").asText();
            events.status("peer-joined", "peer " + peer + " joined", "room", room, "peer", peer);
        });
        client.on("peer-left", (args, ack) -> onPeerLeft(args.get(0).path("id").asText()));
        client.onDisconnect(disconnected::complete);
        try {
            client.connect().get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            String msg = String.valueOf(e.getCause().getMessage());
            if (msg.startsWith("connection ") || msg.startsWith("reconnection")) {
                throw new CliFailure(1, "cannot reach the signaling server " + server + ": " + msg);
            }
            throw new CliFailure(2, "the signaling server refused the connection: " + msg);
        } catch (TimeoutException e) {
            throw new CliFailure(1, "no answer from the signaling server " + server + " within 15 s");
        }
        Args reply;
        try {
            reply = client.emitWithAck(ACK_TIMEOUT, "join", Map.of("room", room)).get();
        } catch (ExecutionException e) {
            throw new CliFailure(1, "join failed: " + e.getCause().getMessage());
        }
        JsonNode r = reply.get(0);
        if (r.has("error")) {
            throw new CliFailure(2, "the signaling server refused to join room '" + room + "': " + r.get("error").asText());
        }
        this.room = room;
        this.id = r.path("id").asText();
        List<String> present = new ArrayList<>();
        r.path("peers").forEach(p -> present.add(p.asText()));
        events.status("joined", "joined room '" + room + "' as " + id
                + (present.isEmpty() ? ", waiting for peers" : ", " + present.size() + " peer(s) here"),
                "room", room, "id", id, "peers", present);
        for (String peer : present) {
            offerTo(peer);
        }
        return id;
    }

    /**
     * Completes with the reason when the signaling connection is lost.
     *
     * @return the future of the disconnect reason, e.g. {@code "transport close"}
     */
    public CompletableFuture<String> disconnected() {
        return disconnected;
    }

    /**
     * This side's signaling id (after {@link #join}).
     *
     * @return the id, or null before a successful join
     */
    public String id() {
        return id;
    }

    /**
     * The peers with a connection now.
     *
     * @return an immutable snapshot, in no particular order
     */
    public List<RemotePeer> peers() {
        return List.copyOf(peers.values());
    }

    private void offerTo(String peerId) {
        RemotePeer peer = create(peerId, true);
        watch(peer, peer.connection().createDataChannel(channelLabel));
        peer.markOfferStart();
        RTCPeerConnection pc = peer.connection();
        pc.setLocalDescription()
                .thenRun(() -> send(peerId, description(pc.localDescription())))
                .exceptionally(e -> fail(peer, "offer failed: " + e.getMessage()));
    }

    private RemotePeer create(String peerId, boolean offerer) {
        RTCPeerConnection pc = factory.createPeerConnection(config);
        RemotePeer peer = new RemotePeer(peerId, pc, offerer);
        peers.put(peerId, peer);
        pc.onIceCandidate(c -> send(peerId, candidate(c)));
        pc.onConnectionStateChange(s -> {
            if (s == RTCPeerConnectionState.CONNECTED) {
                events.status("peer-connected", "connected to " + peerId, "peer", peerId);
            } else if (s == RTCPeerConnectionState.FAILED) {
                fail(peer, "connection to " + peerId + " failed");
            }
        });
        pc.onDataChannel(ch -> watch(peer, ch));
        return peer;
    }

    private void watch(RemotePeer peer, RTCDataChannel ch) {
        if (ch.readyState() == RTCDataChannelState.OPEN) {
            opened(peer, ch);
        } else {
            ch.onOpen(() -> opened(peer, ch));
        }
    }

    private void opened(RemotePeer peer, RTCDataChannel ch) {
        peer.markChannelOpen();
        // The command wires the channel first, so "channel-open" means it is ready for use.
        handler.channelOpen(peer, ch);
        events.status("channel-open", "data channel '" + ch.label() + "' open with " + peer.id(),
                "peer", peer.id(), "label", ch.label());
    }

    private void onSignal(JsonNode msg) {
        String from = msg.path("from").asText();
        JsonNode data = msg.path("data");
        try {
            if (data.has("type")) {
                onDescription(from, RTCSessionDescription.fromJson(data.toString()));
            } else if (data.has("candidate")) {
                RemotePeer peer = peers.get(from);
                if (peer == null) {
                    LOG.debug("candidate from unknown peer {}", from);
                    return;
                }
                JsonNode c = data.get("candidate");
                peer.addRemoteCandidate(c.isNull() ? null : RTCIceCandidate.fromJson(c.toString()));
            }
        } catch (IllegalArgumentException e) {
            LOG.warn("bad signal from {}: {}", from, e.getMessage());
        }
    }

    private void onDescription(String from, RTCSessionDescription d) {
        switch (d.type()) {
            case OFFER -> {
                RemotePeer known = peers.get(from);
                RemotePeer peer = known != null ? known : create(from, false);
                RTCPeerConnection pc = peer.connection();
                pc.setRemoteDescription(d)
                        .thenRun(peer::remoteDescriptionSet)
                        .thenCompose(v -> pc.setLocalDescription())
                        .thenRun(() -> send(from, description(pc.localDescription())))
                        .exceptionally(e -> fail(peer, "answering " + from + " failed: " + e.getMessage()));
            }
            case ANSWER, PRANSWER -> {
                RemotePeer peer = peers.get(from);
                if (peer != null) {
                    peer.connection().setRemoteDescription(d)
                            .thenRun(peer::remoteDescriptionSet)
                            .exceptionally(e -> fail(peer, "the answer of " + from + " failed: " + e.getMessage()));
                }
            }
            default -> LOG.debug("ignoring {} from {}", d.type(), from);
        }
    }

    private Void fail(RemotePeer peer, String why) {
        if (peers.remove(peer.id(), peer)) {
            if (!closing) {
                events.error(why);
            }
            peer.connection().close();
            handler.peerGone(peer, why);
        }
        return null;
    }

    private void onPeerLeft(String peerId) {
        events.status("peer-left", "peer " + peerId + " left", "peer", peerId);
        RemotePeer peer = peers.remove(peerId);
        if (peer != null) {
            peer.connection().close();
            handler.peerGone(peer, "peer " + peerId + " left");
        }
    }

    private void send(String to, JsonNode data) {
        client.emitWithAck(ACK_TIMEOUT, "signal", Map.of("to", to, "data", data)).whenComplete((a, e) -> {
            if (e != null) {
                LOG.warn("signal to {} failed: {}", to, e.getMessage());
            } else if (a.get(0).has("error")) {
                LOG.warn("signal to {} refused: {}", to, a.get(0).get("error").asText());
            }
        });
    }

    private static JsonNode description(RTCSessionDescription d) {
        return parse(d.toJson());
    }

    private static JsonNode candidate(RTCIceCandidate c) {
        ObjectNode n = JSON.createObjectNode();
        if (c == null || c.isEndOfCandidates()) {
            n.putNull("candidate");
        } else {
            n.set("candidate", parse(c.toJson()));
        }
        return n;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Leaves the room (the server tells the others) and closes every connection. */
    @Override
    public void close() {
        closing = true;
        if (client != null) {
            client.close();
        }
        for (RemotePeer p : peers.values()) {
            p.connection().close();
        }
        peers.clear();
    }
}
