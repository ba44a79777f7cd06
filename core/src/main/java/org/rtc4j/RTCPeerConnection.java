package org.rtc4j;

import io.netty.channel.EventLoop;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.rtc4j.dtls.DtlsEvent;
import org.rtc4j.dtls.DtlsRole;
import org.rtc4j.dtls.DtlsSetup;
import org.rtc4j.dtls.RTCCertificate;
import org.rtc4j.dtls.RTCDtlsFingerprint;
import org.rtc4j.ice.IceAgent;
import org.rtc4j.ice.IceCandidate;
import org.rtc4j.ice.IceConfig;
import org.rtc4j.ice.IceEvent;
import org.rtc4j.ice.IceGatheringState;
import org.rtc4j.ice.IceRole;
import org.rtc4j.ice.IceTransportState;
import org.rtc4j.ice.turn.TurnServer;
import org.rtc4j.jsep.DescriptionWriter;
import org.rtc4j.jsep.LocalTransport;
import org.rtc4j.jsep.RemoteTransport;
import org.rtc4j.jsep.SectionPlan;
import org.rtc4j.sctp.DataChannel;
import org.rtc4j.sctp.SctpEvent;
import org.rtc4j.sdp.Fingerprint;
import org.rtc4j.sdp.MediaDescription;
import org.rtc4j.sdp.SdpCandidate;
import org.rtc4j.sdp.SdpParseException;
import org.rtc4j.sdp.SessionDescription;
import org.rtc4j.sdp.Setup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WebRTC connection to one peer, with the W3C {@code RTCPeerConnection} API: offers and
 * answers (JSEP), trickled ICE candidates, DTLS authenticated by the certificate fingerprints in
 * the descriptions, audio and video tracks over SRTP, and data channels over SCTP, all on one
 * BUNDLE transport.
 *
 * <p>All of a connection's state lives on one Netty event loop. Methods may be called from any
 * thread: those that are promises in the browser return {@link CompletableFuture}s completed on
 * that loop; listeners run on it. Create connections with
 * {@link PeerConnectionFactory#createPeerConnection(RTCConfiguration)}.
 *
 * <p>Offers carry a section per transceiver and a data section once a channel exists, as the
 * browser's do; an offer that would otherwise be empty carries the data section, so a data-only
 * application may create its channels after connecting without renegotiating. Media enters and
 * leaves encoded ({@link LocalFrameTrack}, {@link LocalRtpTrack}, {@link RemoteTrack}): rtc4j
 * packetizes, encrypts, reports (RTCP) and reassembles, it does not decode.
 */
public final class RTCPeerConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RTCPeerConnection.class);
    static final int SCTP_PORT = 5000;
    static final int MAX_MESSAGE_SIZE = 256 * 1024;
    private static final String OFFER_MID = "0";
    private static final List<String> NO_STREAMS = List.of();

    private final PeerConnectionFactory factory;
    private final RTCConfiguration config;
    private final EventLoop loop;
    private final LoopClock clock;
    private final RTCCertificate certificate;
    private final DescriptionWriter writer;
    private final SecureRandom random = new SecureRandom();
    private final List<RTCDataChannel> pendingChannels = new ArrayList<>();
    // Written on the loop, read by localDescription() on any thread.
    private final List<SdpCandidate> localCandidates = new CopyOnWriteArrayList<>();
    // Added on the loop, read by getTransceivers() on any thread.
    private final List<RTCRtpTransceiver> transceivers = new CopyOnWriteArrayList<>();
    private final Negotiator negotiator;
    private final MediaSession media;
    private SessionDescription localSdp;
    private SessionDescription pendingOfferSdp;

    private TransportStack stack;
    private RemoteTransport remote;
    private SessionDescription remoteOfferSdp;
    // The section whose transport every section shares: candidates name it.
    private String dataMid;
    private int dataIndex;
    private boolean sctpWanted;
    private boolean offerer;
    private volatile boolean endOfLocalCandidates;
    private boolean negotiationNeededFired;
    private boolean iceRestartPending;
    private String previousUfrag;
    private volatile int dataChannelsOpened;
    private volatile int dataChannelsClosed;

    private volatile RTCSignalingState signalingState = RTCSignalingState.STABLE;
    private volatile RTCIceGatheringState iceGatheringState = RTCIceGatheringState.NEW;
    private volatile RTCIceConnectionState iceConnectionState = RTCIceConnectionState.NEW;
    private volatile RTCPeerConnectionState connectionState = RTCPeerConnectionState.NEW;
    private volatile boolean dtlsConnected;
    // The peer ended DTLS with close_notify: W3C counts a "closed" DTLS transport with the
    // connected ones, so the connection stays "connected" until ICE says otherwise.
    private volatile boolean dtlsClosed;
    private volatile boolean dtlsFailed;
    private volatile String dtlsCipherSuite;
    private volatile long remoteMaxMessageSize = RemoteTransport.DEFAULT_MAX_MESSAGE_SIZE;
    private volatile RTCSctpTransport sctpTransport;
    private volatile RTCSessionDescription currentLocal;
    private volatile RTCSessionDescription pendingLocal;
    private volatile RTCSessionDescription currentRemote;
    private volatile RTCSessionDescription pendingRemote;
    private volatile boolean closed;

    private volatile Consumer<RTCIceCandidate> onIceCandidate = c -> { };
    private volatile Consumer<RTCIceGatheringState> onIceGatheringStateChange = s -> { };
    private volatile Consumer<RTCIceConnectionState> onIceConnectionStateChange = s -> { };
    private volatile Consumer<RTCPeerConnectionState> onConnectionStateChange = s -> { };
    private volatile Consumer<RTCSignalingState> onSignalingStateChange = s -> { };
    private volatile Consumer<RTCDataChannel> onDataChannel = c -> { };
    private volatile Runnable onNegotiationNeeded = () -> { };
    private volatile Consumer<RTCTrackEvent> onTrack = e -> { };

    RTCPeerConnection(PeerConnectionFactory factory, RTCConfiguration config) {
        this.factory = factory;
        this.config = Objects.requireNonNull(config, "config");
        this.loop = factory.loops().next();
        this.clock = factory.clock(loop);
        this.certificate = config.certificates().isEmpty() ? RTCCertificate.generate() : config.certificates().get(0);
        this.writer = new DescriptionWriter(random.nextLong() >>> 2);
        this.negotiator = new Negotiator(this, transceivers);
        this.media = new MediaSession(this, transceivers, Long.toHexString(random.nextLong()) + "@rtc4j",
                (b, off, len) -> {
                    if (stack != null) {
                        stack.sendMedia(b, off, len);
                    }
                });
    }

    // ================================================================== listeners (W3C event handlers)

    /**
     * A local candidate to send to the peer; null once gathering is complete (as in the browser).
     * W3C {@code onicecandidate}.
     *
     * @param listener called on the connection's loop with each candidate (naming the section
     *                 whose transport all sections share), then with null; replaces the previous
     *                 listener
     */
    public void onIceCandidate(Consumer<RTCIceCandidate> listener) {
        this.onIceCandidate = Objects.requireNonNull(listener);
    }

    /**
     * The gathering state changed (W3C {@code onicegatheringstatechange}).
     *
     * @param listener called on the connection's loop with the new state; replaces the previous
     *                 listener
     */
    public void onIceGatheringStateChange(Consumer<RTCIceGatheringState> listener) {
        this.onIceGatheringStateChange = Objects.requireNonNull(listener);
    }

    /**
     * The ICE connection state changed (W3C {@code oniceconnectionstatechange}). Not called for
     * the {@code closed} state that {@link #close()} sets, as in the browser.
     *
     * @param listener called on the connection's loop with the new state; replaces the previous
     *                 listener
     */
    public void onIceConnectionStateChange(Consumer<RTCIceConnectionState> listener) {
        this.onIceConnectionStateChange = Objects.requireNonNull(listener);
    }

    /**
     * The aggregate connection state changed (W3C {@code onconnectionstatechange}). Not called
     * for the {@code closed} state that {@link #close()} sets, as in the browser.
     *
     * @param listener called on the connection's loop with the new state; replaces the previous
     *                 listener
     */
    public void onConnectionStateChange(Consumer<RTCPeerConnectionState> listener) {
        this.onConnectionStateChange = Objects.requireNonNull(listener);
    }

    /**
     * The signaling state changed (W3C {@code onsignalingstatechange}). Not called for the
     * {@code closed} state that {@link #close()} sets, as in the browser.
     *
     * @param listener called on the connection's loop with the new state; replaces the previous
     *                 listener
     */
    public void onSignalingStateChange(Consumer<RTCSignalingState> listener) {
        this.onSignalingStateChange = Objects.requireNonNull(listener);
    }

    /**
     * The peer opened a data channel (in-band); the channel is already open. W3C
     * {@code ondatachannel}.
     *
     * @param listener called on the connection's loop with the new channel; replaces the previous
     *                 listener
     */
    public void onDataChannel(Consumer<RTCDataChannel> listener) {
        this.onDataChannel = Objects.requireNonNull(listener);
    }

    /**
     * A new offer is needed (W3C {@code negotiationneeded}): a track or transceiver was added,
     * removed, stopped or changed direction, the first data channel needs a data section, or
     * {@link #restartIce()} was called. Fires in the {@code stable} signaling state, once per need.
     *
     * @param listener run on the connection's loop; replaces the previous listener
     */
    public void onNegotiationNeeded(Runnable listener) {
        this.onNegotiationNeeded = Objects.requireNonNull(listener);
    }

    /**
     * The peer started sending a track (W3C {@code track} event); runs on the loop.
     *
     * @param listener called with one event per transceiver the peer starts sending on, once the
     *                 remote description that says so has been applied; replaces the previous
     *                 listener
     */
    public void onTrack(Consumer<RTCTrackEvent> listener) {
        this.onTrack = Objects.requireNonNull(listener);
    }

    // ================================================================== states

    /**
     * The signaling state (W3C {@code signalingState}).
     *
     * @return where the offer/answer exchange stands; {@code closed} after {@link #close()}
     */
    public RTCSignalingState signalingState() {
        return signalingState;
    }

    /**
     * The ICE gathering state (W3C {@code iceGatheringState}).
     *
     * @return whether local candidates are still being gathered
     */
    public RTCIceGatheringState iceGatheringState() {
        return iceGatheringState;
    }

    /**
     * The ICE connection state (W3C {@code iceConnectionState}).
     *
     * @return the state of the ICE transport; {@code closed} after {@link #close()}
     */
    public RTCIceConnectionState iceConnectionState() {
        return iceConnectionState;
    }

    /**
     * The aggregate of ICE and DTLS (W3C {@code connectionState}).
     *
     * @return the connection state; {@code closed} after {@link #close()}
     */
    public RTCPeerConnectionState connectionState() {
        return connectionState;
    }

    /**
     * The pending local description if there is one, else the current one; with candidates.
     * W3C {@code localDescription}.
     *
     * @return the description, with the candidates gathered so far (and end-of-candidates once
     *         gathering is complete) added to its first accepted section; null before a local
     *         description is set
     */
    public RTCSessionDescription localDescription() {
        RTCSessionDescription d = pendingLocal != null ? pendingLocal : currentLocal;
        return d == null ? null : withCandidates(d);
    }

    /**
     * The pending remote description if there is one, else the current one. W3C
     * {@code remoteDescription}.
     *
     * @return the description as the peer gave it (trickled candidates are not added); null
     *         before a remote description is set
     */
    public RTCSessionDescription remoteDescription() {
        return pendingRemote != null ? pendingRemote : currentRemote;
    }

    /**
     * The local description of the last completed negotiation (W3C
     * {@code currentLocalDescription}).
     *
     * @return the description, with the candidates gathered so far as in
     *         {@link #localDescription()}; null until an answer has been applied
     */
    public RTCSessionDescription currentLocalDescription() {
        return currentLocal == null ? null : withCandidates(currentLocal);
    }

    /**
     * The remote description of the last completed negotiation (W3C
     * {@code currentRemoteDescription}).
     *
     * @return the description; null until an answer has been applied
     */
    public RTCSessionDescription currentRemoteDescription() {
        return currentRemote;
    }

    /**
     * The certificate this connection authenticates with.
     *
     * @return the first of {@link RTCConfiguration#certificates()}, or the one generated for this
     *         connection when none was configured
     */
    public RTCCertificate certificate() {
        return certificate;
    }

    /**
     * The negotiated DTLS cipher suite, once connected (e.g. for a summary line).
     *
     * @return the suite's IANA name (e.g. {@code TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256}), or
     *         null before the DTLS handshake has completed
     */
    public String dtlsCipherSuite() {
        return dtlsCipherSuite;
    }

    int dataChannelsOpened() {
        return dataChannelsOpened;
    }

    int dataChannelsClosed() {
        return dataChannelsClosed;
    }

    /**
     * The SCTP transport of the data channels (W3C {@code pc.sctp}): null until an answer that
     * negotiates a data section has been applied, by either side.
     *
     * @return the SCTP transport, or null
     */
    public RTCSctpTransport sctp() {
        return sctpTransport;
    }

    long remoteMaxMessageSize() {
        return remoteMaxMessageSize;
    }

    // ================================================================== offer / answer

    /**
     * Creates an offer (JSEP §5.2; W3C {@code createOffer}). It is not applied: pass it to
     * {@link #setLocalDescription(RTCSessionDescription)}. After {@link #restartIce()} it carries
     * new ICE credentials.
     *
     * @return completes on the connection's loop with the offer, with the candidates gathered so
     *         far; fails with {@link RTCException} {@code InvalidStateError} if the connection is
     *         closed
     */
    public CompletableFuture<RTCSessionDescription> createOffer() {
        return call(this::offerNow);
    }

    /**
     * Creates the answer to the remote offer (JSEP §5.3; W3C {@code createAnswer}). It is not
     * applied: pass it to {@link #setLocalDescription(RTCSessionDescription)}.
     *
     * @return completes on the connection's loop with the answer; fails with
     *         {@link RTCException} {@code InvalidStateError} unless the signaling state is
     *         {@code have-remote-offer} or {@code have-local-pranswer}, or if the connection is
     *         closed
     */
    public CompletableFuture<RTCSessionDescription> createAnswer() {
        return call(this::answerNow);
    }

    /**
     * Sets the offer or answer to use: the next one, if {@code description} is null (implicit).
     * W3C {@code setLocalDescription}. Gathering starts (or goes on) once it is applied.
     *
     * @param description an offer, pranswer, answer or rollback, usually from
     *                    {@link #createOffer()} or {@link #createAnswer()}; null to create and set
     *                    an answer in {@code have-remote-offer} or {@code have-local-pranswer}, and
     *                    an offer in any other state
     * @return completes on the connection's loop once the description is applied; fails with
     *         {@link RTCException} {@code InvalidStateError} if its type is not allowed in the
     *         current signaling state or the connection is closed, and {@code OperationError} if
     *         the SDP does not parse
     */
    public CompletableFuture<Void> setLocalDescription(RTCSessionDescription description) {
        return call(() -> {
            setLocalNow(description);
            return null;
        });
    }

    /**
     * Creates and sets the offer or answer that the signaling state calls for (W3C
     * {@code setLocalDescription()} without an argument).
     *
     * @return as {@link #setLocalDescription(RTCSessionDescription)} with null
     */
    public CompletableFuture<Void> setLocalDescription() {
        return setLocalDescription(null);
    }

    /**
     * Applies the peer's offer or answer (W3C {@code setRemoteDescription}). An offer that arrives
     * while our own is pending (glare) rolls ours back first. Once it is applied, a
     * {@link #onTrack track} event fires for each transceiver the peer starts sending on.
     *
     * @param description the peer's offer, pranswer, answer or rollback; not null
     * @return completes on the connection's loop once the description is applied; fails with
     *         {@link RTCException} {@code InvalidStateError} if its type is not allowed in the
     *         current signaling state or the connection is closed, {@code OperationError} if the
     *         SDP does not parse, and {@code InvalidAccessError} if the transport section lacks
     *         ICE credentials or a fingerprint, or has an unusable {@code a=setup}
     */
    public CompletableFuture<Void> setRemoteDescription(RTCSessionDescription description) {
        Objects.requireNonNull(description, "description");
        return call(() -> {
            setRemoteNow(description);
            return null;
        });
    }

    /**
     * Adds a trickled remote candidate; null or an empty candidate string means end of candidates.
     * W3C {@code addIceCandidate}. Every section shares one transport, so a candidate for any of
     * them applies to it.
     *
     * @param candidate the peer's candidate, or null for end of candidates
     * @return completes on the connection's loop once the candidate is added; fails with
     *         {@link RTCException} {@code InvalidStateError} before a remote description is set,
     *         and {@code OperationError} if the {@code sdpMid} names no section or the candidate
     *         does not parse
     */
    public CompletableFuture<Void> addIceCandidate(RTCIceCandidate candidate) {
        return call(() -> {
            if (remoteDescription() == null) {
                throw RTCException.invalidState("addIceCandidate before setRemoteDescription");
            }
            if (candidate == null || candidate.isEndOfCandidates()) {
                stack.ice().addRemoteEndOfCandidates(clock.nowMs());
                stack.flush();
                return null;
            }
            if (candidate.sdpMid() != null && !knownMid(candidate.sdpMid())) {
                throw new RTCException(RTCException.Name.OperationError,
                        "no media section with mid " + candidate.sdpMid());
            }
            try {
                stack.addRemoteCandidate(candidate.candidate());
            } catch (IllegalArgumentException e) {
                throw new RTCException(RTCException.Name.OperationError, "bad candidate: " + e.getMessage(), e);
            }
            return null;
        });
    }

    /**
     * Asks for an ICE restart: the next offer carries new credentials and fresh candidates, and
     * the current pair keeps carrying data until checks on the new ones select a pair.
     * {@link #onNegotiationNeeded} fires.
     */
    public void restartIce() {
        loop.execute(() -> {
            if (!closed && stack != null) {
                iceRestartPending = true;
                onNegotiationNeeded.run();
            }
        });
    }

    // Every bundled section shares the one transport: a candidate for any of them applies.
    private boolean knownMid(String mid) {
        return negotiator.slots().stream().anyMatch(sl -> mid.equals(sl.mid));
    }

    private void restartIceNow() {
        stack.ice().restart(clock.nowMs());
        localCandidates.clear();
        endOfLocalCandidates = false;
    }

    private RTCSessionDescription offerNow() {
        ensureOpen();
        ensureStack(IceRole.CONTROLLING);
        if (iceRestartPending) {
            iceRestartPending = false;
            restartIceNow();
        }
        List<SectionPlan> plan = negotiator.planOffer(wantsDataSection());
        SessionDescription sdp = writer.write(plan, localTransport(Setup.ACTPASS));
        return new RTCSessionDescription(RTCSdpType.OFFER, sdp.format());
    }

    // JSEP: a data section once a channel exists; rtc4j also offers one instead of an empty offer.
    private boolean wantsDataSection() {
        boolean media = transceivers.stream().anyMatch(t -> !t.stopping() && !t.stopped());
        return sctpWanted || !pendingChannels.isEmpty() || (stack != null && !stack.channels().isEmpty()) || !media;
    }

    private RTCSessionDescription answerNow() {
        ensureOpen();
        if (signalingState != RTCSignalingState.HAVE_REMOTE_OFFER
                && signalingState != RTCSignalingState.HAVE_LOCAL_PRANSWER) {
            throw RTCException.invalidState("createAnswer in signaling state " + signalingState);
        }
        if (!remote.hasTransport()) {
            SessionDescription sdp = writer.write(negotiator.planAnswer(remoteOfferSdp), localTransport(Setup.ACTIVE));
            return new RTCSessionDescription(RTCSdpType.ANSWER, sdp.format());
        }
        DtlsSetup ours = DtlsSetup.answerTo(DtlsSetup.parse(remote.setup().format()));
        SessionDescription sdp = writer.write(negotiator.planAnswer(remoteOfferSdp),
                localTransport(Setup.valueOf(ours.name())));
        return new RTCSessionDescription(RTCSdpType.ANSWER, sdp.format());
    }

    private LocalTransport localTransport(Setup setup) {
        IceAgent ice = stack.ice();
        RTCDtlsFingerprint fp = certificate.getFingerprint("sha-256");
        Fingerprint fingerprint;
        try {
            fingerprint = Fingerprint.parse(fp.toSdp());
        } catch (SdpParseException e) {
            throw new IllegalStateException("our own fingerprint does not parse: " + fp, e);
        }
        return new LocalTransport(ice.localUfrag(), ice.localPassword(), List.of(fingerprint), setup, SCTP_PORT,
                MAX_MESSAGE_SIZE, List.copyOf(localCandidates), endOfLocalCandidates);
    }

    private void setLocalNow(RTCSessionDescription description) {
        ensureOpen();
        if (description == null) {
            boolean answering = signalingState == RTCSignalingState.HAVE_REMOTE_OFFER
                    || signalingState == RTCSignalingState.HAVE_LOCAL_PRANSWER;
            description = answering ? answerNow() : offerNow();
        }
        RTCSdpType type = description.type();
        RTCSignalingState next = SignalingTransitions.next(signalingState, true, type);
        if (type == RTCSdpType.ROLLBACK) {
            pendingLocal = null;
            pendingRemote = null;
            pendingOfferSdp = null;
            negotiator.rollback();
            setSignalingState(next);
            updateNegotiationNeeded();
            return;
        }
        SessionDescription sdp = parse(description);
        if (type == RTCSdpType.OFFER) {
            ensureStack(IceRole.CONTROLLING);
            offerer = true;
            negotiator.localOfferSet(sdp);
            pendingOfferSdp = sdp;
            transportSection();
            pendingLocal = description;
        } else {
            if (type == RTCSdpType.ANSWER) {
                currentLocal = description;
                currentRemote = pendingRemote;
                pendingLocal = null;
                pendingRemote = null;
            } else {
                pendingLocal = description;
            }
            offerer = false;
            negotiator.settle(sdp, remoteOfferSdp, false);
            transportSection();
            if (remote.hasTransport()) {
                MediaDescription t = sdp.media().get(remote.transportIndex());
                Setup ours = t.setup().orElse(Setup.ACTIVE);
                startSecure(DtlsRole.fromSetup(DtlsSetup.parse(ours.format()),
                        DtlsSetup.parse(remote.setup().format()), false));
            }
        }
        localSdp = sdp;
        setSignalingState(next);
        stack.startGathering().whenComplete((v, err) -> {
            if (err != null) {
                LOG.warn("gathering failed: {}", err.toString());
            }
        });
        if (next == RTCSignalingState.STABLE) {
            negotiationNeededFired = false;
            updateNegotiationNeeded();
        }
    }

    // Candidates name the first accepted section: the BUNDLE tag whose transport all share.
    private void transportSection() {
        Negotiator.Slot t = negotiator.transportSlot();
        if (t != null) {
            dataMid = t.mid;
            dataIndex = negotiator.indexOf(t);
        }
    }

    private void setRemoteNow(RTCSessionDescription description) {
        ensureOpen();
        RTCSdpType type = description.type();
        if (SignalingTransitions.needsImplicitRollback(signalingState, false, type)) {
            pendingLocal = null;
            negotiator.rollback();
            setSignalingState(RTCSignalingState.STABLE);
        }
        RTCSignalingState next = SignalingTransitions.next(signalingState, false, type);
        if (type == RTCSdpType.ROLLBACK) {
            pendingRemote = null;
            negotiator.rollback();
            setSignalingState(next);
            updateNegotiationNeeded();
            return;
        }
        SessionDescription sdp = parse(description);
        RemoteTransport rt = RemoteTransport.read(sdp, type == RTCSdpType.OFFER);
        if (type == RTCSdpType.OFFER) {
            ensureStack(IceRole.CONTROLLED);
            remoteOfferSdp = sdp;
            pendingRemote = description;
            negotiator.remoteOfferSet(sdp, rt);
            transportSection();
        } else {
            if (type == RTCSdpType.ANSWER) {
                currentRemote = description;
                currentLocal = pendingLocal;
                pendingLocal = null;
                pendingRemote = null;
            } else {
                pendingRemote = description;
            }
            if (pendingOfferSdp != null) {
                negotiator.settle(pendingOfferSdp, sdp, true);
                if (type == RTCSdpType.ANSWER) {
                    pendingOfferSdp = null;
                }
            }
            transportSection();
        }
        remote = rt;
        if (rt.hasData()) {
            remoteMaxMessageSize = rt.maxMessageSize();
        }
        if (rt.hasTransport()) {
            long now = clock.nowMs();
            boolean remoteRestart = type == RTCSdpType.OFFER && previousUfrag != null
                    && !previousUfrag.equals(rt.iceUfrag());
            if (remoteRestart) {
                // JSEP §5.3: an answer to an ICE restart carries new credentials too.
                restartIceNow();
                stack.flush();
            }
            previousUfrag = rt.iceUfrag();
            stack.ice().setRemoteCredentials(rt.iceUfrag(), rt.icePwd(), now);
            for (SdpCandidate c : rt.candidates()) {
                try {
                    stack.ice().addRemoteCandidate(IceCandidate.parse(c.toCandidateString()), now);
                } catch (IllegalArgumentException e) {
                    LOG.debug("skipping remote candidate {}: {}", c, e.getMessage());
                }
            }
            if (rt.endOfCandidates()) {
                stack.ice().addRemoteEndOfCandidates(now);
            }
            if (type == RTCSdpType.ANSWER) {
                startSecure(DtlsRole.fromSetup(DtlsSetup.ACTPASS, DtlsSetup.parse(rt.setup().format()), true));
            }
        }
        List<RTCTrackEvent> tracks = negotiator.remoteTracks(sdp);
        setSignalingState(next);
        stack.flush();
        for (RTCTrackEvent e : tracks) {
            onTrack.accept(e);
        }
        if (next == RTCSignalingState.STABLE) {
            negotiationNeededFired = false;
            updateNegotiationNeeded();
        }
    }

    private SessionDescription parse(RTCSessionDescription d) {
        try {
            return SessionDescription.parse(d.sdp());
        } catch (SdpParseException e) {
            throw new RTCException(RTCException.Name.OperationError,
                    "sdp-syntax-error at line " + e.lineNumber() + ": " + e.getMessage(), e);
        }
    }

    private void ensureStack(IceRole role) {
        if (stack != null) {
            return;
        }
        IceConfig ic = new IceConfig();
        ic.role = role;
        ic.relayOnly = config.iceTransportPolicy() == RTCIceTransportPolicy.RELAY;
        // A browser that answers starts DTLS only once we nominate: waiting up to a second for
        // a better pair (the agent's default) shows as a second of setup. 200 ms still lets
        // the higher-priority pairs that are being checked finish first.
        ic.nominationDelayMillis = 200;
        List<TurnServer> streamTurn = IceServers.configure(ic, config.iceServers());
        IceAgent ice = new IceAgent(ic, random);
        stack = new TransportStack(factory, loop, clock, config, ice, new StackEvents());
        stack.media(media);
        streamTurn.forEach(stack::addStreamTurnServer);
    }

    private void startSecure(DtlsRole role) {
        stack.startSecureTransport(role, certificate, remote, config.srtpProfiles());
        if (negotiator.hasDataSection() && remote.hasData()) {
            sctpWanted = true;
            if (sctpTransport == null) {
                sctpTransport = new RTCSctpTransport(this);
            }
            stack.startSctp(remote);
            for (RTCDataChannel c : pendingChannels) {
                stack.bind(c);
            }
            pendingChannels.clear();
        }
        stack.flush();
    }

    // ================================================================== media

    /**
     * Sends {@code track} to the peer (W3C {@code addTrack}): on a transceiver of its kind that
     * has never sent and has no track (one a remote offer created, say), else on a new sendrecv
     * one. {@code negotiationneeded} fires when a new offer is needed.
     *
     * <p>Like the other synchronous W3C methods here (removeTrack, addTransceiver), it runs on the
     * connection's event loop and waits for it: call it from an application thread or from this
     * connection's own callbacks, not from another connection's loop, which it would block.
     *
     * @param track     the track to send; not null
     * @param streamIds the ids of the streams the track is in ({@code a=msid})
     * @return the sender that sends the track
     * @throws RTCException {@code InvalidAccessError} if the track is already sent here,
     *                      {@code InvalidStateError} if the connection is closed
     */
    public RTCRtpSender addTrack(LocalTrack track, String... streamIds) {
        Objects.requireNonNull(track, "track");
        return onLoop(() -> {
            ensureOpen();
            for (RTCRtpTransceiver t : transceivers) {
                if (t.sender().track() == track && !t.stopped()) {
                    throw RTCException.invalidAccess("the track is already sent on " + t);
                }
            }
            for (RTCRtpTransceiver t : transceivers) {
                if (t.kind().equals(track.kind()) && t.sender().track() == null && !t.stopping() && !t.everSent()) {
                    t.sender().setTrack(track);
                    t.sender().streamIds(List.of(streamIds));
                    RTCRtpTransceiverDirection d = t.wantedDirection();
                    t.wantedDirection(RTCRtpTransceiverDirection.of(true, d.receives()));
                    updateNegotiationNeeded();
                    return t.sender();
                }
            }
            RTCRtpTransceiver t = newTransceiver(track.kind(), track, RTCRtpTransceiverDirection.SENDRECV,
                    List.of(streamIds), true);
            updateNegotiationNeeded();
            return t.sender();
        });
    }

    /**
     * Stops sending a sender's track (W3C {@code removeTrack}): the track is detached and the
     * transceiver no longer sends once renegotiated; its section stays. Nothing happens if the
     * sender has no track. Waits for the loop, as {@link #addTrack} does.
     *
     * @param sender one of this connection's senders; not null
     * @throws RTCException {@code InvalidAccessError} if the sender is not this connection's,
     *                      {@code InvalidStateError} if the connection is closed
     */
    public void removeTrack(RTCRtpSender sender) {
        Objects.requireNonNull(sender, "sender");
        onLoop(() -> {
            ensureOpen();
            RTCRtpTransceiver t = sender.transceiver();
            if (t == null || !transceivers.contains(t)) {
                throw RTCException.invalidAccess("the sender is not this connection's");
            }
            if (sender.track() == null) {
                return null;
            }
            sender.setTrack(null);
            RTCRtpTransceiverDirection d = t.wantedDirection();
            if (!t.stopping()) {
                t.wantedDirection(RTCRtpTransceiverDirection.of(false, d.receives()));
            }
            updateNegotiationNeeded();
            return null;
        });
    }

    /**
     * Adds a transceiver of {@code kind} ({@code audio} or {@code video}) with no track (W3C
     * {@code addTransceiver}). Waits for the loop, as {@link #addTrack} does;
     * {@code negotiationneeded} fires.
     *
     * @param kind {@code "audio"} or {@code "video"}
     * @param init the direction, stream ids and encodings, or null for
     *             {@link RTCRtpTransceiverInit#sendrecv()}
     * @return the new transceiver, with no mid until negotiated
     * @throws RTCException {@code TypeError} for another kind, {@code InvalidStateError} if the
     *                      connection is closed
     */
    public RTCRtpTransceiver addTransceiver(String kind, RTCRtpTransceiverInit init) {
        if (!"audio".equals(kind) && !"video".equals(kind)) {
            throw new RTCException(RTCException.Name.TypeError, "kind must be audio or video: " + kind);
        }
        RTCRtpTransceiverInit options = init == null ? RTCRtpTransceiverInit.sendrecv() : init;
        return onLoop(() -> {
            ensureOpen();
            RTCRtpTransceiver t = newTransceiver(kind, null, options.direction(), options.streams(), false,
                    options.sendEncodings());
            updateNegotiationNeeded();
            return t;
        });
    }

    /**
     * Adds a transceiver that sends {@code track} (W3C {@code addTransceiver(track, init)}), of
     * the track's kind. Waits for the loop, as {@link #addTrack} does; {@code negotiationneeded}
     * fires.
     *
     * @param track the track to send; not null
     * @param init  the direction, stream ids and encodings, or null for
     *              {@link RTCRtpTransceiverInit#sendrecv()}
     * @return the new transceiver, with no mid until negotiated
     * @throws RTCException {@code InvalidStateError} if the connection is closed
     */
    public RTCRtpTransceiver addTransceiver(LocalTrack track, RTCRtpTransceiverInit init) {
        Objects.requireNonNull(track, "track");
        RTCRtpTransceiverInit options = init == null ? RTCRtpTransceiverInit.sendrecv() : init;
        return onLoop(() -> {
            ensureOpen();
            RTCRtpTransceiver t = newTransceiver(track.kind(), track, options.direction(), options.streams(), false,
                    options.sendEncodings());
            updateNegotiationNeeded();
            return t;
        });
    }

    /**
     * The transceivers, in the order they were created (W3C {@code getTransceivers}).
     *
     * @return an unmodifiable snapshot, stopped transceivers included
     */
    public List<RTCRtpTransceiver> getTransceivers() {
        return List.copyOf(transceivers);
    }

    /**
     * The senders of the transceivers that are not stopped (W3C {@code getSenders}).
     *
     * @return a new list, in transceiver order
     */
    public List<RTCRtpSender> getSenders() {
        List<RTCRtpSender> out = new ArrayList<>();
        for (RTCRtpTransceiver t : transceivers) {
            if (!t.stopped()) {
                out.add(t.sender());
            }
        }
        return out;
    }

    /**
     * The receivers of the transceivers that are not stopped (W3C {@code getReceivers}).
     *
     * @return a new list, in transceiver order
     */
    public List<RTCRtpReceiver> getReceivers() {
        List<RTCRtpReceiver> out = new ArrayList<>();
        for (RTCRtpTransceiver t : transceivers) {
            if (!t.stopped()) {
                out.add(t.receiver());
            }
        }
        return out;
    }

    RTCRtpTransceiver newTransceiver(String kind, LocalTrack track, RTCRtpTransceiverDirection direction,
            List<String> streams, boolean byAddTrack) {
        return newTransceiver(kind, track, direction, streams, byAddTrack, List.of());
    }

    private RTCRtpTransceiver newTransceiver(String kind, LocalTrack track, RTCRtpTransceiverDirection direction,
            List<String> streams, boolean byAddTrack, List<RTCRtpEncodingParameters> encodings) {
        long ssrc = 1 + (random.nextLong() & 0xFFFFFFFEL);
        long rtxSsrc = 1 + (random.nextLong() & 0xFFFFFFFEL);
        RTCRtpSender sender = new RTCRtpSender(this, loop, kind, track, streams, encodings, ssrc, rtxSsrc);
        RTCRtpReceiver receiver = new RTCRtpReceiver(this, kind);
        RTCRtpTransceiver t = new RTCRtpTransceiver(this, kind, sender, receiver, direction, byAddTrack);
        transceivers.add(t);
        return t;
    }

    void transceiverStopping(RTCRtpTransceiver t) {
        loop.execute(() -> {
            t.sender().setTrack(null);
            media.bye(t.sender().stream());
            flushTransport();
            if (t.mid() == null) {
                // Never negotiated: gone at once (W3C stop on an unassociated transceiver).
                t.markStopped();
            }
            updateNegotiationNeeded();
        });
    }

    /**
     * Re-checks whether negotiation is needed (JSEP §4.1.6 / W3C "update the negotiation-needed
     * flag") and fires {@code negotiationneeded} once, in the stable state.
     */
    void updateNegotiationNeeded() {
        loop.execute(() -> {
            if (closed || signalingState != RTCSignalingState.STABLE || negotiationNeededFired) {
                return;
            }
            if (negotiationNeeded()) {
                negotiationNeededFired = true;
                onNegotiationNeeded.run();
            }
        });
    }

    private boolean negotiationNeeded() {
        if (iceRestartPending) {
            return true;
        }
        boolean channels = !pendingChannels.isEmpty() || (stack != null && !stack.channels().isEmpty());
        if (channels && !negotiator.hasDataSection()) {
            return true;
        }
        for (RTCRtpTransceiver t : transceivers) {
            if (t.stopped()) {
                continue;
            }
            if (t.stopping() || t.mid() == null) {
                return true;
            }
            RTCRtpTransceiverDirection current = t.currentDirection();
            if (current != null && localDirection(t) != t.wantedDirection()) {
                return true;
            }
        }
        return false;
    }

    // The direction our last description wrote for t's section.
    private RTCRtpTransceiverDirection localDirection(RTCRtpTransceiver t) {
        if (localSdp == null) {
            return null;
        }
        for (MediaDescription m : localSdp.media()) {
            if (m.mid().map(x -> x.equals(t.mid())).orElse(false)) {
                org.rtc4j.sdp.Direction d = localSdp.effectiveDirection(m);
                RTCRtpTransceiverDirection ours = RTCRtpTransceiverDirection.of(d.sends(), d.receives());
                // An answer may narrow what we want; only a change of what we want renegotiates.
                return offerer ? ours : (ours == t.wantedDirection() || narrowed(t, ours) ? t.wantedDirection() : ours);
            }
        }
        return null;
    }

    private static boolean narrowed(RTCRtpTransceiver t, RTCRtpTransceiverDirection answered) {
        RTCRtpTransceiverDirection w = t.wantedDirection();
        return (!answered.sends() || w.sends()) && (!answered.receives() || w.receives());
    }

    RTCConfiguration config() {
        return config;
    }

    MediaSession media() {
        return media;
    }

    /** The protocol stack, for tests that play a misbehaving peer; null before negotiation. */
    TransportStack stackForTests() {
        return stack;
    }

    EventLoop loop() {
        return loop;
    }

    long nowMs() {
        return clock.nowMs();
    }

    long unixMicros() {
        return clock.unixMicros();
    }

    LoopClock clock() {
        return clock;
    }

    /** Sends what the media path queued on the transport. */
    void flushTransport() {
        if (stack != null) {
            stack.flush();
        }
    }

    private boolean flushQueued;
    private final Runnable queuedFlush = () -> {
        flushQueued = false;
        flushTransport();
    };

    /** Sends what the media path queued once the loop's current task is done; on the loop only. */
    void flushSoon() {
        if (!flushQueued) {
            flushQueued = true;
            loop.execute(queuedFlush);
        }
    }

    // Runs on the loop and waits there for the result: the W3C methods that are synchronous.
    private <T> T onLoop(Callable<T> task) {
        try {
            return call(task).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    // ================================================================== data channels

    /**
     * Creates a data channel (W3C {@code createDataChannel}). It opens once the connection is up
     * (at once, if it already is). The first channel of a connection without a data section
     * fires {@code negotiationneeded}.
     *
     * @param label the channel's label (may be empty); not null
     * @param init  the channel's options, or null for {@link RTCDataChannelInit#reliable()}
     * @return the new channel, in state {@code connecting}
     * @throws RTCException {@code InvalidStateError} if closed; {@code TypeError} for
     *                      contradictory options
     */
    public RTCDataChannel createDataChannel(String label, RTCDataChannelInit init) {
        Objects.requireNonNull(label, "label");
        RTCDataChannelInit options = init == null ? RTCDataChannelInit.reliable() : init;
        options.validate();
        if (closed) {
            throw RTCException.invalidState("the connection is closed");
        }
        RTCDataChannel channel = new RTCDataChannel(this, loop, label, options);
        loop.execute(() -> {
            if (closed) {
                channel.closed();
                return;
            }
            if (stack != null && stack.sctp() != null) {
                stack.bind(channel);
                stack.flush();
            } else {
                pendingChannels.add(channel);
                updateNegotiationNeeded();
            }
        });
        return channel;
    }

    /**
     * Creates a reliable, ordered data channel.
     *
     * @param label the channel's label (may be empty); not null
     * @return the new channel, as {@link #createDataChannel(String, RTCDataChannelInit)} makes it
     */
    public RTCDataChannel createDataChannel(String label) {
        return createDataChannel(label, RTCDataChannelInit.reliable());
    }

    /** Hands queued SCTP work down the stack; called by channels after a send. */
    void flush() {
        if (stack != null) {
            stack.flush();
        }
    }

    // ================================================================== stats and close

    /**
     * A snapshot of the connection's statistics, with W3C stats types and member names (W3C
     * {@code getStats()}).
     *
     * @return completes on the connection's loop with the report: {@code peer-connection} and
     *         {@code certificate} always; once negotiation has started, {@code transport},
     *         candidate, {@code data-channel}, {@code sctp-transport} and RTP objects for what
     *         exists
     */
    public CompletableFuture<RTCStatsReport> getStats() {
        return call(() -> StatsCollector.collect(this, stack, clock.nowMs()));
    }

    /** Closes the connection: channels, SCTP, DTLS, ICE, sockets and timers. Safe to call twice. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        CompletableFuture<Void> done = call(() -> {
            closeNow();
            return null;
        });
        if (!loop.inEventLoop()) {
            try {
                done.get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debug("close: {}", e.toString());
            }
        }
    }

    private void closeNow() {
        if (closed) {
            return;
        }
        for (RTCRtpTransceiver t : transceivers) {
            media.bye(t.sender().stream());
        }
        closed = true;
        for (RTCRtpTransceiver t : transceivers) {
            t.sender().setTrack(null);
            t.receiver().track().ended();
        }
        if (stack != null) {
            List<RTCDataChannel> open = new ArrayList<>(stack.channels().values());
            stack.close();
            open.forEach(RTCDataChannel::closed);
        }
        pendingChannels.forEach(RTCDataChannel::closed);
        pendingChannels.clear();
        if (sctpTransport != null) {
            sctpTransport.closed(false);
        }
        signalingState = RTCSignalingState.CLOSED;
        iceConnectionState = RTCIceConnectionState.CLOSED;
        connectionState = RTCPeerConnectionState.CLOSED;
        factory.closed(this);
    }

    private void ensureOpen() {
        if (closed) {
            throw RTCException.invalidState("the connection is closed");
        }
    }

    // Runs on the loop; failures (RTCException or others) complete the future exceptionally.
    <T> CompletableFuture<T> call(Callable<T> task) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Runnable r = () -> {
            try {
                f.complete(task.call());
            } catch (RTCException e) {
                f.completeExceptionally(e);
            } catch (Exception | Error e) {
                LOG.debug("operation failed", e);
                f.completeExceptionally(e instanceof RuntimeException && !(e instanceof IllegalStateException)
                        ? new RTCException(RTCException.Name.OperationError, e.getMessage(), e) : e);
            }
        };
        if (loop.inEventLoop()) {
            r.run();
        } else {
            try {
                loop.execute(r);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                f.completeExceptionally(RTCException.invalidState("the factory is closed"));
            }
        }
        return f;
    }

    private RTCSessionDescription withCandidates(RTCSessionDescription d) {
        if (localCandidates.isEmpty() && !endOfLocalCandidates || d.type() == RTCSdpType.ROLLBACK) {
            return d;
        }
        try {
            SessionDescription sdp = SessionDescription.parse(d.sdp());
            if (sdp.media().isEmpty()) {
                return d;
            }
            // Candidates belong to the first accepted section, whose transport every bundled one uses.
            int at = 0;
            while (at < sdp.media().size() - 1 && sdp.media().get(at).port() == 0) {
                at++;
            }
            MediaDescription m = sdp.media().get(at);
            MediaDescription.Builder b = m.toBuilder();
            List<SdpCandidate> have = m.candidates();
            for (SdpCandidate c : localCandidates) {
                if (!have.contains(c)) {
                    b.candidate(c);
                }
            }
            if (endOfLocalCandidates && !m.endOfCandidates()) {
                b.endOfCandidates();
            }
            return new RTCSessionDescription(d.type(), sdp.toBuilder().media(at, b.build()).build().format());
        } catch (SdpParseException | IllegalArgumentException e) {
            return d;
        }
    }

    private void setSignalingState(RTCSignalingState s) {
        if (signalingState != s) {
            signalingState = s;
            onSignalingStateChange.accept(s);
        }
    }

    private void updateConnectionState() {
        RTCPeerConnectionState s;
        RTCIceConnectionState ice = iceConnectionState;
        if (closed) {
            s = RTCPeerConnectionState.CLOSED;
        } else if (ice == RTCIceConnectionState.FAILED || dtlsFailed) {
            s = RTCPeerConnectionState.FAILED;
        } else if (ice == RTCIceConnectionState.DISCONNECTED) {
            s = RTCPeerConnectionState.DISCONNECTED;
        } else if ((ice == RTCIceConnectionState.CONNECTED || ice == RTCIceConnectionState.COMPLETED)
                && (dtlsConnected || dtlsClosed)) {
            s = RTCPeerConnectionState.CONNECTED;
        } else if (ice == RTCIceConnectionState.NEW) {
            s = RTCPeerConnectionState.NEW;
        } else {
            s = RTCPeerConnectionState.CONNECTING;
        }
        if (s != connectionState) {
            connectionState = s;
            onConnectionStateChange.accept(s);
        }
    }

    /** Events from the stack, on the loop. */
    private final class StackEvents implements TransportStack.Listener {

        @Override
        public void iceEvent(IceEvent e) {
            if (e instanceof IceEvent.LocalCandidate) {
                IceCandidate c = ((IceEvent.LocalCandidate) e).candidate();
                String text = c.toSdp();
                try {
                    localCandidates.add(SdpCandidate.parse(text));
                } catch (SdpParseException ex) {
                    LOG.debug("local candidate {} does not parse as SDP: {}", text, ex.getMessage());
                }
                onIceCandidate.accept(new RTCIceCandidate(text, dataMid != null ? dataMid : OFFER_MID, dataIndex,
                        stack.ice().localUfrag()));
            } else if (e instanceof IceEvent.GatheringStateChanged) {
                IceGatheringState g = ((IceEvent.GatheringStateChanged) e).state();
                RTCIceGatheringState w = RTCIceGatheringState.of(g.w3cName());
                if (w != iceGatheringState) {
                    iceGatheringState = w;
                    onIceGatheringStateChange.accept(w);
                }
                if (g == IceGatheringState.COMPLETE) {
                    if (localCandidates.isEmpty()) {
                        // Silence here means a connection that never connects; say why it may be.
                        LOG.warn("ICE gathering completed with no local candidate, so this connection cannot connect: "
                                + "the interface filter (RTCConfiguration.interfaceFilter) selected {}, transport "
                                + "policy {}, {} ICE server(s)", config.interfaceFilter().select(),
                                config.iceTransportPolicy().value(), config.iceServers().size());
                    }
                    endOfLocalCandidates = true;
                    onIceCandidate.accept(null);
                }
            } else if (e instanceof IceEvent.StateChanged) {
                IceTransportState t = ((IceEvent.StateChanged) e).state();
                RTCIceConnectionState w = RTCIceConnectionState.of(t.w3cName());
                if (w != iceConnectionState) {
                    iceConnectionState = w;
                    onIceConnectionStateChange.accept(w);
                    updateConnectionState();
                }
            } else if (e instanceof IceEvent.TurnError) {
                IceEvent.TurnError t = (IceEvent.TurnError) e;
                LOG.warn("TURN server {} refused: {} {}", t.server(), t.code(), t.reason());
            }
        }

        @Override
        public void dtlsEvent(DtlsEvent e) {
            if (e instanceof DtlsEvent.Connected) {
                dtlsConnected = true;
                dtlsCipherSuite = ((DtlsEvent.Connected) e).cipherSuite();
                updateConnectionState();
            } else if (e instanceof DtlsEvent.Failed) {
                LOG.info("DTLS failed: {}", ((DtlsEvent.Failed) e).reason().getMessage());
                dtlsFailed = true;
                updateConnectionState();
                for (RTCDataChannel c : List.copyOf(stack.channels().values())) {
                    c.closed();
                }
            } else if (e instanceof DtlsEvent.Closed) {
                dtlsConnected = false;
                dtlsClosed = true;
                for (RTCDataChannel c : List.copyOf(stack.channels().values())) {
                    c.closed();
                }
                if (((DtlsEvent.Closed) e).byPeer()) {
                    // The peer closed the connection (close_notify): W3C reports it as closed
                    // transports, which a browser shows as "failed" only on error.
                    updateConnectionState();
                }
            }
        }

        @Override
        public void sctpEvent(SctpEvent e) {
            if (e instanceof SctpEvent.AssociationEstablished) {
                if (sctpTransport != null) {
                    org.rtc4j.sctp.SctpStats st = stack.sctp().stats();
                    sctpTransport.connected(Math.min(st.outboundStreams(), st.inboundStreams()));
                }
            } else if (e instanceof SctpEvent.ChannelOpen) {
                SctpEvent.ChannelOpen open = (SctpEvent.ChannelOpen) e;
                RTCDataChannel c = stack.channels().get(open.channel());
                dataChannelsOpened++;
                if (c == null && open.remote()) {
                    c = adopt(open.channel());
                    c.opened();
                    onDataChannel.accept(c);
                } else if (c != null) {
                    c.opened();
                }
            } else if (e instanceof SctpEvent.ChannelMessage) {
                SctpEvent.ChannelMessage m = (SctpEvent.ChannelMessage) e;
                RTCDataChannel c = stack.channels().get(m.channel());
                if (c != null) {
                    c.received(m.data(), m.binary());
                }
            } else if (e instanceof SctpEvent.ChannelClosing) {
                RTCDataChannel c = stack.channels().get(((SctpEvent.ChannelClosing) e).channel());
                if (c != null) {
                    c.closing();
                }
            } else if (e instanceof SctpEvent.ChannelClosed) {
                RTCDataChannel c = stack.channels().remove(((SctpEvent.ChannelClosed) e).channel());
                dataChannelsClosed++;
                if (c != null) {
                    c.closed();
                }
            } else if (e instanceof SctpEvent.BufferedAmountLow) {
                RTCDataChannel c = stack.channels().get(((SctpEvent.BufferedAmountLow) e).channel());
                if (c != null) {
                    c.bufferedAmountLow();
                }
            } else if (e instanceof SctpEvent.AssociationAborted || e instanceof SctpEvent.AssociationClosed) {
                for (RTCDataChannel c : List.copyOf(stack.channels().values())) {
                    c.closed();
                }
                stack.channels().clear();
                if (sctpTransport != null) {
                    sctpTransport.closed(true);
                }
            }
        }

        private RTCDataChannel adopt(DataChannel dc) {
            RTCDataChannelInit init = RTCDataChannelInit.reliable().ordered(dc.ordered()).protocol(dc.protocol());
            if (dc.maxRetransmits() != null) {
                init.maxRetransmits(dc.maxRetransmits());
            }
            if (dc.maxPacketLifeTime() != null) {
                init.maxPacketLifeTime(dc.maxPacketLifeTime());
            }
            RTCDataChannel c = new RTCDataChannel(RTCPeerConnection.this, loop, dc.label(), init);
            c.bind(dc);
            stack.channels().put(dc, c);
            return c;
        }
    }
}
