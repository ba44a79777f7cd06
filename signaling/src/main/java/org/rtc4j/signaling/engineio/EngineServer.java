package org.rtc4j.signaling.engineio;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Engine.IO v4 server state: sessions by sid, options and the listener. The Netty handlers
 * ({@link EngineHttpHandler}, {@link EngineWebSocketHandler}) feed it requests and frames.
 */
public final class EngineServer {
    static final Logger LOG = LoggerFactory.getLogger(EngineServer.class);
    static final AttributeKey<EngineSession> POLL_OWNER = AttributeKey.valueOf("rtc4j.eio.poll");

    private final EngineOptions options;
    private final EngineListener listener;
    private final ConcurrentHashMap<String, EngineSession> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /**
     * Creates an engine without sessions; it is served by installing an
     * {@link EngineHttpHandler} for it in a Netty HTTP pipeline.
     *
     * @param options  the server settings
     * @param listener receives the session events
     * @throws NullPointerException if either argument is null
     */
    public EngineServer(EngineOptions options, EngineListener listener) {
        this.options = Objects.requireNonNull(options);
        this.listener = Objects.requireNonNull(listener);
    }

    /**
     * The settings the server was created with.
     *
     * @return the options
     */
    public EngineOptions options() {
        return options;
    }

    EngineListener listener() {
        return listener;
    }

    /**
     * Open sessions.
     *
     * @return an unmodifiable live view of the sessions that completed or are completing their
     *         handshake and have not closed
     */
    public Collection<? extends EngineSocket> sessions() {
        return Collections.unmodifiableCollection(sessions.values());
    }

    /**
     * Number of open sessions.
     *
     * @return the size of {@link #sessions()}
     */
    public int sessionCount() {
        return sessions.size();
    }

    EngineSession session(String sid) {
        return sessions.get(sid);
    }

    /**
     * Closes every session (server shutdown).
     *
     * @param reason the close reason given to {@link EngineListener#onClose}
     */
    public void closeAll(String reason) {
        for (EngineSession s : sessions.values()) {
            s.close(reason);
        }
    }

    /**
     * The upper layer's object attached to a session.
     *
     * @param socket a session of an {@code EngineServer}
     * @return the object last given to {@link #attach}, or null if none
     */
    public static Object attachment(EngineSocket socket) {
        return ((EngineSession) socket).attachment();
    }

    /**
     * Attaches the upper layer's object to a session, replacing any previous one.
     *
     * @param socket a session of an {@code EngineServer}
     * @param o      the object to attach; may be null
     */
    public static void attach(EngineSocket socket, Object o) {
        ((EngineSession) socket).attach(o);
    }

    EngineSession create(EngineRequest request, Channel channel, boolean websocket) {
        String sid = newId();
        EngineSession s = new EngineSession(this, sid, request, channel.eventLoop(), websocket ? channel : null);
        sessions.put(sid, s);
        return s;
    }

    void opened(EngineSession s) {
        s.startHeartbeat();
        try {
            listener.onOpen(s);
        } catch (RuntimeException e) {
            LOG.warn("open listener failed for {}", s.id(), e);
            s.close("server error");
        }
    }

    void removed(EngineSession s) {
        sessions.remove(s.id(), s);
    }

    void pollPending(Channel ch, EngineSession s) {
        ch.attr(POLL_OWNER).set(s);
    }

    void pollDone(Channel ch) {
        ch.attr(POLL_OWNER).set(null);
    }

    String openPacket(String sid, boolean upgradable) {
        return "{\"sid\":\"" + sid + "\",\"upgrades\":" + (upgradable ? "[\"websocket\"]" : "[]")
                + ",\"pingInterval\":" + options.pingInterval().toMillis()
                + ",\"pingTimeout\":" + options.pingTimeout().toMillis()
                + ",\"maxPayload\":" + options.maxHttpBufferSize() + "}";
    }

    /**
     * A fresh unguessable id (120 random bits, base64url): used for sids and socket ids.
     *
     * @return a 20-character base64url string from a {@link SecureRandom}
     */
    public String newId() {
        byte[] b = new byte[15];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
