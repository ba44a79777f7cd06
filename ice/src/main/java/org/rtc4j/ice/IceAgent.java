package org.rtc4j.ice;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.rtc4j.ice.stun.RetransmissionPolicy;
import org.rtc4j.ice.stun.StunAttribute;
import org.rtc4j.ice.stun.StunClientTransaction;
import org.rtc4j.ice.stun.StunMessage;
import org.rtc4j.ice.stun.StunMessageBuilder;
import org.rtc4j.ice.stun.StunMethod;
import org.rtc4j.ice.stun.StunParseException;
import org.rtc4j.ice.stun.TransactionId;
import org.rtc4j.ice.turn.StreamFramer;
import org.rtc4j.ice.turn.TurnClient;
import org.rtc4j.ice.turn.TurnEvent;
import org.rtc4j.ice.turn.TurnServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A full ICE agent (RFC 8445) with trickle (RFC 8838), consent freshness (RFC 7675), TURN relay
 * candidates and mDNS resolution of remote {@code .local} candidates; sans-IO, one component
 * (rtcp-mux / BUNDLE).
 *
 * <p>The caller owns sockets and the clock. It registers the sockets it bound with
 * {@link #addLocalSocket}, feeds every datagram received on them to {@link #handleDatagram},
 * sends what {@link #pollDatagram()} returns, reacts to {@link #pollEvent()} and calls
 * {@link #handleTimeout(long)} at {@link #nextTimeout()}. Not thread-safe: one owner thread.
 */
public final class IceAgent {
    /** Socket id of mDNS traffic: send such datagrams as multicast queries, feed answers back with it. */
    public static final int MDNS_SOCKET_ID = -1;

    private static final Logger LOG = LoggerFactory.getLogger(IceAgent.class);
    private static final String ICE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    /** Tr of RFC 8445 section 11. */
    private static final long LITE_KEEPALIVE_MILLIS = 15_000;
    private static final RetransmissionPolicy CONSENT_POLICY = new RetransmissionPolicy(500, 4, 4, 0, false, 5000);

    private enum Kind { CHECK, CONSENT, GATHER }

    private record Ctx(Kind kind, CandidatePair pair, boolean useCandidate, IceRole role, Generation gen,
                       long sentPriority, int socketId, InetSocketAddress server) {
    }

    private record LocalSocket(int id, InetSocketAddress address, TransportProtocol transport, int index) {
    }

    private static final class PendingMdns {
        final List<IceCandidate> candidates = new ArrayList<>();
        final long deadline;

        PendingMdns(long deadline) {
            this.deadline = deadline;
        }
    }

    private final IceConfig config;
    private final Random random;
    private final long tieBreaker;
    private IceRole role;
    private Generation gen;
    private Generation previousGen;

    private final List<LocalSocket> sockets = new ArrayList<>();
    private final List<TurnRelay> relays = new ArrayList<>();
    private final List<IceCandidate> localCandidates = new ArrayList<>();
    private final List<IceCandidate> remoteCandidates = new ArrayList<>();
    private final Checklist checklist = new Checklist();
    private final Map<TransactionId, StunClientTransaction<Ctx>> transactions = new HashMap<>();
    private final Map<CandidatePair, TransactionId> checkInFlight = new HashMap<>();
    private final Map<String, PendingMdns> mdnsPending = new HashMap<>();
    private final Map<String, String> foundations = new HashMap<>();
    private final ArrayDeque<Datagram> datagrams = new ArrayDeque<>();
    private final ArrayDeque<IceEvent> events = new ArrayDeque<>();

    private CandidatePair selected;
    private IceTransportState state = IceTransportState.NEW;
    private IceGatheringState gatheringState = IceGatheringState.NEW;
    private boolean gatheringStarted;
    private int pendingGather;
    private boolean remoteEndOfCandidates;
    private long nextCheckAt;
    private long firstValidAt = -1;
    private int prflxCounter;
    /** Consent expired: FAILED until a restart. (FAILED from exhausted checks recovers if a check later succeeds.) */
    private boolean consentLost;
    private Generation completedGen;
    private long nextValidPingAt;

    /**
     * @param config settings (copied by reference; do not change afterwards)
     * @param random randomness for credentials, tie-breaker, transaction IDs and consent jitter
     *     (a SecureRandom in production; a seeded Random in deterministic tests)
     */
    public IceAgent(IceConfig config, Random random) {
        this.config = config;
        this.random = random;
        this.role = config.lite ? IceRole.CONTROLLED : config.role;
        this.tieBreaker = config.tieBreaker != null ? config.tieBreaker : random.nextLong();
        this.gen = new Generation(config.ufrag != null ? config.ufrag : randomString(8),
                config.password != null ? config.password : randomString(24));
    }

    private String randomString(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(ICE_CHARS.charAt(random.nextInt(ICE_CHARS.length())));
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- public API

    /** @return local ufrag of the current generation */
    public String localUfrag() {
        return gen.localUfrag;
    }

    /** @return local password of the current generation */
    public String localPassword() {
        return gen.localPassword;
    }

    /** @return current role */
    public IceRole role() {
        return role;
    }

    /** @return the tie-breaker */
    public long tieBreaker() {
        return tieBreaker;
    }

    /** @return W3C transport state */
    public IceTransportState state() {
        return state;
    }

    /** @return W3C gathering state */
    public IceGatheringState gatheringState() {
        return gatheringState;
    }

    /** @return the pair carrying application data, or null */
    public CandidatePair selectedPair() {
        return selected;
    }

    /** @return local candidates of the current generation (including unsignalled host/prflx ones) */
    public List<IceCandidate> localCandidates() {
        return List.copyOf(localCandidates);
    }

    /** @return remote candidates of the current generation */
    public List<IceCandidate> remoteCandidates() {
        return List.copyOf(remoteCandidates);
    }

    /** @return a snapshot of the checklist */
    public List<CandidatePair> checklist() {
        return List.copyOf(checklist.pairs());
    }

    /** @return next datagram to send, or null */
    public Datagram pollDatagram() {
        return datagrams.poll();
    }

    /** @return next event, or null */
    public IceEvent pollEvent() {
        return events.poll();
    }

    /**
     * Registers a UDP socket the caller has bound. It yields a host candidate (unless relay-only),
     * STUN binding requests to the configured STUN servers and allocations on UDP TURN servers.
     *
     * @param socketId caller's id for the socket (not {@link #MDNS_SOCKET_ID})
     * @param address its bound address (a concrete IP, not the wildcard)
     * @param transport must be UDP (ICE-TCP is not supported)
     * @param now current time (ms)
     */
    public void addLocalSocket(int socketId, InetSocketAddress address, TransportProtocol transport, long now) {
        if (transport != TransportProtocol.UDP) {
            throw new IllegalArgumentException("only UDP sockets carry ICE checks; use addTurnStreamSocket for TURN over TCP/TLS");
        }
        if (socketId == MDNS_SOCKET_ID || socket(socketId) != null) {
            throw new IllegalArgumentException("socket id in use: " + socketId);
        }
        LocalSocket s = new LocalSocket(socketId, address, transport, sockets.size());
        sockets.add(s);
        for (TurnServer ts : config.lite ? List.<TurnServer>of() : config.turnServers) {
            if (ts.transport() == TransportProtocol.UDP && sameFamily(ts.address().getAddress(), address.getAddress())) {
                TurnRelay r = new TurnRelay(new TurnClient(ts, random), socketId);
                relays.add(r);
                pendingGather++;
                if (gatheringStarted) {
                    r.client.start(now);
                    drainTurn(r, now);
                }
            }
        }
        if (gatheringStarted) {
            gatherSocket(s, now);
            checkGatheringDone();
        }
    }

    /**
     * Registers a TCP or TLS connection the caller opened to a TURN server (for TLS the caller
     * runs the TLS engine and passes plaintext). Bytes read from it go to
     * {@link #handleDatagram} with this socket id in any chunking; datagrams with this id are
     * bytes to write to it.
     *
     * @param socketId caller's id for the connection
     * @param server the TURN server (transport TCP or TLS)
     * @param now current time (ms)
     */
    public void addTurnStreamSocket(int socketId, TurnServer server, long now) {
        if (!server.transport().isStream()) {
            throw new IllegalArgumentException("not a stream transport: " + server);
        }
        TurnRelay r = new TurnRelay(new TurnClient(server, random), socketId);
        relays.add(r);
        pendingGather++;
        if (gatheringStarted) {
            r.client.start(now);
            drainTurn(r, now);
        }
    }

    /**
     * Starts gathering on the sockets registered so far (later ones gather when added).
     *
     * @param now current time (ms)
     */
    public void startGathering(long now) {
        if (gatheringStarted) {
            return;
        }
        gatheringStarted = true;
        setGatheringState(IceGatheringState.GATHERING);
        for (LocalSocket s : sockets) {
            gatherSocket(s, now);
        }
        for (TurnRelay r : relays) {
            r.client.start(now);
            drainTurn(r, now);
        }
        checkGatheringDone();
    }

    /**
     * Sets the peer's ufrag and password. A different ufrag than before is an ICE restart by the
     * peer: remote candidates and checks start over while the selected pair keeps carrying data.
     *
     * @param ufrag remote ufrag
     * @param password remote password
     * @param now current time (ms)
     */
    public void setRemoteCredentials(String ufrag, String password, long now) {
        if (gen.hasRemote() && !gen.remoteUfrag.equals(ufrag)) {
            Generation next = new Generation(gen.localUfrag, gen.localPassword);
            startNewGeneration(next);
            resetChecks();
            remoteCandidates.clear(); // local candidates stay valid across a remote-only restart
        }
        gen.setRemote(ufrag, password);
        updateState(now);
    }

    /**
     * Adds a remote candidate (trickled or from the SDP). {@code *.local} names are resolved by
     * an mDNS query first. Non-UDP candidates are ignored.
     *
     * @param candidate the candidate
     * @param now current time (ms)
     */
    public void addRemoteCandidate(IceCandidate candidate, long now) {
        if (!"udp".equals(candidate.transport()) || candidate.component() != 1 || state == IceTransportState.CLOSED) {
            return;
        }
        if (candidate.ufrag() != null && gen.hasRemote() && !candidate.ufrag().equals(gen.remoteUfrag)) {
            return; // a candidate of another generation
        }
        if (candidate.address() == null) {
            if (!candidate.isMdns()) {
                LOG.debug("ignoring candidate with unresolvable host {}", candidate.host());
                return;
            }
            String name = candidate.host().toLowerCase(Locale.ROOT);
            PendingMdns p = mdnsPending.get(name);
            if (p == null) {
                p = new PendingMdns(now + config.mdnsTimeoutMillis);
                mdnsPending.put(name, p);
                datagrams.add(new Datagram(MDNS_SOCKET_ID, config.mdnsDestination, MdnsCodec.query(candidate.host(), false)));
            }
            p.candidates.add(candidate);
            return;
        }
        for (int i = 0; i < remoteCandidates.size(); i++) {
            IceCandidate r = remoteCandidates.get(i);
            if (r.address().equals(candidate.address())) {
                if (r.type() == CandidateType.PRFLX && candidate.type() != CandidateType.PRFLX) {
                    // Its checks came before its candidate: the same address, now with its real
                    // type and priority (stats then say host or srflx, as in browsers).
                    remoteCandidates.set(i, candidate);
                    boolean controlling = role == IceRole.CONTROLLING;
                    for (CandidatePair p : checklist.pairs()) {
                        if (p.remote() == r) {
                            p.upgradeRemote(candidate, controlling);
                        }
                    }
                    for (CandidatePair p : checklist.valid()) {
                        if (p.remote() == r) {
                            p.upgradeRemote(candidate, controlling);
                        }
                    }
                    LOG.debug("peer-reflexive remote candidate {} is the signalled {}", r.address(), candidate.type().sdpName());
                }
                return;
            }
        }
        remoteCandidates.add(candidate);
        for (IceCandidate l : new ArrayList<>(localCandidates)) {
            if (pairable(l)) {
                addPair(l, candidate, now);
            }
        }
        updateState(now);
    }

    /**
     * The peer signalled end-of-candidates ({@code a=end-of-candidates} or a null candidate).
     *
     * @param now current time (ms)
     */
    public void addRemoteEndOfCandidates(long now) {
        remoteEndOfCandidates = true;
        updateState(now);
    }

    /**
     * ICE restart (local side): new ufrag/password, candidates gathered again, checks start over
     * once {@link #setRemoteCredentials} gives the peer's credentials for the new generation. The
     * selected pair keeps carrying data (and consent) with the old credentials until a pair of
     * the new generation is selected.
     *
     * @param now current time (ms)
     */
    public void restart(long now) {
        startNewGeneration(new Generation(randomString(8), randomString(24)));
        resetChecks();
        remoteCandidates.clear();
        localCandidates.clear();
        if (state == IceTransportState.FAILED) {
            selected = null;
            consentLost = false;
            setState(IceTransportState.NEW);
        }
        gatheringState = IceGatheringState.NEW;
        boolean started = gatheringStarted;
        gatheringStarted = false;
        if (started) {
            gatheringStarted = true;
            setGatheringState(IceGatheringState.GATHERING);
            for (LocalSocket s : sockets) {
                gatherSocket(s, now);
            }
            for (TurnRelay r : relays) {
                if (r.client.state() == TurnClient.State.ALLOCATED) {
                    addRelayCandidate(r, now);
                }
            }
            checkGatheringDone();
        }
    }

    /**
     * Sends application data on the selected pair.
     *
     * @param data bytes
     * @param now current time (ms)
     * @return false if no pair is selected (or consent was lost)
     */
    public boolean send(byte[] data, long now) {
        CandidatePair p = selected;
        if (p == null || consentLost || state == IceTransportState.CLOSED) {
            return false;
        }
        sendVia(p.local(), p.remote().address(), data, now);
        return true;
    }

    /**
     * The local socket the selected pair sends through when that needs no TURN relay, for a
     * caller that moves application data (media) itself rather than through {@link #send}: it
     * sends to {@link CandidatePair#remote()}'s address on this socket. -1 when there is no
     * usable pair (none selected, consent lost, closed) or the pair is relayed; then use
     * {@link #send}.
     *
     * @return the caller's id of the selected pair's local socket, or -1
     */
    public int directSocketId() {
        CandidatePair p = selected;
        if (p == null || consentLost || state == IceTransportState.CLOSED) {
            return -1;
        }
        IceCandidate b = IceCandidate.baseOf(p.local());
        return b.relay != null ? -1 : b.socketId;
    }

    /**
     * Whether a datagram that arrived on {@code socketId} from {@code from} is on the selected
     * pair, not through a TURN relay: a caller may take such a datagram's application data (not
     * STUN, which must still come to {@link #handleDatagram}) without handing it to the agent,
     * which would only pass it back as {@link IceEvent.DataReceived}. A datagram for which this
     * is true counts as received on the pair (it keeps the connection from "disconnected").
     *
     * @param socketId the caller's id of the socket the datagram arrived on
     * @param from     the datagram's source address
     * @param now      current time (ms)
     * @return true if the datagram came directly from the selected pair's remote address on its
     *     local socket; false when there is no usable pair, the pair is relayed, or the datagram
     *     is from elsewhere (including a TURN server on that socket)
     */
    public boolean isSelectedPath(int socketId, InetSocketAddress from, long now) {
        CandidatePair p = selected;
        if (p == null || consentLost || state == IceTransportState.CLOSED) {
            return false;
        }
        IceCandidate b = IceCandidate.baseOf(p.local());
        if (b.relay != null || b.socketId != socketId || !p.remote().address().equals(from)) {
            return false;
        }
        for (int i = 0; i < relays.size(); i++) {
            TurnRelay r = relays.get(i);
            if (r.socketId == socketId && (r.framer != null || r.client.server().address().equals(from))) {
                return false; // the TURN server's own traffic
            }
        }
        p.lastReceivedAt = now;
        return true;
    }

    /**
     * Releases TURN allocations and stops. Further input is ignored.
     *
     * @param now current time (ms)
     */
    public void close(long now) {
        if (state == IceTransportState.CLOSED) {
            return;
        }
        for (TurnRelay r : relays) {
            r.client.close(now);
            drainTurn(r, now);
        }
        transactions.clear();
        checkInFlight.clear();
        checklist.clear();
        setState(IceTransportState.CLOSED);
    }

    /**
     * Feeds bytes received on a local socket (or an mDNS answer on {@link #MDNS_SOCKET_ID}).
     *
     * @param socketId the socket
     * @param from sender
     * @param data bytes (a datagram, or a chunk of a TURN TCP/TLS stream)
     * @param now current time (ms)
     */
    public void handleDatagram(int socketId, InetSocketAddress from, byte[] data, long now) {
        if (state == IceTransportState.CLOSED && !anyRelayClosing()) {
            return;
        }
        if (socketId == MDNS_SOCKET_ID) {
            handleMdns(data, now);
        } else {
            TurnRelay relay = null;
            for (TurnRelay r : relays) {
                if (r.socketId == socketId && (r.framer != null || r.client.server().address().equals(from))) {
                    relay = r;
                    break;
                }
            }
            boolean consumed = false;
            if (relay != null) {
                consumed = feedRelay(relay, data, now);
            }
            if (!consumed && state != IceTransportState.CLOSED) {
                LocalSocket s = socket(socketId);
                IceCandidate host = s == null ? null : hostCandidate(s);
                if (host != null) {
                    processIncoming(host, from, data, now);
                }
            }
        }
        maybeNominate(now);
        updateState(now);
    }

    /**
     * The caller's TCP/TLS connection registered with {@link #addTurnStreamSocket} closed or
     * failed: its allocation is gone ({@link IceEvent.TurnError} follows; a selected pair through
     * it loses consent).
     *
     * @param socketId the stream's id
     * @param now current time (ms)
     */
    public void handleStreamClosed(int socketId, long now) {
        for (TurnRelay r : relays) {
            if (r.socketId == socketId && r.framer != null) {
                r.client.connectionLost();
                drainTurn(r, now);
            }
        }
        updateState(now);
    }

    /** @return when to call {@link #handleTimeout(long)} next (ms), or Long.MAX_VALUE */
    public long nextTimeout() {
        long t = Long.MAX_VALUE;
        // Asked after every burst of media: no iterator when there is nothing to iterate.
        if (!transactions.isEmpty()) {
            for (StunClientTransaction<Ctx> tx : transactions.values()) {
                t = Math.min(t, tx.nextTimeout());
            }
        }
        for (int i = 0; i < relays.size(); i++) {
            t = Math.min(t, relays.get(i).client.nextTimeout());
        }
        if (state == IceTransportState.CLOSED) {
            return t;
        }
        if (hasCheckWork()) {
            t = Math.min(t, nextCheckAt);
        }
        if (role == IceRole.CONTROLLING && firstValidAt >= 0 && needsNomination() && !checklist.nominationInFlight()
                && checklist.bestValid(gen) != null) {
            t = Math.min(t, firstValidAt + config.nominationDelayMillis);
        }
        if (role == IceRole.CONTROLLED && needsNomination() && checklist.bestValid(gen) != null) {
            t = Math.min(t, nextValidPingAt);
        }
        if (selected != null && !consentLost) {
            t = Math.min(t, selected.nextConsentAt);
            if (!selected.consentInFlight && !config.lite) {
                t = Math.min(t, selected.lastReceivedAt + config.probeAfterMillis);
            }
            if (state != IceTransportState.DISCONNECTED) {
                t = Math.min(t, selected.lastReceivedAt + config.disconnectedAfterMillis);
            }
            t = Math.min(t, selected.lastConsentAt + config.consentTimeoutMillis);
        }
        if (!mdnsPending.isEmpty()) {
            for (PendingMdns p : mdnsPending.values()) {
                t = Math.min(t, p.deadline);
            }
        }
        return t;
    }

    /**
     * Runs due timers: retransmissions, paced checks, nomination, consent, TURN refreshes.
     *
     * @param now current time (ms)
     */
    public void handleTimeout(long now) {
        List<StunClientTransaction<Ctx>> expired = new ArrayList<>(0);
        for (Iterator<StunClientTransaction<Ctx>> it = transactions.values().iterator(); it.hasNext();) {
            StunClientTransaction<Ctx> tx = it.next();
            StunClientTransaction.Action a = tx.handleTimeout(now);
            if (a == StunClientTransaction.Action.RETRANSMIT) {
                resend(tx, now);
            } else if (a == StunClientTransaction.Action.TIMED_OUT) {
                it.remove();
                expired.add(tx);
            }
        }
        for (StunClientTransaction<Ctx> tx : expired) {
            onTimeout(tx.context(), tx.id(), now);
        }
        for (TurnRelay r : new ArrayList<>(relays)) {
            r.client.handleTimeout(now);
            drainTurn(r, now);
        }
        if (state == IceTransportState.CLOSED) {
            return;
        }
        for (Iterator<Map.Entry<String, PendingMdns>> it = mdnsPending.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, PendingMdns> e = it.next();
            if (now >= e.getValue().deadline) {
                LOG.debug("mDNS name {} did not resolve", e.getKey());
                it.remove();
            }
        }
        maybeNominate(now);
        pingValidWhileUnnominated(now);
        if (hasCheckWork() && now >= nextCheckAt) {
            CandidatePair next = checklist.next(gen);
            if (next != null) {
                sendCheck(next, now);
                nextCheckAt = now + config.taMillis;
            }
        }
        consent(now);
        updateState(now);
    }

    // ---------------------------------------------------------------- gathering

    private void gatherSocket(LocalSocket s, long now) {
        IceCandidate host = new IceCandidate(foundation(CandidateType.HOST, s.address.getAddress(), null),
                priority(CandidateType.HOST, localPreference(s.index, 0)), s.address, CandidateType.HOST, null,
                gen.localUfrag);
        host.socketId = s.id;
        localCandidates.add(host);
        if (!config.relayOnly) {
            events.add(new IceEvent.LocalCandidate(host));
            for (IceCandidate r : new ArrayList<>(remoteCandidates)) {
                addPair(host, r, now);
            }
        }
        for (InetSocketAddress server : config.stunServers) {
            if (config.relayOnly || config.lite || !sameFamily(server.getAddress(), s.address.getAddress())) {
                continue;
            }
            StunMessageBuilder b = new StunMessageBuilder(StunMethod.BINDING, StunMethod.REQUEST, TransactionId.random(random))
                    .addFingerprint();
            byte[] bytes = b.build();
            transactions.put(b.transactionId(), new StunClientTransaction<>(b.transactionId(), bytes, config.gatherPolicy,
                    new Ctx(Kind.GATHER, null, false, role, gen, 0, s.id, server), now));
            pendingGather++;
            datagrams.add(new Datagram(s.id, server, bytes));
        }
    }

    private IceCandidate hostCandidate(LocalSocket s) {
        for (IceCandidate c : localCandidates) {
            if (c.type() == CandidateType.HOST && c.socketId == s.id) {
                return c;
            }
        }
        return null;
    }

    private void addServerReflexive(int socketId, InetSocketAddress mapped, InetSocketAddress server, long now) {
        LocalSocket s = socket(socketId);
        IceCandidate host = s == null ? null : hostCandidate(s);
        if (host == null || mapped == null || config.relayOnly) {
            return;
        }
        for (IceCandidate c : localCandidates) {
            if (c.address().equals(mapped)) {
                return; // no NAT in between, or already known
            }
        }
        IceCandidate srflx = new IceCandidate(foundation(CandidateType.SRFLX, s.address.getAddress(), server.toString()),
                priority(CandidateType.SRFLX, localPreference(s.index, 0)), mapped, CandidateType.SRFLX, s.address,
                gen.localUfrag);
        srflx.base = host;
        localCandidates.add(srflx);
        events.add(new IceEvent.LocalCandidate(srflx));
        // A server-reflexive candidate is checked through its base: no new pairs (RFC 8445 6.1.2.4).
    }

    private void addRelayCandidate(TurnRelay r, long now) {
        TurnClient c = r.client;
        int rank = switch (c.server().transport()) {
            case UDP -> 2;
            case TCP -> 1;
            case TLS -> 0;
        };
        IceCandidate relay = new IceCandidate(
                foundation(CandidateType.RELAY, c.relayedAddress().getAddress(), c.server().toString()),
                priority(CandidateType.RELAY, localPreference(relays.indexOf(r), rank)), c.relayedAddress(),
                CandidateType.RELAY, c.mappedAddress(), gen.localUfrag);
        relay.relay = r;
        r.candidate = relay;
        localCandidates.add(relay);
        events.add(new IceEvent.LocalCandidate(relay));
        for (IceCandidate rc : new ArrayList<>(remoteCandidates)) {
            addPair(relay, rc, now);
        }
    }

    private void checkGatheringDone() {
        if (gatheringStarted && pendingGather <= 0 && gatheringState != IceGatheringState.COMPLETE) {
            setGatheringState(IceGatheringState.COMPLETE);
        }
    }

    private void setGatheringState(IceGatheringState s) {
        if (gatheringState != s) {
            gatheringState = s;
            events.add(new IceEvent.GatheringStateChanged(s));
        }
    }

    private static long priority(CandidateType type, int localPreference) {
        return ((long) type.typePreference() << 24) | ((long) localPreference << 8) | (256 - 1);
    }

    private static int localPreference(int index, int transportRank) {
        return Math.max(0, 65535 - (2 - transportRank) * 1024 - Math.min(index, 1023));
    }

    private String foundation(CandidateType type, InetAddress base, String server) {
        String key = type + "|" + base.getHostAddress() + "|" + server;
        return foundations.computeIfAbsent(key, k -> Integer.toString(foundations.size() + 1));
    }

    private static boolean sameFamily(InetAddress a, InetAddress b) {
        return (a instanceof Inet4Address) == (b instanceof Inet4Address);
    }

    private LocalSocket socket(int id) {
        for (LocalSocket s : sockets) {
            if (s.id == id) {
                return s;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- TURN

    private boolean feedRelay(TurnRelay r, byte[] data, long now) {
        boolean consumed;
        if (r.framer != null) {
            consumed = true;
            try {
                for (byte[] frame : r.framer.feed(data)) {
                    r.client.handleMessage(frame, now);
                }
            } catch (StunParseException e) {
                LOG.warn("TURN stream to {} is corrupt: {}", r.client.server(), e.getMessage());
                events.add(new IceEvent.TurnError(r.client.server().toString(), 0, "stream framing error: " + e.getMessage()));
                r.client.close(now);
            }
        } else {
            consumed = r.client.handleMessage(data, now);
        }
        drainTurn(r, now);
        return consumed;
    }

    private void drainTurn(TurnRelay r, long now) {
        byte[] out;
        while ((out = r.client.pollOutgoing()) != null) {
            datagrams.add(new Datagram(r.socketId, r.client.server().address(), out));
        }
        TurnEvent e;
        while ((e = r.client.pollEvent()) != null) {
            if (e instanceof TurnEvent.Allocated) {
                if (!r.gatheringDone) {
                    r.gatheringDone = true;
                    pendingGather--;
                }
                if (state != IceTransportState.CLOSED) {
                    TurnEvent.Allocated a = (TurnEvent.Allocated) e;
                    LocalSocket s = socket(r.socketId);
                    if (s != null && a.mapped() != null) {
                        addServerReflexive(s.id, a.mapped(), r.client.server().address(), now);
                    }
                    addRelayCandidate(r, now);
                    checkGatheringDone();
                }
            } else if (e instanceof TurnEvent.Failed) {
                TurnEvent.Failed f = (TurnEvent.Failed) e;
                events.add(new IceEvent.TurnError(r.client.server().toString(), f.code(), f.reason()));
                if (!r.gatheringDone) {
                    r.gatheringDone = true;
                    pendingGather--;
                    checkGatheringDone();
                }
            } else if (e instanceof TurnEvent.PeerData && r.candidate != null && state != IceTransportState.CLOSED) {
                TurnEvent.PeerData d = (TurnEvent.PeerData) e;
                processIncoming(r.candidate, d.peer(), d.data(), now);
            }
        }
    }

    private boolean anyRelayClosing() {
        for (TurnRelay r : relays) {
            if (r.client.state() == TurnClient.State.CLOSING) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- pairs and checks

    private boolean pairable(IceCandidate local) {
        if (local.type() == CandidateType.RELAY) {
            return true;
        }
        return local.type() == CandidateType.HOST && !config.relayOnly;
    }

    private CandidatePair addPair(IceCandidate local, IceCandidate remote, long now) {
        InetSocketAddress ra = remote.address();
        if (ra == null || !sameFamily(local.address().getAddress(), ra.getAddress())) {
            return null;
        }
        boolean isNew = checklist.find(local, ra) == null;
        CandidatePair p = checklist.add(local, remote, gen, role == IceRole.CONTROLLING);
        if (p != null && isNew && local.relay != null) {
            local.relay.client.createPermission(ra, now);
            drainTurn(local.relay, now);
        }
        return p;
    }

    private boolean hasCheckWork() {
        return gen.hasRemote() && !config.lite && !consentLost && checklist.hasWork();
    }

    private void sendCheck(CandidatePair p, long now) {
        TransactionId old = checkInFlight.remove(p);
        StunClientTransaction<Ctx> oldTx = old == null ? null : transactions.get(old);
        if (oldTx != null) {
            oldTx.stopRetransmitting(now); // its late response still counts
        }
        Generation g = p.generation;
        long prflxPriority = priority(CandidateType.PRFLX, (int) ((IceCandidate.baseOf(p.local()).priority() >> 8) & 0xFFFF));
        boolean useCandidate = p.nominating && role == IceRole.CONTROLLING;
        byte[] bytes = bindingRequest(g, prflxPriority, useCandidate);
        TransactionId id = TransactionId.of(bytes, 8);
        transactions.put(id, new StunClientTransaction<>(id, bytes, config.checkPolicy,
                new Ctx(Kind.CHECK, p, useCandidate, role, g, prflxPriority, 0, null), now));
        checkInFlight.put(p, id);
        if (p.state != CandidatePair.State.SUCCEEDED) {
            p.state = CandidatePair.State.IN_PROGRESS;
        }
        sendVia(p.local(), p.remote().address(), bytes, now);
    }

    private byte[] bindingRequest(Generation g, long prflxPriority, boolean useCandidate) {
        StunMessageBuilder b = new StunMessageBuilder(StunMethod.BINDING, StunMethod.REQUEST, TransactionId.random(random))
                .addString(StunAttribute.USERNAME, g.remoteUfrag + ":" + g.localUfrag)
                .addUInt32(StunAttribute.PRIORITY, prflxPriority)
                .addUInt64(role == IceRole.CONTROLLING ? StunAttribute.ICE_CONTROLLING : StunAttribute.ICE_CONTROLLED, tieBreaker);
        if (useCandidate) {
            b.addFlag(StunAttribute.USE_CANDIDATE);
        }
        return b.addIntegrity(g.remoteKey).addFingerprint().build();
    }

    private void resend(StunClientTransaction<Ctx> tx, long now) {
        Ctx c = tx.context();
        if (c.kind == Kind.GATHER) {
            datagrams.add(new Datagram(c.socketId, c.server, tx.request()));
        } else {
            sendVia(c.pair.local(), c.pair.remote().address(), tx.request(), now);
        }
    }

    private void onTimeout(Ctx c, TransactionId id, long now) {
        switch (c.kind) {
            case GATHER:
                pendingGather--;
                checkGatheringDone();
                break;
            case CONSENT:
                c.pair.consentInFlight = false;
                break;
            default:
                CandidatePair p = c.pair;
                if (!id.equals(checkInFlight.get(p))) {
                    break; // superseded by a newer check of the same pair
                }
                checkInFlight.remove(p);
                LOG.trace("check timed out on {}", p);
                if (p.state == CandidatePair.State.SUCCEEDED && c.useCandidate) {
                    // Only the nomination was lost: the pair stays valid and is nominated again.
                    p.nominating = false;
                    break;
                }
                p.state = CandidatePair.State.FAILED;
                p.nominating = false;
                checklist.invalidate(p);
                break;
        }
    }

    private void sendVia(IceCandidate local, InetSocketAddress remote, byte[] data, long now) {
        IceCandidate b = IceCandidate.baseOf(local);
        if (b.relay != null) {
            b.relay.client.send(remote, data, now);
            drainTurn(b.relay, now);
        } else {
            datagrams.add(new Datagram(b.socketId, remote, data));
        }
    }

    // ---------------------------------------------------------------- incoming

    private void processIncoming(IceCandidate local, InetSocketAddress from, byte[] data, long now) {
        if (StunMessage.looksLikeStun(data, 0, data.length)) {
            StunMessage m;
            try {
                m = StunMessage.parse(data);
            } catch (StunParseException e) {
                LOG.debug("dropping malformed STUN from {}: {}", from, e.getMessage());
                return;
            }
            if (m.method() != StunMethod.BINDING) {
                return;
            }
            try {
                if (m.isRequest()) {
                    handleRequest(local, from, m, now);
                } else if (m.isResponse()) {
                    handleResponse(local, from, m, now);
                }
            } catch (StunParseException e) {
                LOG.debug("dropping STUN with a malformed attribute from {}: {}", from, e.getMessage());
            }
            return;
        }
        CandidatePair p = pairForData(local, from);
        if (p != null) {
            p.lastReceivedAt = now;
            events.add(new IceEvent.DataReceived(data, p));
        } else {
            LOG.trace("dropping {} bytes from {} on no valid pair", data.length, from);
        }
    }

    private static boolean matches(CandidatePair p, IceCandidate local, InetSocketAddress from) {
        return p.remote().address().equals(from) && IceCandidate.sameBase(p.local(), local);
    }

    private CandidatePair pairForData(IceCandidate local, InetSocketAddress from) {
        if (selected != null && matches(selected, local, from)) {
            return selected;
        }
        return checklist.forData(local, from);
    }

    private void handleRequest(IceCandidate local, InetSocketAddress from, StunMessage m, long now) throws StunParseException {
        if (m.hasFingerprint() && !m.verifyFingerprint()) {
            return;
        }
        Generation g;
        if (m.usernameHasPrefix(gen.localUfragBytes)) {
            g = gen;
        } else if (previousGen != null && m.usernameHasPrefix(previousGen.localUfragBytes)) {
            g = previousGen;
        } else {
            return;
        }
        if (!m.verifyIntegrity(g.localKey)) {
            sendVia(local, from, errorResponse(m, 401, "Unauthorized", null), now);
            return;
        }
        int[] unknown = m.unknownComprehensionRequired();
        if (unknown.length > 0) {
            byte[] resp = new StunMessageBuilder(StunMethod.BINDING, StunMethod.ERROR, m.transactionId())
                    .addErrorCode(420, "Unknown Attribute").addUnknownAttributes(unknown)
                    .addIntegrity(g.localKey).addFingerprint().build();
            sendVia(local, from, resp, now);
            return;
        }
        if (config.relayOnly && IceCandidate.baseOf(local).relay == null) {
            return;
        }
        if (g == gen && !config.lite) {
            if (role == IceRole.CONTROLLING && m.has(StunAttribute.ICE_CONTROLLING)) {
                if (Long.compareUnsigned(tieBreaker, m.getUInt64(StunAttribute.ICE_CONTROLLING)) >= 0) {
                    sendVia(local, from, errorResponse(m, 487, "Role Conflict", g.localKey), now);
                    return;
                }
                switchRole(IceRole.CONTROLLED);
            } else if (role == IceRole.CONTROLLED && m.has(StunAttribute.ICE_CONTROLLED)) {
                if (Long.compareUnsigned(tieBreaker, m.getUInt64(StunAttribute.ICE_CONTROLLED)) >= 0) {
                    switchRole(IceRole.CONTROLLING);
                } else {
                    sendVia(local, from, errorResponse(m, 487, "Role Conflict", g.localKey), now);
                    return;
                }
            }
        }
        byte[] resp = new StunMessageBuilder(StunMethod.BINDING, StunMethod.SUCCESS, m.transactionId())
                .addXorAddress(StunAttribute.XOR_MAPPED_ADDRESS, from)
                .addIntegrity(g.localKey).addFingerprint().build();
        sendVia(local, from, resp, now);
        if (g != gen) {
            // A check of the previous generation: only keeps the old selected pair alive.
            if (selected != null && matches(selected, local, from)) {
                selected.remoteAuthenticated = true;
            }
            return;
        }
        IceCandidate remote = null;
        for (IceCandidate r : remoteCandidates) {
            if (r.address().equals(from)) {
                remote = r;
                break;
            }
        }
        if (remote == null) {
            long prio = m.getUInt32(StunAttribute.PRIORITY, priority(CandidateType.PRFLX, 0));
            remote = new IceCandidate("prflx" + (++prflxCounter), prio, from, CandidateType.PRFLX, null, null);
            remoteCandidates.add(remote);
            LOG.debug("learned peer-reflexive remote candidate {}", from);
        }
        CandidatePair p = checklist.find(local, from);
        if (p == null) {
            p = addPair(IceCandidate.baseOf(local), remote, now);
            if (p == null) {
                return;
            }
        }
        p.remoteAuthenticated = true;
        markReceived(p, now);
        boolean useCandidate = m.has(StunAttribute.USE_CANDIDATE) && role == IceRole.CONTROLLED;
        if (config.lite) {
            liteRequest(p, useCandidate, now);
            return;
        }
        LOG.trace("check from {} on {} (use-candidate {})", from, p, useCandidate);
        if (p.state == CandidatePair.State.SUCCEEDED) {
            if (p.nominating && role == IceRole.CONTROLLING) {
                checklist.trigger(p, true); // the peer is reachable: repeat the nomination now
            }
            if (useCandidate) {
                CandidatePair v = checklist.validFrom(p);
                if (v != null) {
                    v.nominated = true;
                    select(v, now);
                } else {
                    p.nominateOnSuccess = true;
                    checklist.trigger(p, false);
                }
            }
        } else {
            if (useCandidate) {
                p.nominateOnSuccess = true;
            }
            if (p.state != CandidatePair.State.IN_PROGRESS) {
                p.state = CandidatePair.State.WAITING;
            }
            checklist.trigger(p, false);
        }
    }

    /**
     * ICE-lite (RFC 8445 section 2.5): no checks of our own; an authenticated check makes its
     * pair valid, USE-CANDIDATE selects it, and the peer's checks are our evidence of liveness.
     */
    private void liteRequest(CandidatePair p, boolean useCandidate, long now) {
        if (p.state != CandidatePair.State.SUCCEEDED) {
            p.state = CandidatePair.State.SUCCEEDED;
            checklist.addValid(p, p);
        }
        if (useCandidate) {
            p.nominated = true;
            select(p, now);
        }
        if (selected == p) {
            p.lastConsentAt = now;
            p.lastReceivedAt = now;
        }
    }

    private byte[] errorResponse(StunMessage m, int code, String reason, byte[] key) {
        StunMessageBuilder b = new StunMessageBuilder(StunMethod.BINDING, StunMethod.ERROR, m.transactionId())
                .addErrorCode(code, reason);
        if (key != null) {
            b.addIntegrity(key);
        }
        return b.addFingerprint().build();
    }


    private void switchRole(IceRole newRole) {
        if (role == newRole) {
            return;
        }
        LOG.debug("role conflict: switching to {}", newRole);
        role = newRole;
        checklist.updatePriorities(role == IceRole.CONTROLLING);
        events.add(new IceEvent.RoleChanged(role));
    }

    private void handleResponse(IceCandidate local, InetSocketAddress from, StunMessage m, long now) throws StunParseException {
        StunClientTransaction<Ctx> tx = transactions.get(m.transactionId());
        if (tx == null) {
            return;
        }
        Ctx c = tx.context();
        if (c.kind == Kind.GATHER) {
            if (!from.equals(c.server)) {
                return;
            }
            transactions.remove(tx.id());
            tx.complete();
            if (m.messageClass() == StunMethod.SUCCESS) {
                InetSocketAddress mapped = m.getXorAddress(StunAttribute.XOR_MAPPED_ADDRESS);
                if (mapped == null) {
                    mapped = m.getAddress(StunAttribute.MAPPED_ADDRESS);
                }
                addServerReflexive(c.socketId, mapped, c.server, now);
            }
            pendingGather--;
            checkGatheringDone();
            return;
        }
        if (!m.verifyIntegrity(c.gen.remoteKey)) {
            return; // forged or corrupted: keep waiting for the real answer
        }
        transactions.remove(tx.id());
        tx.complete();
        CandidatePair p = c.pair;
        if (c.kind == Kind.CONSENT) {
            p.consentInFlight = false;
            if (m.messageClass() == StunMethod.SUCCESS && matches(p, local, from)) {
                p.lastConsentAt = now;
                p.lastReceivedAt = now;
            }
            return;
        }
        if (tx.id().equals(checkInFlight.get(p))) {
            checkInFlight.remove(p);
        }
        if (!matches(p, local, from)) {
            p.state = CandidatePair.State.FAILED; // not symmetric
            return;
        }
        if (m.messageClass() == StunMethod.ERROR) {
            int code = m.errorCode();
            if (code == 487) {
                if (role == c.role) {
                    switchRole(role == IceRole.CONTROLLING ? IceRole.CONTROLLED : IceRole.CONTROLLING);
                }
                if (p.state != CandidatePair.State.SUCCEEDED) {
                    p.state = CandidatePair.State.WAITING;
                }
                checklist.trigger(p, false);
            } else {
                p.state = CandidatePair.State.FAILED;
                p.nominating = false;
            }
            return;
        }
        if (p.generation != gen) {
            return;
        }
        InetSocketAddress mapped = m.getXorAddress(StunAttribute.XOR_MAPPED_ADDRESS);
        onCheckSuccess(p, mapped, c, now);
    }

    private void onCheckSuccess(CandidatePair p, InetSocketAddress mapped, Ctx c, long now) {
        LOG.trace("check succeeded on {} (use-candidate {}, nominate-on-success {})", p, c.useCandidate, p.nominateOnSuccess);
        p.state = CandidatePair.State.SUCCEEDED;
        CandidatePair valid = checklist.validFrom(p);
        if (valid == null) {
            valid = p;
            if (mapped != null && !knownLocal(mapped, p.local())) {
                // Our address as the peer sees it is new: a local peer-reflexive candidate,
                // never signalled, with the priority we put in the check.
                IceCandidate prflx = new IceCandidate(foundation(CandidateType.PRFLX, mapped.getAddress(), null),
                        c.sentPriority, mapped, CandidateType.PRFLX, null, gen.localUfrag);
                prflx.base = IceCandidate.baseOf(p.local());
                localCandidates.add(prflx);
                valid = new CandidatePair(prflx, p.remote(), gen, role == IceRole.CONTROLLING);
                valid.state = CandidatePair.State.SUCCEEDED;
            }
            checklist.addValid(valid, p);
        }
        if (firstValidAt < 0) {
            firstValidAt = now;
            nextValidPingAt = now + config.validPingIntervalMillis;
        }
        p.lastReceivedAt = now;
        valid.lastReceivedAt = now;
        checklist.unfreeze(p.foundation());
        if ((c.useCandidate && role == IceRole.CONTROLLING) || (p.nominateOnSuccess && role == IceRole.CONTROLLED)) {
            p.nominating = false;
            valid.nominated = true;
            select(valid, now);
        }
    }

    /** Something authenticated arrived on checklist pair {@code p}: it and its valid pair are receiving. */
    private void markReceived(CandidatePair p, long now) {
        p.lastReceivedAt = now;
        CandidatePair v = checklist.validFrom(p);
        if (v != null) {
            v.lastReceivedAt = now;
        }
        if (selected != null && selected.checkedFrom == p) {
            selected.lastReceivedAt = now;
        }
    }

    /**
     * The peer's address changed under the selected pair (its NAT rebound, it moved): the selected
     * pair has been silent for {@link IceConfig#probeAfterMillis} while another valid pair of the
     * same generation and local base — one whose check we made and the peer answered, after the
     * peer's own checks came from its new address — is receiving. Returns that pair, or null.
     * Either role follows: the controlling side may not see the change at all (its own path
     * looks the same), so waiting for it to nominate would leave the connection dead.
     */
    private CandidatePair movedTo(CandidatePair p, long now) {
        CandidatePair best = null;
        for (CandidatePair v : checklist.valid()) {
            if (v == p || v.generation != p.generation || v.checkedFrom.state != CandidatePair.State.SUCCEEDED
                    || !v.checkedFrom.remoteAuthenticated || now - v.lastReceivedAt >= config.probeAfterMillis
                    || !IceCandidate.sameBase(v.local(), p.local()) || v.lastReceivedAt <= p.lastReceivedAt) {
                continue;
            }
            if (best == null || v.lastReceivedAt > best.lastReceivedAt) {
                best = v;
            }
        }
        return best;
    }

    private boolean knownLocal(InetSocketAddress mapped, IceCandidate local) {
        for (IceCandidate l : localCandidates) {
            if (l.address().equals(mapped) && IceCandidate.sameBase(l, local)) {
                return true;
            }
        }
        return false;
    }

    private void select(CandidatePair p, long now) {
        if (selected == p) {
            return;
        }
        selected = p;
        p.lastConsentAt = now;
        p.lastReceivedAt = now;
        p.nextConsentAt = now + consentJitter();
        p.consentInFlight = false;
        if (p.generation == gen) {
            previousGen = null;
        }
        IceCandidate b = IceCandidate.baseOf(p.local());
        if (b.relay != null) {
            b.relay.client.bindChannel(p.remote().address(), now);
            drainTurn(b.relay, now);
        }
        LOG.debug("selected pair {}", p);
        events.add(new IceEvent.SelectedPairChanged(p));
    }

    private long consentJitter() {
        return (long) (config.consentIntervalMillis * (0.8 + 0.4 * random.nextDouble()));
    }

    // ---------------------------------------------------------------- nomination, consent, state

    private boolean needsNomination() {
        return selected == null || selected.generation != gen;
    }


    private void maybeNominate(long now) {
        if (role != IceRole.CONTROLLING || !gen.hasRemote() || !needsNomination() || checklist.nominationInFlight()
                || state == IceTransportState.CLOSED) {
            return;
        }
        CandidatePair best = checklist.bestValid(gen);
        if (best == null) {
            return;
        }
        if (!checklist.betterPending(best.priority) || now >= firstValidAt + config.nominationDelayMillis) {
            CandidatePair cp = best.checkedFrom;
            cp.nominating = true;
            checklist.trigger(cp, true);
            if (nextCheckAt > now) {
                nextCheckAt = now; // nominate without waiting for the next pacing slot
            }
        }
    }

    /**
     * Controlled side: while the peer has not nominated, keep checking our best valid pair now
     * and then. If the peer's own checks were all lost its pair is failed; our check revives it
     * (a triggered check there), so a lossy start cannot leave both sides waiting for ever.
     */
    private void pingValidWhileUnnominated(long now) {
        if (role != IceRole.CONTROLLED || !needsNomination() || now < nextValidPingAt) {
            return;
        }
        CandidatePair best = checklist.bestValid(gen);
        if (best != null) {
            nextValidPingAt = now + config.validPingIntervalMillis;
            checklist.trigger(best.checkedFrom, false);
        }
    }


    private void consent(long now) {
        CandidatePair p = selected;
        if (p == null || consentLost) {
            return;
        }
        if (now - p.lastConsentAt >= config.consentTimeoutMillis) {
            LOG.info("consent expired on {}", p);
            consentLost = true;
            // A failed agent sends nothing more until a restart: the checks still retransmitting
            // (consent, or a pair's check) stop too.
            transactions.values().removeIf(t -> t.context().kind() != Kind.GATHER);
            checkInFlight.clear();
            setState(IceTransportState.FAILED);
            return;
        }
        if (!config.lite && now - p.lastReceivedAt >= config.probeAfterMillis) {
            CandidatePair moved = movedTo(p, now);
            if (moved != null) {
                LOG.debug("nothing on {} for {} ms while {} receives: the peer moved, following it", p,
                        now - p.lastReceivedAt, moved);
                moved.nominated = true;
                select(moved, now);
                return;
            }
        }
        if (now >= p.nextConsentAt && config.lite) {
            // A lite agent sends no checks; a Binding indication keeps NAT bindings open (RFC 8445 11).
            p.nextConsentAt = now + LITE_KEEPALIVE_MILLIS;
            sendVia(p.local(), p.remote().address(), new StunMessageBuilder(StunMethod.BINDING, StunMethod.INDICATION,
                    TransactionId.random(random)).addFingerprint().build(), now);
        } else if (now >= p.nextConsentAt
                || !p.consentInFlight && now - p.lastReceivedAt >= config.probeAfterMillis) {
            // Due, or the path has gone quiet: ask now rather than at the next interval.
            p.nextConsentAt = now + consentJitter();
            Generation g = p.generation;
            long prflxPriority = priority(CandidateType.PRFLX, (int) ((IceCandidate.baseOf(p.local()).priority() >> 8) & 0xFFFF));
            byte[] bytes = bindingRequest(g, prflxPriority, false);
            TransactionId id = TransactionId.of(bytes, 8);
            transactions.put(id, new StunClientTransaction<>(id, bytes, CONSENT_POLICY,
                    new Ctx(Kind.CONSENT, p, false, role, g, prflxPriority, 0, null), now));
            p.consentInFlight = true;
            sendVia(p.local(), p.remote().address(), bytes, now);
        }
    }

    private void updateState(long now) {
        if (state == IceTransportState.CLOSED || consentLost) {
            return; // terminal until restart
        }
        IceTransportState s = state;
        if (selected != null) {
            if (now - selected.lastReceivedAt >= config.disconnectedAfterMillis) {
                s = IceTransportState.DISCONNECTED;
            } else if (selected.generation == gen && (completedGen == gen || checklist.finished() && remoteEndOfCandidates
                    && gatheringState == IceGatheringState.COMPLETE)) {
                completedGen = gen; // stays completed: later checks on other pairs do not matter
                s = IceTransportState.COMPLETED;
            } else {
                s = IceTransportState.CONNECTED;
            }
        } else if (gen.hasRemote()) {
            boolean allDone = remoteEndOfCandidates && gatheringState == IceGatheringState.COMPLETE && mdnsPending.isEmpty();
            if (allDone && checklist.allFailed()) {
                s = IceTransportState.FAILED;
            } else if (!checklist.isEmpty()) {
                s = IceTransportState.CHECKING;
            }
        }
        if (s == IceTransportState.COMPLETED && state != IceTransportState.CONNECTED
                && state != IceTransportState.COMPLETED) {
            setState(IceTransportState.CONNECTED); // W3C order: connected before completed
        }
        setState(s);
    }


    private void setState(IceTransportState s) {
        if (s != state) {
            LOG.debug("ICE state {} -> {}", state, s);
            state = s;
            events.add(new IceEvent.StateChanged(s));
        }
    }

    // ---------------------------------------------------------------- restarts and mDNS

    private void startNewGeneration(Generation next) {
        if (selected != null) {
            previousGen = selected.generation;
        }
        gen = next;
    }

    private void resetChecks() {
        for (Iterator<Map.Entry<TransactionId, StunClientTransaction<Ctx>>> it = transactions.entrySet().iterator(); it.hasNext();) {
            if (it.next().getValue().context().kind == Kind.CHECK) {
                it.remove();
            }
        }
        checkInFlight.clear();
        checklist.clear();
        firstValidAt = -1;
        remoteEndOfCandidates = false;
        mdnsPending.clear();
    }

    private void handleMdns(byte[] data, long now) {
        if (mdnsPending.isEmpty()) {
            return;
        }
        Map<String, InetAddress> answers = MdnsCodec.parseAnswers(data);
        for (Map.Entry<String, InetAddress> a : answers.entrySet()) {
            PendingMdns p = mdnsPending.remove(a.getKey());
            if (p != null) {
                for (IceCandidate c : p.candidates) {
                    addRemoteCandidate(c.withAddress(a.getValue()), now);
                }
            }
        }
    }
}
