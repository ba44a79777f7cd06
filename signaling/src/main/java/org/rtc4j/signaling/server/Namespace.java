package org.rtc4j.signaling.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.rtc4j.signaling.engineio.EnginePacket;
import org.rtc4j.signaling.socketio.SioCodec;
import org.rtc4j.signaling.socketio.SioPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Socket.IO namespace: its sockets, rooms, middleware and connection listeners. Shaped like
 * socket.io's: {@code server.of("/chat").on("connection", socket -> …)}.
 */
public final class Namespace {
    private static final Logger LOG = LoggerFactory.getLogger(Namespace.class);

    private final SocketIoServer server;
    private final String name;
    private final ConcurrentHashMap<String, SocketIoSocket> sockets = new ConcurrentHashMap<>();
    // The id room of each socket is implicit (looked up in sockets) to save a set per socket.
    private final ConcurrentHashMap<String, Set<SocketIoSocket>> rooms = new ConcurrentHashMap<>();
    private final List<Middleware> middlewares = new CopyOnWriteArrayList<>();
    private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();

    Namespace(SocketIoServer server, String name) {
        this.server = server;
        this.name = name;
    }

    /**
     * The namespace name.
     *
     * @return the name with its leading slash, e.g. {@code "/"} or {@code "/chat"}
     */
    public String name() {
        return name;
    }

    SocketIoServer server() {
        return server;
    }

    /**
     * Registers a listener; the only event is "connection" (alias "connect"). Listeners run in
     * registration order.
     *
     * @param event    {@code "connection"} or {@code "connect"}
     * @param listener called for each socket that joins
     * @return this namespace
     * @throws IllegalArgumentException if {@code event} is another name
     */
    public Namespace on(String event, ConnectionListener listener) {
        if (!event.equals("connection") && !event.equals("connect")) {
            throw new IllegalArgumentException("a namespace only emits 'connection'");
        }
        listeners.add(listener);
        return this;
    }

    /**
     * Adds a middleware; they run in order for each connecting socket.
     *
     * @param m the middleware, run after those added before it
     * @return this namespace
     */
    public Namespace use(Middleware m) {
        middlewares.add(m);
        return this;
    }

    /**
     * Connected sockets.
     *
     * @return an unmodifiable live view of the sockets connected to this namespace
     */
    public Collection<SocketIoSocket> sockets() {
        return Collections.unmodifiableCollection(sockets.values());
    }

    /**
     * A connected socket by id.
     *
     * @param id the socket id ({@link SocketIoSocket#id()})
     * @return the socket, or null when no connected socket of this namespace has that id
     */
    public SocketIoSocket socket(String id) {
        return sockets.get(id);
    }

    /**
     * Names of rooms that have members (id rooms excluded).
     *
     * @return an unmodifiable live view of the names of the rooms joined by at least one socket
     */
    public Set<String> rooms() {
        return Collections.unmodifiableSet(rooms.keySet());
    }

    /**
     * Targets the sockets of rooms.
     *
     * @param names distinct, non-null room names (a socket id names that socket's own room)
     * @return an operator for the union of these rooms
     * @throws IllegalArgumentException if a name is given twice
     */
    public BroadcastOperator to(String... names) {
        return new BroadcastOperator(this, Set.of(names), Set.of(), null);
    }

    /**
     * Same as {@link #to}.
     *
     * @param names distinct, non-null room names
     * @return an operator for the union of these rooms
     * @throws IllegalArgumentException if a name is given twice
     */
    public BroadcastOperator in(String... names) {
        return to(names);
    }

    /**
     * Targets every socket except those of some rooms.
     *
     * @param names distinct, non-null names of the rooms to leave out
     * @return an operator for the other sockets of the namespace
     * @throws IllegalArgumentException if a name is given twice
     */
    public BroadcastOperator except(String... names) {
        return new BroadcastOperator(this, Set.of(), Set.of(names), null);
    }

    /**
     * Emits to every socket of the namespace; the packet is encoded once.
     *
     * @param event the event name; not one of
     *              {@link org.rtc4j.signaling.socketio.SioCodec#RESERVED_EVENTS}, which clients
     *              reject
     * @param args  the arguments, converted as by {@link SioCodec#toNode(Object)}
     */
    public void emit(String event, Object... args) {
        broadcast(sockets.values(), event, args);
    }

