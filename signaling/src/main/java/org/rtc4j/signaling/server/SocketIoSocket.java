package org.rtc4j.signaling.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.rtc4j.signaling.socketio.Ack;
import org.rtc4j.signaling.socketio.AckTimeoutException;
import org.rtc4j.signaling.socketio.Args;
import org.rtc4j.signaling.socketio.EventHandler;
import org.rtc4j.signaling.socketio.SioCodec;
import org.rtc4j.signaling.socketio.SioPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of one client in one namespace (socket.io's server {@code Socket}). Its id
 * is also the name of its own room.
 */
public final class SocketIoSocket {
    private static final Logger LOG = LoggerFactory.getLogger(SocketIoSocket.class);

    private final Namespace nsp;
    private final ServerConnection conn;
    private final String id;
    private final Handshake handshake;
    private final Map<String, List<EventHandler>> handlers = new HashMap<>(4);
    private final Set<String> rooms = ConcurrentHashMap.newKeySet(2);
    private Map<Long, CompletableFuture<Args>> acks;
    private long nextAckId;
    private volatile boolean connected;
    private volatile Map<String, Object> data;

    SocketIoSocket(Namespace nsp, ServerConnection conn, String id, Handshake handshake) {
        this.nsp = nsp;
        this.conn = conn;
        this.id = id;
        this.handshake = handshake;
    }

    /**
     * The socket id: fresh per namespace connection, and the name of the socket's own room.
     *
     * @return a 20-character base64url id, distinct from the Engine.IO session id
     */
    public String id() {
        return id;
    }

    ServerConnection connection() {
        return conn;
    }

    /**
     * The namespace this socket belongs to.
     *
     * @return the namespace it connected to
     */
    public Namespace namespace() {
        return nsp;
    }

    /**
     * The CONNECT auth payload and the HTTP handshake.
     *
     * @return what the connection carried; set before the middleware runs
     */
    public Handshake handshake() {
        return handshake;
    }

    /**
     * The Engine.IO session id of the underlying connection.
     *
     * @return the sid, shared by the sockets of every namespace on that connection
     */
    public String engineId() {
        return conn.engine().id();
    }

    /**
     * The transport currently carrying the underlying connection.
     *
     * @return {@code "polling"} or {@code "websocket"}
     */
    public String transport() {
        return conn.engine().transport();
    }

    /**
     * Whether the socket is connected to its namespace.
     *
     * @return false while the middleware runs and after a disconnect
     */
    public boolean connected() {
        return connected;
    }

    /**
     * Free per-socket storage for the application (socket.io's {@code socket.data}).
     *
     * @return a thread-safe mutable map, created on first call; it does not accept null keys or
     *         values
     */
    public Map<String, Object> data() {
        Map<String, Object> d = data;
        if (d == null) {
            synchronized (this) {
                if (data == null) {
                    data = new ConcurrentHashMap<>();
                }
                d = data;
            }
        }
        return d;
    }

    /**
     * Registers an event handler. "disconnecting" and "disconnect" are delivered here too, with
     * the reason as the only argument. Handlers of one event run in registration order; a
     * {@link RuntimeException} thrown by one is logged and the next still runs.
     *
     * @param event   the event name
     * @param handler called with the event's arguments and its ack
     * @return this socket
     */
    public SocketIoSocket on(String event, EventHandler handler) {
        synchronized (handlers) {
            handlers.computeIfAbsent(event, k -> new ArrayList<>(1)).add(handler);
        }
        return this;
    }

    /**
     * Removes every handler of an event.
     *
     * @param event the event name
     * @return this socket
     */
    public SocketIoSocket off(String event) {
        synchronized (handlers) {
            handlers.remove(event);
        }
        return this;
    }

    /**
     * Emits an event to this client. Dropped when the socket is not connected.
     *
     * @param event the event name; not one of {@link SioCodec#RESERVED_EVENTS}, which clients
     *              reject
     * @param args  the arguments, converted as by {@link SioCodec#toNode(Object)} ({@code byte[]}
     *              travels as a binary attachment)
     */
    public void emit(String event, Object... args) {
        send(new SioPacket(SioPacket.Type.EVENT, nsp.name(), -1, SioCodec.array(event, args)));
    }

    /**
     * Emits an event asking for an ack; the future fails with {@link AckTimeoutException} when
     * none arrives within {@code timeout} or the socket disconnects.
     *
     * @param timeout how long the client has to answer
     * @param event   the event name
     * @param args    the arguments, converted as by {@link SioCodec#toNode(Object)}
     * @return completes with the ack's arguments; already failed when the socket is not connected
     */
    public CompletableFuture<Args> emitWithAck(Duration timeout, String event, Object... args) {
        CompletableFuture<Args> f = new CompletableFuture<>();
        long ackId;
        synchronized (this) {
            if (!connected) {
                f.completeExceptionally(new AckTimeoutException("socket disconnected"));
                return f;
            }
            ackId = nextAckId++;
            if (acks == null) {
                acks = new HashMap<>();
            }
            acks.put(ackId, f);
        }
        ScheduledFuture<?> timer = nsp.server().scheduler().schedule(() -> {
            if (removeAck(ackId) != null) {
                f.completeExceptionally(new AckTimeoutException("no ack for '" + event + "' within " + timeout));
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        f.whenComplete((a, e) -> timer.cancel(false));
        send(new SioPacket(SioPacket.Type.EVENT, nsp.name(), ackId, SioCodec.array(event, args)));
        return f;
    }

    private synchronized CompletableFuture<Args> removeAck(long ackId) {
        return acks == null ? null : acks.remove(ackId);
    }

    /**
     * Joins rooms. Joining a room the socket is already in does nothing.
     *
     * @param names room names
     */
    public void join(String... names) {
        for (String r : names) {
            if (rooms.add(r)) {
                nsp.addToRoom(r, this);
            }
        }
    }

    /**
     * Leaves a room. Does nothing if the socket is not in it; the own id room cannot be left.
     *
     * @param room the room name
     */
    public void leave(String room) {
        if (rooms.remove(room)) {
            nsp.removeFromRoom(room, this);
        }
    }

    /**
     * The rooms this socket is in, its own id room first.
     *
     * @return an unmodifiable snapshot: the socket id, then the rooms joined
     */
    public Set<String> rooms() {
        Set<String> r = new LinkedHashSet<>();
        r.add(id);
        r.addAll(rooms);
        return Collections.unmodifiableSet(r);
    }

    /** Rooms joined explicitly (without the id room). */
    Set<String> joinedRooms() {
        return rooms;
    }

    /**
     * Broadcast to rooms, excluding this socket.
     *
     * @param names distinct, non-null room names
     * @return an operator for the sockets of these rooms other than this one
     * @throws IllegalArgumentException if a name is given twice
     */
    public BroadcastOperator to(String... names) {
        return new BroadcastOperator(nsp, Set.of(names), Set.of(), this);
    }

    /**
     * Broadcast to every socket of the namespace except this one and the given rooms.
     *
     * @param names distinct, non-null names of the rooms to leave out
     * @return an operator for the remaining sockets
     * @throws IllegalArgumentException if a name is given twice
     */
    public BroadcastOperator except(String... names) {
        return new BroadcastOperator(nsp, Set.of(), Set.of(names), this);
    }

    /**
     * Broadcast to every other socket of the namespace.
     *
     * @return an operator for every socket of the namespace but this one
     */
    public BroadcastOperator broadcast() {
        return new BroadcastOperator(nsp, Set.of(), Set.of(), this);
    }

    /** Disconnects from this namespace (the client gets DISCONNECT); the connection stays. */
    public void disconnect() {
        disconnect(false);
    }

    /**
     * Disconnects; with {@code close} the whole underlying connection is closed too.
     *
     * @param close true to close the Engine.IO connection (every namespace on it disconnects with
     *              reason "forced server close"); false to leave only this namespace, as
     *              {@link #disconnect()}
     */
    public void disconnect(boolean close) {
        if (close) {
            conn.engine().close("forced server close");
            return;
        }
        if (connected) {
            send(new SioPacket(SioPacket.Type.DISCONNECT, nsp.name(), -1, null));
            onClose("server namespace disconnect");
        }
    }

    void send(SioPacket p) {
        if (connected) {
            conn.send(p);
        }
    }

    void markConnected() {
        connected = true;
    }

    void onEvent(SioPacket p) {
        ArrayNode arr = (ArrayNode) p.data();
        String event = arr.get(0).asText();
        Args args = Args.afterEventName(arr);
        Ack ack = p.hasId() ? new AckReply(p.id()) : Ack.NONE;
        fire(event, args, ack);
    }

    void onAck(SioPacket p) {
        CompletableFuture<Args> f = removeAck(p.id());
        if (f != null) {
            f.complete(Args.of((ArrayNode) p.data()));
        }
    }

    private void fire(String event, Args args, Ack ack) {
        List<EventHandler> hs;
        synchronized (handlers) {
            List<EventHandler> l = handlers.get(event);
            if (l == null) {
                return;
            }
            hs = List.copyOf(l);
        }
        for (EventHandler h : hs) {
            try {
                h.handle(args, ack);
            } catch (RuntimeException e) {
                LOG.warn("handler for '{}' on {} failed", event, id, e);
            }
        }
    }

    void onClose(String reason) {
        synchronized (this) {
            if (!connected) {
                return;
            }
            connected = false;
        }
        Args reasonArgs = Args.of(SioCodec.array(null, reason));
        fire("disconnecting", reasonArgs, Ack.NONE);
        for (String r : List.copyOf(rooms)) {
            leave(r);
        }
        nsp.removed(this);
        conn.removed(this);
        Map<Long, CompletableFuture<Args>> pending;
        synchronized (this) {
            pending = acks;
            acks = null;
        }
        if (pending != null) {
            for (CompletableFuture<Args> f : pending.values()) {
                f.completeExceptionally(new AckTimeoutException("socket disconnected: " + reason));
            }
        }
        fire("disconnect", reasonArgs, Ack.NONE);
    }

    private final class AckReply implements Ack {
        private final long ackId;
        private boolean sent;

        AckReply(long ackId) {
            this.ackId = ackId;
        }

        @Override
        public boolean requested() {
            return true;
        }

        @Override
        public synchronized void send(Object... args) {
            if (sent) {
                return;
            }
            sent = true;
            SocketIoSocket.this.send(new SioPacket(SioPacket.Type.ACK, nsp.name(), ackId, SioCodec.array(null, args)));
        }
    }

    @Override
    public String toString() {
        return "SocketIoSocket[" + nsp.name() + " " + id + "]";
    }

    static JsonNode sidPayload(String id) {
        return SioCodec.MAPPER.createObjectNode().put("sid", id);
    }
}
