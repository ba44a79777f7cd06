package org.rtc4j.ice.turn;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.rtc4j.ice.stun.RetransmissionPolicy;
import org.rtc4j.ice.stun.StunAttribute;
import org.rtc4j.ice.stun.StunClientTransaction;
import org.rtc4j.ice.stun.StunCredentials;
import org.rtc4j.ice.stun.StunMessage;
import org.rtc4j.ice.stun.StunMessageBuilder;
import org.rtc4j.ice.stun.StunMethod;
import org.rtc4j.ice.stun.StunParseException;
import org.rtc4j.ice.stun.TransactionId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TURN client for one allocation (RFC 8656), sans-IO. The caller moves bytes between it and the
 * server: {@link #pollOutgoing()} gives bytes to send to the server (over UDP one datagram each;
 * over TCP/TLS write them to the stream), {@link #handleMessage(byte[], long)} takes one whole
 * STUN message or ChannelData frame from the server (use {@link StreamFramer} on streams).
 *
 * <p>Handles the 401 realm/nonce challenge once (a second 401 means wrong credentials and ends
 * in {@link TurnEvent.Failed} with no further retries), 438 stale nonce (bounded retries),
 * Refresh before expiry, CreatePermission and ChannelBind with their refreshes, Send/Data
 * indications, ChannelData, and deallocation on {@link #close(long)}.
 */
public final class TurnClient {
    private static final Logger LOG = LoggerFactory.getLogger(TurnClient.class);
    private static final int MAX_STALE_RETRIES = 3;
    private static final long PERMISSION_REFRESH_MS = 240_000;
    private static final long CHANNEL_REFRESH_MS = 540_000;
    private static final String SOFTWARE = "rtc4j";

    /** Allocation state. */
    public enum State {
        /** Not started. */
        NEW,
        /** Allocate in flight. */
        ALLOCATING,
        /** Allocation usable. */
        ALLOCATED,
        /** Gave up; see the {@link TurnEvent.Failed} event. */
        FAILED,
        /** Deallocating. */
        CLOSING,
        /** Released. */
        CLOSED
    }

    private enum Kind { ALLOCATE, REFRESH, PERMISSION, CHANNEL_BIND }

    private record Request(Kind kind, InetSocketAddress peer, int channel, long lifetime, int staleRetries) {
    }

    private static final class Permission {
        long refreshAt;
        boolean pending;
    }

    private static final class Channel {
        final int number;
        final InetSocketAddress peer;
        boolean bound;
        boolean pending;
        long refreshAt;

        Channel(int number, InetSocketAddress peer) {
            this.number = number;
            this.peer = peer;
        }
    }

    private final TurnServer server;
    private final Random random;
    private final RetransmissionPolicy policy;
    private final ArrayDeque<byte[]> outgoing = new ArrayDeque<>();
    private final ArrayDeque<TurnEvent> events = new ArrayDeque<>();
    private final Map<TransactionId, StunClientTransaction<Request>> transactions = new HashMap<>();
    private final Map<InetAddress, Permission> permissions = new HashMap<>();
    private final Map<InetSocketAddress, Channel> channelsByPeer = new HashMap<>();
    private final Map<Integer, Channel> channelsByNumber = new HashMap<>();
    private int nextChannel = ChannelData.MIN_CHANNEL;
    private State state = State.NEW;
    private String realm;
    private String nonce;
    private byte[] key;
    private InetSocketAddress relayed;
    private InetSocketAddress mapped;
    private long refreshAt = Long.MAX_VALUE;

    /**
     * @param server the server and credentials
     * @param random randomness for transaction IDs (SecureRandom in production)
     */
    public TurnClient(TurnServer server, Random random) {
        this.server = server;
        this.random = random;
        this.policy = server.transport().isStream() ? RetransmissionPolicy.RELIABLE_DEFAULT : RetransmissionPolicy.UDP_DEFAULT;
    }

    /** @return the server */
    public TurnServer server() {
        return server;
    }

    /** @return current state */
    public State state() {
        return state;
    }

    /** @return relayed address once allocated, else null */
    public InetSocketAddress relayedAddress() {
        return relayed;
    }

    /** @return server-reflexive address once allocated, else null */
    public InetSocketAddress mappedAddress() {
        return mapped;
    }

    /**
     * Sends the first Allocate (without credentials, to learn realm and nonce).
     *
     * @param now current time (ms)
     */
    public void start(long now) {
        if (state != State.NEW) {
            return;
        }
        state = State.ALLOCATING;
        sendRequest(new Request(Kind.ALLOCATE, null, 0, 0, 0), now);
    }

    /** @return next bytes to send to the server, or null */
    public byte[] pollOutgoing() {
        return outgoing.poll();
    }

    /** @return next event, or null */
    public TurnEvent pollEvent() {
        return events.poll();
    }

    /**
     * Installs a permission for the peer's IP (idempotent; refreshed automatically).
     *
     * @param peer peer address
     * @param now current time (ms)
     */
    public void createPermission(InetSocketAddress peer, long now) {
        if (state != State.ALLOCATED) {
            permissions.computeIfAbsent(peer.getAddress(), a -> new Permission());
            return;
        }
        Permission p = permissions.get(peer.getAddress());
        if (p == null) {
            p = new Permission();
            permissions.put(peer.getAddress(), p);
        }
        if (!p.pending && p.refreshAt == 0) {
            p.pending = true;
            sendRequest(new Request(Kind.PERMISSION, peer, 0, 0, 0), now);
        }
    }

    /**
     * Binds a channel to the peer so data goes as 4-byte-header ChannelData (idempotent).
     *
     * @param peer peer address
     * @param now current time (ms)
     */
    public void bindChannel(InetSocketAddress peer, long now) {
        if (state != State.ALLOCATED || channelsByPeer.containsKey(peer) || nextChannel > ChannelData.MAX_CHANNEL) {
            return;
        }
        Channel c = new Channel(nextChannel++, peer);
        channelsByPeer.put(peer, c);
        channelsByNumber.put(c.number, c);
        c.pending = true;
        sendRequest(new Request(Kind.CHANNEL_BIND, peer, c.number, 0, 0), now);
    }

    /**
     * Relays data to a peer: ChannelData if a channel is bound, else a Send indication.
     *
     * @param peer peer address
     * @param data payload
     * @param now current time (ms)
     * @return false if there is no allocation
     */
    public boolean send(InetSocketAddress peer, byte[] data, long now) {
        if (state != State.ALLOCATED) {
            return false;
        }
        Channel c = channelsByPeer.get(peer);
        if (c != null && c.bound) {
            outgoing.add(ChannelData.encode(c.number, data, server.transport().isStream()));
            return true;
        }
        if (!permissions.containsKey(peer.getAddress())) {
            createPermission(peer, now);
        }
        outgoing.add(new StunMessageBuilder(StunMethod.SEND, StunMethod.INDICATION, TransactionId.random(random))
                .addXorAddress(StunAttribute.XOR_PEER_ADDRESS, peer)
                .addBytes(StunAttribute.DATA, data)
                .addFingerprint()
                .build());
        return true;
    }

    /**
     * Deallocates (Refresh with LIFETIME 0).
     *
     * @param now current time (ms)
     */
    public void close(long now) {
        if (state == State.ALLOCATED) {
            state = State.CLOSING;
            cancelAll();
            sendRequest(new Request(Kind.REFRESH, null, 0, 0, 0), now);
        } else if (state != State.CLOSING) {
            cancelAll();
            state = State.CLOSED;
        }
    }

    private void cancelAll() {
        transactions.clear();
    }

    /**
     * The TCP/TLS connection to the server is gone: the allocation is lost (RFC 8656 section 3.1:
     * it lives and dies with the connection).
     */
    public void connectionLost() {
        if (state == State.CLOSING) {
            closed();
        } else if (state != State.FAILED && state != State.CLOSED) {
            fail(0, "connection to the TURN server closed");
        }
    }

    /**
     * Takes one whole message from the server.
     *
     * @param msg STUN message or ChannelData frame
     * @param now current time (ms)
     * @return true if it was for this client (a known transaction, an indication or channel data)
     */
    public boolean handleMessage(byte[] msg, long now) {
        try {
            if (ChannelData.looksLikeChannelData(msg, 0, msg.length)) {
                Channel c = channelsByNumber.get(ChannelData.channel(msg, 0, msg.length));
                if (c == null) {
                    return false;
                }
                events.add(new TurnEvent.PeerData(c.peer, ChannelData.data(msg, 0, msg.length)));
                return true;
            }
            StunMessage m = StunMessage.parse(msg);
            if (m.messageClass() == StunMethod.INDICATION && m.method() == StunMethod.DATA) {
                InetSocketAddress peer = m.getXorAddress(StunAttribute.XOR_PEER_ADDRESS);
                byte[] data = m.getBytes(StunAttribute.DATA);
                if (peer != null && data != null) {
                    events.add(new TurnEvent.PeerData(peer, data));
                }
                return true;
            }
            if (!m.isResponse()) {
                return false;
            }
            StunClientTransaction<Request> t = transactions.remove(m.transactionId());
            if (t == null) {
                return false;
            }
            t.complete();
            onResponse(t.context(), m, now);
            return true;
        } catch (StunParseException e) {
            LOG.debug("dropping malformed message from TURN server {}: {}", server, e.getMessage());
            return false;
        }
    }

    private void onResponse(Request req, StunMessage m, long now) throws StunParseException {
        if (m.messageClass() == StunMethod.SUCCESS) {
            // Responses to authenticated requests must carry a valid MESSAGE-INTEGRITY.
            if (key != null && !m.verifyIntegrity(key)) {
                LOG.debug("TURN response with bad integrity from {}", server);
                return;
            }
            onSuccess(req, m, now);
            return;
        }
        int code = m.errorCode();
        String reason = m.errorReason();
        if (code == 401 && key == null && req.kind == Kind.ALLOCATE) {
            realm = m.getString(StunAttribute.REALM);
            nonce = m.getString(StunAttribute.NONCE);
            if (realm == null || nonce == null) {
                fail(401, "401 without REALM/NONCE");
                return;
            }
            key = StunCredentials.longTermKey(server.username(), realm, server.password());
            sendRequest(req, now);
            return;
        }
        if (code == 438 && req.staleRetries < MAX_STALE_RETRIES) {
            String n = m.getString(StunAttribute.NONCE);
            if (n != null) {
                nonce = n;
                String r = m.getString(StunAttribute.REALM);
                if (r != null && !r.equals(realm)) {
                    realm = r;
                    key = StunCredentials.longTermKey(server.username(), realm, server.password());
                }
                sendRequest(new Request(req.kind, req.peer, req.channel, req.lifetime, req.staleRetries + 1), now);
                return;
            }
        }
        switch (req.kind) {
            case ALLOCATE:
                fail(code, code == 401 ? "TURN authentication failed (wrong username or password): " + reason
                        : "Allocate failed: " + code + " " + reason);
                break;
            case REFRESH:
                if (state == State.CLOSING) {
                    closed();
                } else {
                    fail(code, "Refresh failed: " + code + " " + reason);
                }
                break;
            case PERMISSION:
                LOG.debug("CreatePermission for {} failed: {} {}", req.peer, code, reason);
                Permission p = permissions.get(req.peer.getAddress());
                if (p != null) {
                    p.pending = false;
                    p.refreshAt = now + PERMISSION_REFRESH_MS;
                }
                break;
            case CHANNEL_BIND:
                LOG.debug("ChannelBind for {} failed: {} {}", req.peer, code, reason);
                Channel c = channelsByPeer.get(req.peer);
                if (c != null) {
                    c.pending = false;
                }
                break;
            default:
                break;
        }
    }

    private void onSuccess(Request req, StunMessage m, long now) throws StunParseException {
        switch (req.kind) {
            case ALLOCATE: {
                relayed = m.getXorAddress(StunAttribute.XOR_RELAYED_ADDRESS);
                mapped = m.getXorAddress(StunAttribute.XOR_MAPPED_ADDRESS);
                long lifetime = m.getUInt32(StunAttribute.LIFETIME, 600);
                if (relayed == null) {
                    fail(0, "Allocate success without XOR-RELAYED-ADDRESS");
                    return;
                }
                state = State.ALLOCATED;
                scheduleRefresh(lifetime, now);
                events.add(new TurnEvent.Allocated(relayed, mapped, lifetime));
                // Permissions asked for before the allocation existed.
                for (Map.Entry<InetAddress, Permission> e : permissions.entrySet()) {
                    e.getValue().pending = true;
                    sendRequest(new Request(Kind.PERMISSION, new InetSocketAddress(e.getKey(), 0), 0, 0, 0), now);
                }
                break;
            }
            case REFRESH:
                if (state == State.CLOSING) {
                    closed();
                } else {
                    scheduleRefresh(m.getUInt32(StunAttribute.LIFETIME, 600), now);
                }
                break;
            case PERMISSION: {
                Permission p = permissions.get(req.peer.getAddress());
                if (p != null) {
                    p.pending = false;
                    p.refreshAt = now + PERMISSION_REFRESH_MS;
                }
                events.add(new TurnEvent.PermissionInstalled(req.peer, 0));
                break;
            }
            case CHANNEL_BIND: {
                Channel c = channelsByPeer.get(req.peer);
                if (c != null) {
                    c.pending = false;
                    c.bound = true;
                    c.refreshAt = now + CHANNEL_REFRESH_MS;
                    events.add(new TurnEvent.PermissionInstalled(req.peer, c.number));
                }
                break;
            }
            default:
                break;
        }
    }

    private void scheduleRefresh(long lifetimeSeconds, long now) {
        long ms = lifetimeSeconds * 1000;
        refreshAt = now + (ms > 120_000 ? ms - 60_000 : ms / 2);
    }

    private void closed() {
        state = State.CLOSED;
        refreshAt = Long.MAX_VALUE;
        transactions.clear();
        events.add(new TurnEvent.Closed());
    }

    private void fail(int code, String reason) {
        LOG.warn("TURN {}: {}", server, reason);
        state = State.FAILED;
        refreshAt = Long.MAX_VALUE;
        transactions.clear();
        events.add(new TurnEvent.Failed(code, reason));
    }

    private void sendRequest(Request req, long now) {
        int method;
        switch (req.kind) {
            case ALLOCATE: method = StunMethod.ALLOCATE; break;
            case REFRESH: method = StunMethod.REFRESH; break;
            case PERMISSION: method = StunMethod.CREATE_PERMISSION; break;
            default: method = StunMethod.CHANNEL_BIND; break;
        }
        StunMessageBuilder b = new StunMessageBuilder(method, StunMethod.REQUEST, TransactionId.random(random));
        switch (req.kind) {
            case ALLOCATE:
                b.addUInt32(StunAttribute.REQUESTED_TRANSPORT, 17L << 24);
                break;
            case REFRESH:
                b.addUInt32(StunAttribute.LIFETIME, state == State.CLOSING ? 0 : 600);
                break;
            case PERMISSION:
                b.addXorAddress(StunAttribute.XOR_PEER_ADDRESS, req.peer);
                break;
            default:
                b.addUInt32(StunAttribute.CHANNEL_NUMBER, (long) req.channel << 16);
                b.addXorAddress(StunAttribute.XOR_PEER_ADDRESS, req.peer);
                break;
        }
        b.addString(StunAttribute.SOFTWARE, SOFTWARE);
        if (key != null) {
            b.addString(StunAttribute.USERNAME, server.username());
            b.addString(StunAttribute.REALM, realm);
            b.addString(StunAttribute.NONCE, nonce);
            b.addIntegrity(key);
        }
        b.addFingerprint();
        byte[] bytes = b.build();
        transactions.put(b.transactionId(), new StunClientTransaction<>(b.transactionId(), bytes, policy, req, now));
        outgoing.add(bytes);
    }

    /** @return when {@link #handleTimeout(long)} should next run, or Long.MAX_VALUE */
    public long nextTimeout() {
        long t = refreshAt;
        for (StunClientTransaction<Request> tx : transactions.values()) {
            t = Math.min(t, tx.nextTimeout());
        }
        if (state == State.ALLOCATED) {
            for (Permission p : permissions.values()) {
                if (!p.pending && p.refreshAt > 0) {
                    t = Math.min(t, p.refreshAt);
                }
            }
            for (Channel c : channelsByPeer.values()) {
                if (c.bound && !c.pending) {
                    t = Math.min(t, c.refreshAt);
                }
            }
        }
        return t;
    }

    /**
     * Retransmits, refreshes the allocation, permissions and channels when due.
     *
     * @param now current time (ms)
     */
    public void handleTimeout(long now) {
        List<StunClientTransaction<Request>> timedOut = new ArrayList<>(0);
        for (Iterator<StunClientTransaction<Request>> it = transactions.values().iterator(); it.hasNext();) {
            StunClientTransaction<Request> t = it.next();
            StunClientTransaction.Action a = t.handleTimeout(now);
            if (a == StunClientTransaction.Action.RETRANSMIT) {
                outgoing.add(t.request());
            } else if (a == StunClientTransaction.Action.TIMED_OUT) {
                it.remove();
                timedOut.add(t);
            }
        }
        for (StunClientTransaction<Request> t : timedOut) {
            Request r = t.context();
            if (r.kind == Kind.ALLOCATE || (r.kind == Kind.REFRESH && state == State.ALLOCATED)) {
                fail(0, r.kind + " timed out");
            } else if (r.kind == Kind.REFRESH) {
                closed();
            } else if (r.kind == Kind.PERMISSION) {
                Permission p = permissions.get(r.peer.getAddress());
                if (p != null) {
                    p.pending = false;
                    p.refreshAt = now;
                }
            } else {
                Channel c = channelsByPeer.get(r.peer);
                if (c != null) {
                    c.pending = false;
                    c.refreshAt = now;
                }
            }
        }
        if (state != State.ALLOCATED) {
            return;
        }
        if (now >= refreshAt) {
            refreshAt = Long.MAX_VALUE;
            sendRequest(new Request(Kind.REFRESH, null, 0, 0, 0), now);
        }
        for (Map.Entry<InetAddress, Permission> e : permissions.entrySet()) {
            Permission p = e.getValue();
            if (!p.pending && p.refreshAt > 0 && now >= p.refreshAt) {
                p.pending = true;
                sendRequest(new Request(Kind.PERMISSION, new InetSocketAddress(e.getKey(), 0), 0, 0, 0), now);
            }
        }
        for (Channel c : channelsByPeer.values()) {
            if (c.bound && !c.pending && now >= c.refreshAt) {
                c.pending = true;
                sendRequest(new Request(Kind.CHANNEL_BIND, c.peer, c.number, 0, 0), now);
            }
        }
    }
}