    void addToRoom(String room, SocketIoSocket s) {
        rooms.computeIfAbsent(room, k -> ConcurrentHashMap.newKeySet()).add(s);
    }

    void removeFromRoom(String room, SocketIoSocket s) {
        rooms.computeIfPresent(room, (k, set) -> {
            set.remove(s);
            return set.isEmpty() ? null : set;
        });
    }

    private void members(String room, Collection<SocketIoSocket> into) {
        Set<SocketIoSocket> set = rooms.get(room);
        if (set != null) {
            into.addAll(set);
        }
        SocketIoSocket own = sockets.get(room);
        if (own != null) {
            into.add(own);
        }
    }

    Collection<SocketIoSocket> resolve(Set<String> to, Set<String> except, SocketIoSocket excluded) {
        Collection<SocketIoSocket> targets;
        if (to.size() == 1 && except.isEmpty()) {
            // The common case (one room): no de-duplication needed.
            String room = to.iterator().next();
            Set<SocketIoSocket> set = rooms.get(room);
            List<SocketIoSocket> l = new ArrayList<>(set == null ? 1 : set.size() + 1);
            if (set != null) {
                l.addAll(set);
            }
            SocketIoSocket own = sockets.get(room);
            if (own != null && (set == null || !set.contains(own))) {
                l.add(own);
            }
            if (excluded != null) {
                l.remove(excluded);
            }
            return l;
        }
        if (to.isEmpty()) {
            targets = new ArrayList<>(sockets.values());
        } else {
            targets = new LinkedHashSet<>();
            for (String r : to) {
                members(r, targets);
            }
        }
        if (!except.isEmpty()) {
            Set<SocketIoSocket> ex = new java.util.HashSet<>();
            for (String r : except) {
                members(r, ex);
            }
            targets.removeAll(ex);
        }
        if (excluded != null) {
            targets.remove(excluded);
        }
        return targets;
    }

    void broadcast(Collection<SocketIoSocket> targets, String event, Object... args) {
        if (targets.isEmpty()) {
            return;
        }
        List<EnginePacket> packets = ServerConnection.toEngine(
                SioCodec.encode(new SioPacket(SioPacket.Type.EVENT, name, -1, SioCodec.array(event, args))));
        List<org.rtc4j.signaling.engineio.EngineSocket> engines = new ArrayList<>(targets.size());
        for (SocketIoSocket s : targets) {
            if (s.connected()) {
                engines.add(s.connection().engine());
            }
        }
        org.rtc4j.signaling.engineio.EngineBroadcast.send(engines, packets);
    }

    void connect(ServerConnection conn, JsonNode auth) {
        SocketIoSocket s = new SocketIoSocket(this, conn, server.engine().newId(),
                new Handshake(auth, conn.engine().request()));
        runMiddleware(s, conn, 0);
    }

    private void runMiddleware(SocketIoSocket s, ServerConnection conn, int index) {
        if (index == middlewares.size()) {
            conn.connected(s);
            return;
        }
        Middleware m = middlewares.get(index);
        Middleware.Next next = new Middleware.Next() {
            private boolean done;

            @Override
            public void proceed() {
                if (once()) {
                    runMiddleware(s, conn, index + 1);
                }
            }

            @Override
            public void fail(String message, Object data) {
                if (once()) {
                    conn.connectError(name, message, data);
                }
            }

            private synchronized boolean once() {
                if (done) {
                    return false;
                }
                done = true;
                return true;
            }
        };
        try {
            m.apply(s, next);
        } catch (RuntimeException e) {
            LOG.warn("middleware failed in {}", name, e);
            next.fail(e.getMessage() == null ? "middleware error" : e.getMessage(), null);
        }
    }

    void added(SocketIoSocket s) {
        sockets.put(s.id(), s);
        s.markConnected();
    }

    void fireConnection(SocketIoSocket s) {
        for (ConnectionListener l : listeners) {
            try {
                l.onConnection(s);
            } catch (RuntimeException e) {
                LOG.warn("connection listener failed in {}", name, e);
            }
        }
    }

    void removed(SocketIoSocket s) {
        sockets.remove(s.id(), s);
    }
}
