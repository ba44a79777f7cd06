package org.rtc4j.interop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.rtc4j.LocalFrameTrack;
import org.rtc4j.PeerConnectionFactory;
import org.rtc4j.RTCConfiguration;
import org.rtc4j.RTCIceCandidate;
import org.rtc4j.RTCPeerConnection;
import org.rtc4j.RTCPeerConnectionState;
import org.rtc4j.RTCRtpTransceiverDirection;
import org.rtc4j.RTCRtpTransceiverInit;
import org.rtc4j.RTCSdpType;
import org.rtc4j.RTCSessionDescription;
import org.rtc4j.media.MediaFilePlayer;
import org.rtc4j.media.MediaFileRecorder;
import org.rtc4j.media.MediaFileSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rtc4j side of a media interop run against a real peer over a {@link PeerLink}: rtc4j
 * plays files into tracks (paced in real time once connected) and records the peer's tracks to
 * files, offering or answering. The peer ends with a flat {@code result} object.
 */
final class MediaScenario implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MediaScenario.class);

    final RTCPeerConnection pc;
    private final PeerLink link;
    private final List<MediaFileSource> sources = new ArrayList<>();
    private final List<LocalFrameTrack> tracks = new ArrayList<>();
    private final List<MediaFilePlayer> players = new CopyOnWriteArrayList<>();
    private final Map<String, Path> recordTo = new java.util.HashMap<>();
    final Map<String, MediaFileRecorder> recorders = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<String> receiveOnly = new ArrayList<>();
    private boolean loop;
    final CompletableFuture<Void> connected = new CompletableFuture<>();
    final CompletableFuture<Map<String, Object>> result = new CompletableFuture<>();
    final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final List<RTCIceCandidate> held = new ArrayList<>();
    private boolean remoteSet;
    private volatile long connectedAtNanos;
    // When set, every datagram between the peers goes through it (see through()).
    private org.rtc4j.ImpairmentRelay relay;
    private final java.net.InetSocketAddress[] real = new java.net.InetSocketAddress[2];

    MediaScenario(PeerConnectionFactory factory, RTCConfiguration config, PeerLink link) {
        this.pc = factory.createPeerConnection(config);
        this.link = link;
    }

    /** Sends {@code file} as a track once connected. */
    MediaScenario send(MediaFileSource file) {
        sources.add(file);
        return this;
    }

    /** Plays the files in a loop until closed (so the peer hears media for as long as it listens). */
    MediaScenario loop() {
        this.loop = true;
        return this;
    }

    /** Frames the players wrote so far, per file in the order given. */
    long[] framesWritten() {
        return players.stream().mapToLong(MediaFilePlayer::framesWritten).toArray();
    }

    /** Records the peer's track of {@code kind} into {@code file}. */
    MediaScenario record(String kind, Path file) {
        recordTo.put(kind, file);
        return this;
    }

    /**
     * Puts {@code relay} between the peers: each learns only the other's UDP host candidates on
     * the relay's own address, rewritten to the relay's sides, and descriptions cross without inline
     * candidates. rtc4j is the relay's side A.
     */
    MediaScenario through(org.rtc4j.ImpairmentRelay relay) {
        this.relay = relay;
        return this;
    }

    // A candidate the relay can carry: UDP on the address the relay is bound to.
    private boolean relayable(RTCIceCandidate c) {
        String[] f = c.candidate().split(" ");
        try {
            return f.length > 5 && f[2].equalsIgnoreCase("udp")
                    && f[4].equals(relay.facingA().getAddress().getHostAddress());
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private synchronized RTCIceCandidate viaRelay(RTCIceCandidate c, int side) {
        real[side] = org.rtc4j.ImpairmentRelay.address(c);
        relay.peers(real[0], real[1]);
        try {
            return org.rtc4j.ImpairmentRelay.rewrite(c, side == 0 ? relay.facingB() : relay.facingA());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void sendDescription() {
        RTCSessionDescription d = pc.localDescription();
        if (relay != null) {
            d = org.rtc4j.ImpairmentRelay.stripCandidates(d);
        }
        link.send(new Envelope("desc", d.toJson()));
    }

    private void sendCandidate(RTCIceCandidate c) {
        if (c != null && relay != null) {
            if (!relayable(c)) {
                return;
            }
            c = viaRelay(c, 0);
        }
        link.send(new Envelope("candidate", c == null ? "null" : c.toJson()));
    }

    /** When offering, asks to receive {@code kind} without sending it. */
    MediaScenario receive(String kind) {
        receiveOnly.add(kind);
        return this;
    }

    /** When the connection came up, in ms since the epoch of System.nanoTime (for call durations). */
    long connectedAtNanos() {
        return connectedAtNanos;
    }

    void start(boolean offer) {
        pc.onConnectionStateChange(s -> {
            if (s == RTCPeerConnectionState.CONNECTED && !connected.isDone()) {
                connectedAtNanos = System.nanoTime();
                connected.complete(null);
                startPlayers();
            } else if (s == RTCPeerConnectionState.FAILED) {
                connected.completeExceptionally(new AssertionError("connection failed"));
            }
        });
        pc.onIceCandidate(this::sendCandidate);
        pc.onTrack(e -> {
            Path file = recordTo.get(e.track().kind());
            if (file != null) {
                recorders.put(e.track().kind(), MediaFileRecorder.record(e.track(), file));
            }
        });
        for (MediaFileSource s : sources) {
            LocalFrameTrack t = LocalFrameTrack.create(s.codec());
            tracks.add(t);
            pc.addTrack(t, "rtc4j-stream");
        }
        for (String kind : receiveOnly) {
            pc.addTransceiver(kind, RTCRtpTransceiverInit.of(RTCRtpTransceiverDirection.RECVONLY));
        }
        link.onMessage(this::received);
        if (offer) {
            pc.setLocalDescription().thenRun(this::sendDescription).exceptionally(this::failed);
        }
    }

    private void startPlayers() {
        for (int i = 0; i < sources.size(); i++) {
            players.add(MediaFilePlayer.start(sources.get(i), tracks.get(i), loop));
        }
    }

    /** Completes when every file has played to its end. */
    CompletableFuture<Void> played() {
        return connected.thenCompose(v -> CompletableFuture.allOf(players.stream().map(MediaFilePlayer::done)
                .toArray(CompletableFuture[]::new)));
    }

    /** Tells the peer something that needs no value (e.g. "finish"). */
    void tell(String kind) {
        link.send(new Envelope(kind, "null"));
    }

    private void received(Envelope m) {
        switch (m.kind()) {
            case "desc" -> {
                RTCSessionDescription d = RTCSessionDescription.fromJson(m.value());
                if (relay != null) {
                    d = org.rtc4j.ImpairmentRelay.stripCandidates(d);
                }
                CompletableFuture<Void> f = pc.setRemoteDescription(d).thenRun(this::remoteReady);
                if (d.type() == RTCSdpType.OFFER) {
                    f = f.thenCompose(v -> pc.setLocalDescription()).thenRun(this::sendDescription);
                }
                f.exceptionally(this::failed);
            }
            case "candidate" -> candidate(m.value().equals("null") ? null : RTCIceCandidate.fromJson(m.value()));
            case "result" -> result.complete(Envelope.flat(m.value()));
            case "log" -> LOG.info("peer: {}", m.value());
            default -> LOG.info("peer sent {}", m.kind());
        }
    }

    private synchronized void candidate(RTCIceCandidate c) {
        if (c != null && relay != null) {
            if (!relayable(c)) {
                return;
            }
            c = viaRelay(c, 1);
        }
        if (remoteSet) {
            pc.addIceCandidate(c).exceptionally(this::failed);
        } else {
            held.add(c);
        }
    }

    private synchronized void remoteReady() {
        remoteSet = true;
        for (RTCIceCandidate c : held) {
            pc.addIceCandidate(c).exceptionally(this::failed);
        }
        held.clear();
    }

    private Void failed(Throwable t) {
        LOG.warn("media scenario step failed", t);
        failures.add(t);
        return null;
    }

    /** Stops the players and finishes the recordings. */
    void finishRecordings() throws java.io.IOException {
        for (MediaFilePlayer p : players) {
            p.close();
        }
        for (MediaFileRecorder r : recorders.values()) {
            r.close();
        }
    }

    @Override
    public void close() throws java.io.IOException {
        finishRecordings();
        pc.close();
        link.close();
    }
}
