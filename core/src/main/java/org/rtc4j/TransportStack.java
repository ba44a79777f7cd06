package org.rtc4j;

import io.netty.channel.EventLoop;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.rtc4j.dtls.DtlsConfig;
import org.rtc4j.dtls.DtlsEndpoint;
import org.rtc4j.dtls.DtlsEvent;
import org.rtc4j.dtls.DtlsRole;
import org.rtc4j.dtls.RTCCertificate;
import org.rtc4j.dtls.RTCDtlsFingerprint;
import org.rtc4j.ice.CandidatePair;
import org.rtc4j.ice.Datagram;
import org.rtc4j.ice.IceAgent;
import org.rtc4j.ice.IceCandidate;
import org.rtc4j.ice.IceEvent;
import org.rtc4j.ice.TransportProtocol;
import org.rtc4j.jsep.RemoteTransport;
import org.rtc4j.sctp.DataChannel;
import org.rtc4j.sctp.DataChannelInit;
import org.rtc4j.sctp.SctpAssociation;
import org.rtc4j.sctp.SctpConfig;
import org.rtc4j.sctp.SctpEvent;
import org.rtc4j.sdp.Fingerprint;
import org.rtc4j.ice.turn.TurnServer;
import org.rtc4j.transport.DatagramHandler;
import org.rtc4j.transport.PacketKind;
import org.rtc4j.transport.StreamConnection;
import org.rtc4j.transport.UdpSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol stack under one {@link RTCPeerConnection}: UDP sockets, the ICE agent, the DTLS
 * endpoint and the SCTP association, pumped on the connection's event loop. Everything here runs
 * on that loop: each input is handed to its state machine, then {@link #flush()} moves what the
 * machines produced down (datagrams to sockets) and up (events to the connection) until all are
 * quiet, and re-arms the one timer at the earliest deadline any of them has.
 */
final class TransportStack {

    private static final Logger LOG = LoggerFactory.getLogger(TransportStack.class);
    // DTLS records that arrive before we know our role are kept, but not without bound.
    private static final int MAX_EARLY_DTLS = 32;
    // One SCTP packet must fit one DTLS record in a 1200-byte datagram: AES-GCM records add
    // 13 bytes of header, 8 of explicit nonce and 16 of tag (ChaCha20 adds less).
    static final int SCTP_MTU = 1200 - 13 - 8 - 16 - 3;
    private static final java.time.Duration DTLS_INITIAL_RETRANSMIT = java.time.Duration.ofMillis(250);

    /** What the stack reports upwards. */
    interface Listener {
        void iceEvent(IceEvent event);

        void dtlsEvent(DtlsEvent event);

        void sctpEvent(SctpEvent event);
    }

    private final PeerConnectionFactory factory;
    private final EventLoop loop;
    private final LoopClock clock;
    private final RTCConfiguration config;
    private final IceAgent ice;
    private final Listener listener;
    private final List<UdpSocket> sockets = new ArrayList<>();
    // TURN over TCP/TLS: socket ids from STREAM_BASE up, in the order of the servers.
    private static final int STREAM_BASE = 1 << 16;
    private final List<StreamConnection> streams = new ArrayList<>();
    private final List<TurnServer> streamServers;
    private final ArrayDeque<byte[]> earlyDtls = new ArrayDeque<>();
    private final Map<DataChannel, RTCDataChannel> channels = new IdentityHashMap<>();

    private DtlsEndpoint dtls;
    private SctpAssociation sctp;
    private MediaSession media;
    private long mediaDropped;
    private boolean dtlsStarted;
    private boolean gathering;
    private boolean closed;
    private ScheduledFuture<?> timer;
    private long timerAt = Long.MAX_VALUE;
    private long datagramsDropped;

    TransportStack(PeerConnectionFactory factory, EventLoop loop, LoopClock clock, RTCConfiguration config,
            IceAgent ice, Listener listener) {
        this.factory = factory;
        this.loop = loop;
        this.clock = clock;
        this.config = config;
        this.ice = ice;
        this.listener = listener;
        this.streamServers = new ArrayList<>();
    }

    /** TURN servers reached over TCP or TLS; connected when gathering starts. */
    void addStreamTurnServer(TurnServer server) {
        streamServers.add(server);
    }

    IceAgent ice() {
        return ice;
    }

    DtlsEndpoint dtls() {
        return dtls;
    }

    SctpAssociation sctp() {
        return sctp;
    }

    /** Whether a timer is armed (tests check that close() leaves none). Loop thread. */
    boolean timerArmed() {
        return timer != null && !timer.isDone();
    }

    List<UdpSocket> sockets() {
        return sockets;
    }

    Map<DataChannel, RTCDataChannel> channels() {
        return channels;
    }

    long datagramsDropped() {
        return datagramsDropped;
    }

    /** SRTP/SRTCP datagrams that arrived with no media session to take them. */
    long mediaDropped() {
        return mediaDropped;
    }

    /** Gives the stack the connection's media session: RTP and RTCP go there, keyed by DTLS. */
    void media(MediaSession session) {
        this.media = session;
    }

    /**
     * Sends one protected media datagram on the selected pair: straight to its socket's batch
     * when the pair is not relayed, else through the ICE agent (a copy, sent by the next flush).
     * The bytes are read before this returns.
     */
    void sendMedia(byte[] buf, int off, int len) {
        if (closed) {
            return;
        }
        int id = ice.directSocketId();
        CandidatePair p = ice.selectedPair();
        if (id >= 0 && id < sockets.size() && p != null) {
            sockets.get(id).send(buf, off, len, p.remote().address());
            return;
        }
        ice.send(java.util.Arrays.copyOfRange(buf, off, off + len), clock.nowMs());
    }

    /**
     * Binds a socket on every address the interface filter selects and starts gathering on
     * them; the future completes on the loop once all are bound (or fails if none could be).
     */
    CompletableFuture<Void> startGathering() {
        if (gathering) {
            return CompletableFuture.completedFuture(null);
        }
        gathering = true;
        List<InetAddress> addresses = config.interfaceFilter().select();
        List<CompletableFuture<UdpSocket>> binds = new ArrayList<>();
        for (InetAddress a : addresses) {
            binds.add(UdpSocket.bind(factory.loops(), loop, a, config.portRange(), datagrams));
        }
        List<CompletableFuture<StreamConnection>> connects = new ArrayList<>();
        for (int i = 0; i < streamServers.size(); i++) {
            TurnServer server = streamServers.get(i);
            int id = STREAM_BASE + i;
            boolean tls = server.transport() == TransportProtocol.TLS;
            connects.add(StreamConnection.connect(factory.loops(), loop, server.address(),
                    tls ? config.tlsContext() : null, server.address().getHostString(),
                    bytes -> onStreamBytes(id, server, bytes), () -> LOG.debug("TURN connection to {} closed", server)));
        }
        List<CompletableFuture<?>> all = new ArrayList<>(binds);
        all.addAll(connects);
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).whenComplete((v, err) -> loop.execute(() -> {
            long now = clock.nowMs();
            for (CompletableFuture<UdpSocket> b : binds) {
                if (!b.isCompletedExceptionally()) {
                    UdpSocket s = b.join();
                    if (closed) {
                        s.close();
                        continue;
                    }
                    int id = sockets.size();
                    sockets.add(s);
                    ice.addLocalSocket(id, s.localAddress(), TransportProtocol.UDP, now);
                } else {
                    LOG.debug("could not bind a socket: {}", b.handle((x, t) -> t).join());
                }
            }
            for (int i = 0; i < connects.size(); i++) {
                CompletableFuture<StreamConnection> c = connects.get(i);
                if (c.isCompletedExceptionally()) {
                    LOG.warn("cannot reach TURN server {}: {}", streamServers.get(i), c.handle((x, t) -> t).join().toString());
                    streams.add(null);
                    continue;
                }
                streams.add(c.join());
                if (closed) {
                    c.join().close();
                    continue;
                }
                ice.addTurnStreamSocket(STREAM_BASE + i, streamServers.get(i), now);
            }
            if (!closed) {
                ice.startGathering(now);
                flush();
            }
            if (sockets.isEmpty() && !addresses.isEmpty() && !closed) {
                done.completeExceptionally(new RTCException(RTCException.Name.OperationError,
                        "could not bind any UDP socket on " + addresses));
            } else {
                done.complete(null);
            }
        }));
        return done;
    }

    private void onStreamBytes(int id, TurnServer server, byte[] bytes) {
        if (!closed) {
            ice.handleDatagram(id, server.address(), bytes, clock.nowMs());
            flush();
        }
    }

    /**
     * Creates the DTLS endpoint once both descriptions fixed our DTLS role; a DTLS server starts
     * listening at once, a client when ICE has a pair.
     *
     * @param srtpProfiles the SRTP profiles to offer or accept in use_srtp, preferred first
     */
    void startSecureTransport(DtlsRole role, RTCCertificate certificate, RemoteTransport remote,
            List<org.rtc4j.dtls.SrtpProfile> srtpProfiles) {
        if (dtls != null || closed) {
            return;
        }
        List<RTCDtlsFingerprint> trusted = new ArrayList<>();
        for (Fingerprint f : remote.fingerprints()) {
            trusted.add(RTCDtlsFingerprint.parse(f.format()));
        }
        // By the time DTLS starts, ICE has a working pair: a lost flight is resent after
        // 250 ms rather than DTLS's default second (libwebrtc also starts well below a second).
        DtlsConfig dc = DtlsConfig.builder().role(role).certificate(certificate).remoteFingerprints(trusted)
                .srtpProfiles(srtpProfiles)
                .handshakeTimeout(config.dtlsHandshakeTimeout()).initialRetransmit(DTLS_INITIAL_RETRANSMIT).build();
        dtls = new DtlsEndpoint(dc, factory.handshakeExecutor(), this::wakeFromHandshake);
        long now = clock.nowMs();
        while (!earlyDtls.isEmpty()) {
            dtls.handle(earlyDtls.poll(), now);
        }
        if (role == DtlsRole.SERVER || ice.selectedPair() != null) {
            startDtls();
        }
        flush();
    }

    /**
     * Creates the SCTP association for the data channels once a data section is negotiated; it
     * connects as soon as DTLS is up (at once, if it already is).
     */
    void startSctp(RemoteTransport remote) {
        if (sctp != null || closed || dtls == null) {
            return;
        }
        SctpConfig sc = SctpConfig.defaults().dtlsClient(dtls.role() == DtlsRole.CLIENT)
                .ports(RTCPeerConnection.SCTP_PORT, remote.sctpPort())
                .maxMessageSize(RTCPeerConnection.MAX_MESSAGE_SIZE)
                .remoteMaxMessageSize(remote.maxMessageSize()).mtu(SCTP_MTU)
                .zeroChecksum(config.sctpZeroChecksum());
        sctp = new SctpAssociation(sc);
        if (dtls.state() == DtlsEndpoint.State.CONNECTED) {
            sctp.connect(clock.nowMs());
        }
        flush();
    }

    // Called on the DTLS handshake thread; a handshake may end after the factory shut its loops.
    private void wakeFromHandshake() {
        if (closed || loop.isShuttingDown()) {
            return;
        }
        try {
            loop.execute(this::flush);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("handshake finished after the event loop stopped");
        }
    }

    /** Gives an {@link RTCDataChannel} its SCTP channel, once the association exists. */
    void bind(RTCDataChannel channel) {
        if (sctp == null || channel.sctpChannel() != null) {
            return;
        }
        RTCDataChannelInit init = channel.init();
        DataChannelInit di = DataChannelInit.reliable().ordered(init.ordered()).protocol(init.protocol());
        if (init.maxRetransmits() != null) {
            di.maxRetransmits(init.maxRetransmits());
        }
        if (init.maxPacketLifeTime() != null) {
            di.maxPacketLifeTime(init.maxPacketLifeTime());
        }
        if (init.negotiated()) {
            di.negotiated(init.id());
        }
        DataChannel dc = sctp.createDataChannel(channel.label(), di);
        channels.put(dc, channel);
        channel.bind(dc);
    }

    private void startDtls() {
        if (dtls != null && !dtlsStarted) {
            dtlsStarted = true;
            dtls.start(clock.nowMs());
        }
    }

    /** Feeds each datagram in; what it causes is moved on once the socket's read burst is over. */
    private final DatagramHandler datagrams = new DatagramHandler() {
        @Override
        public void onDatagram(UdpSocket socket, InetSocketAddress from, byte[] buf, int off, int len) {
            if (closed) {
                return;
            }
            int id = sockets.indexOf(socket);
            if (id < 0) {
                return;
            }
            if (!inTurn) {
                inTurn = true;
                clock.enter();
            }
            clock.datagram();
            readPending = true;
            // SRTP and SRTCP on the selected pair, once keyed: straight to the media session, in
            // the socket's buffer. The ICE agent would only hand them back as an event, after a
            // copy the event must own; everything else (STUN, DTLS, TURN, media on another pair,
            // media before the keys) takes that way.
            if (media != null && media.keyed()) {
                PacketKind kind = PacketKind.classify(buf, off, len);
                if ((kind == PacketKind.RTP || kind == PacketKind.RTCP) && ice.isSelectedPath(id, from, clock.nowMs())) {
                    if (kind == PacketKind.RTP) {
                        media.handleRtp(buf, off, len);
                    } else {
                        media.handleRtcp(buf, off, len);
                    }
                    return;
                }
            }
            ice.handleDatagram(id, from, java.util.Arrays.copyOfRange(buf, off, off + len), clock.nowMs());
        }

        @Override
        public void onReadComplete(UdpSocket socket) {
            try {
                if (readPending) {
                    readPending = false;
                    flush();
                }
            } finally {
                if (inTurn) {
                    inTurn = false;
                    clock.exit();
                }
            }
        }
    };
    private boolean readPending;
    // Whether this stack holds the loop clock's turn for the socket read under way.
    private boolean inTurn;

    /** Moves everything the state machines produced to where it goes, then re-arms the timer. */
    void flush() {
        if (closed) {
            return;
        }
        long now = clock.nowMs();
        boolean progress;
        do {
            progress = false;
            for (Datagram d; (d = ice.pollDatagram()) != null; ) {
                transmit(d);
            }
            for (IceEvent e; (e = ice.pollEvent()) != null; ) {
                progress = true;
                onIce(e, now);
            }
            if (dtls != null) {
                for (byte[] out; (out = dtls.pollDatagram()) != null; ) {
                    progress = true;
                    ice.send(out, now);
                }
                for (DtlsEvent e; (e = dtls.pollEvent()) != null; ) {
                    progress = true;
                    onDtls(e, now);
                }
            }
            if (sctp != null && dtls != null && dtls.state() == DtlsEndpoint.State.CONNECTED) {
                for (byte[] p; (p = sctp.pollTransmit(now)) != null; ) {
                    progress = true;
                    sendRecord(p);
                }
            }
            if (sctp != null) {
                for (SctpEvent e; (e = sctp.pollEvent()) != null; ) {
                    progress = true;
                    listener.sctpEvent(e);
                }
            }
        } while (progress && !closed);
        if (!channels.isEmpty()) { // flushed after every media burst: no iterator for nothing
            for (RTCDataChannel c : channels.values()) {
                c.refreshBuffered();
            }
        }
        rearm(now);
    }

    private void sendRecord(byte[] sctpPacket) {
        try {
            dtls.send(sctpPacket);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // Oversized or after close: SCTP retransmits what matters; never kill the loop task.
            datagramsDropped++;
            LOG.debug("SCTP packet not sent: {}", e.getMessage());
        }
    }

    private void transmit(Datagram d) {
        if (d.socketId() >= STREAM_BASE) {
            int i = d.socketId() - STREAM_BASE;
            StreamConnection c = i < streams.size() ? streams.get(i) : null;
            if (c != null) {
                c.write(d.data());
            }
            return;
        }
        if (d.socketId() < 0 || d.socketId() >= sockets.size()) {
            // mDNS queries need a multicast socket, which core does not open: the peer's
            // checks still reach us and yield peer-reflexive candidates.
            datagramsDropped++;
            return;
        }
        byte[] data = d.data();
        sockets.get(d.socketId()).send(data, 0, data.length, d.remote());
    }

    private void onIce(IceEvent e, long now) {
        if (e instanceof IceEvent.DataReceived) {
            byte[] data = ((IceEvent.DataReceived) e).data();
            PacketKind kind = PacketKind.classify(data, 0, data.length);
            if (kind == PacketKind.DTLS) {
                if (dtls != null) {
                    dtls.handle(data, now);
                } else if (earlyDtls.size() < MAX_EARLY_DTLS) {
                    earlyDtls.add(data);
                }
            } else if (kind == PacketKind.RTP && media != null) {
                media.handleRtp(data, 0, data.length);
            } else if (kind == PacketKind.RTCP && media != null) {
                media.handleRtcp(data, 0, data.length);
            } else {
                if (kind == PacketKind.RTP || kind == PacketKind.RTCP) {
                    mediaDropped++;
                }
                datagramsDropped++;
            }
            return;
        }
        if (e instanceof IceEvent.SelectedPairChanged) {
            startDtls();
        }
        listener.iceEvent(e);
    }

    private void onDtls(DtlsEvent e, long now) {
        if (e instanceof DtlsEvent.ApplicationData) {
            if (sctp != null) {
                sctp.handle(((DtlsEvent.ApplicationData) e).data(), now);
            }
            return;
        }
        if (e instanceof DtlsEvent.Connected c) {
            if (sctp != null) {
                sctp.connect(now);
            }
            if (media != null && c.srtpProfile() != null) {
                keyMedia(c, now);
            }
        }
        listener.dtlsEvent(e);
    }

    private void keyMedia(DtlsEvent.Connected c, long now) {
        try {
            org.rtc4j.srtp.SrtpProfile profile = org.rtc4j.srtp.SrtpProfile.fromId(c.srtpProfile().id());
            byte[] material = c.srtpKeys().toExportedBytes();
            boolean client = c.role() == DtlsRole.CLIENT;
            media.keys(() -> org.rtc4j.srtp.SrtpSession.fromDtlsKeyingMaterial(profile, material, client), now);
        } catch (org.rtc4j.srtp.SrtpException e) {
            LOG.warn("SRTP cannot use the negotiated profile {}: {}", c.srtpProfile(), e.getMessage());
        }
    }

    private void rearm(long now) {
        long next = ice.nextTimeout();
        if (dtls != null) {
            next = Math.min(next, dtls.nextTimeout());
        }
        if (sctp != null) {
            next = Math.min(next, sctp.nextTimeout());
        }
        if (media != null) {
            next = Math.min(next, media.nextTimeoutMs());
        }
        if (timer != null && timerAt <= next) {
            // The armed timer fires no later than needed; if early, onTimer finds nothing due and
            // re-arms. SCTP's T3-rtx moves later with every SACK, and cancelling and scheduling a
            // task per received burst cost more than an occasional early wake-up.
            return;
        }
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        timerAt = next;
        if (next != Long.MAX_VALUE) {
            timer = loop.schedule(timerTask, Math.max(0, next - now), TimeUnit.MILLISECONDS);
        }
    }

    private final Runnable timerTask = this::onTimer;

    private void onTimer() {
        timer = null;
        timerAt = Long.MAX_VALUE;
        if (closed) {
            return;
        }
        long now = clock.nowMs();
        if (ice.nextTimeout() <= now) {
            ice.handleTimeout(now);
        }
        if (dtls != null && dtls.nextTimeout() <= now) {
            dtls.handleTimeout(now);
        }
        if (sctp != null && sctp.nextTimeout() <= now) {
            sctp.handleTimeout(now);
        }
        if (media != null && media.nextTimeoutMs() <= now) {
            media.handleTimeout(now);
        }
        flush();
    }

    /** The pair carrying data, or null. */
    CandidatePair selectedPair() {
        return ice.selectedPair();
    }

    /** Adds a remote candidate given as an SDP candidate string. */
    void addRemoteCandidate(String candidate) {
        ice.addRemoteCandidate(IceCandidate.parse(candidate), clock.nowMs());
        flush();
    }

    /** Aborts SCTP, closes DTLS and ICE, sends what that produced, closes sockets and the timer. */
    void close() {
        if (closed) {
            return;
        }
        long now = clock.nowMs();
        boolean aborted = false;
        if (sctp != null && !sctp.isFinished()) {
            sctp.abort("peer connection closed", now);
            aborted = true;
        }
        if (dtls != null && dtls.state() == DtlsEndpoint.State.CONNECTED && sctp != null) {
            for (byte[] p; (p = sctp.pollTransmit(now)) != null; ) {
                sendRecord(p);
            }
        }
        boolean dtlsOpen = dtls != null && dtls.state() == DtlsEndpoint.State.CONNECTED;
        if (dtls != null) {
            dtls.close();
            for (byte[] out; (out = dtls.pollDatagram()) != null; ) {
                ice.send(out, now);
            }
        }
        ice.close(now);
        int last = 0;
        for (Datagram d; (d = ice.pollDatagram()) != null; ) {
            transmit(d);
            last++;
        }
        // The sockets send these before they close (UdpSocket.close), so the peer hears of it now.
        LOG.debug("closing: {} datagram(s) out{}{}", last, aborted ? ", SCTP ABORT" : "",
                dtlsOpen ? ", DTLS close_notify" : "");
        closed = true;
        if (timer != null) {
            timer.cancel(false);
        }
        for (UdpSocket s : sockets) {
            s.close();
        }
        for (StreamConnection c : streams) {
            if (c != null) {
                c.close();
            }
        }
        earlyDtls.clear();
    }
}
