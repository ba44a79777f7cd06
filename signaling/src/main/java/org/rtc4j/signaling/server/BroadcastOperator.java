package org.rtc4j.signaling.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.rtc4j.signaling.socketio.Args;

/**
 * A broadcast target: the sockets of some rooms (all sockets when none), minus those in excepted
 * rooms and minus an excluded sender. Immutable; each call returns a new operator.
 */
public final class BroadcastOperator {
    private final Namespace nsp;
    private final Set<String> rooms;
    private final Set<String> except;
    private final SocketIoSocket excluded;

    BroadcastOperator(Namespace nsp, Set<String> rooms, Set<String> except, SocketIoSocket excluded) {
        this.nsp = nsp;
        this.rooms = rooms;
        this.except = except;
        this.excluded = excluded;
    }

    /**
     * Adds rooms to the target union.
     *
     * @param more room names (a socket id names that socket's own room)
     * @return a new operator that also targets the sockets of these rooms
     */
    public BroadcastOperator to(String... more) {
        Set<String> r = new HashSet<>(rooms);
        r.addAll(List.of(more));
        return new BroadcastOperator(nsp, Set.copyOf(r), except, excluded);
    }

    /**
     * Same as {@link #to}.
     *
     * @param more room names (a socket id names that socket's own room)
     * @return a new operator that also targets the sockets of these rooms
     */
    public BroadcastOperator in(String... more) {
        return to(more);
    }

    /**
     * Excludes the sockets of these rooms.
     *
     * @param more room names whose sockets are left out, even when also in a target room
     * @return a new operator that also excludes these rooms
     */
    public BroadcastOperator except(String... more) {
        Set<String> e = new HashSet<>(except);
        e.addAll(List.of(more));
        return new BroadcastOperator(nsp, rooms, Set.copyOf(e), excluded);
    }

    /**
     * The sockets this operator reaches, each once.
     *
     * @return a new collection, computed now from the namespace's current rooms; may be empty
     */
    public Collection<SocketIoSocket> sockets() {
        return nsp.resolve(rooms, except, excluded);
    }

    /**
     * Emits to every target socket; the packet is encoded once. Sockets no longer connected are
     * skipped.
     *
     * @param event the event name; not one of
     *              {@link org.rtc4j.signaling.socketio.SioCodec#RESERVED_EVENTS}, which clients
     *              reject
     * @param args  the arguments, converted as by
     *              {@link org.rtc4j.signaling.socketio.SioCodec#toNode(Object)} ({@code byte[]}
     *              travels as a binary attachment)
     */
    public void emit(String event, Object... args) {
        nsp.broadcast(sockets(), event, args);
    }

    /**
     * Emits asking each target for an ack; completes with every answer, or fails with an
     * {@link org.rtc4j.signaling.socketio.AckTimeoutException} if one is missing after {@code timeout}.
     * The future settles only once every target has answered, timed out or disconnected.
     *
     * @param timeout how long each target has to answer
     * @param event   the event name
     * @param args    the arguments, converted as by
     *                {@link org.rtc4j.signaling.socketio.SioCodec#toNode(Object)}
     * @return the ack arguments of each target, in the order of {@link #sockets()} at the time of
     *         the call; an empty list at once when there is no target
     */
    public CompletableFuture<List<Args>> emitWithAck(Duration timeout, String event, Object... args) {
        List<CompletableFuture<Args>> fs = new ArrayList<>();
        for (SocketIoSocket s : sockets()) {
            fs.add(s.emitWithAck(timeout, event, args));
        }
        return CompletableFuture.allOf(fs.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<Args> out = new ArrayList<>(fs.size());
            for (CompletableFuture<Args> f : fs) {
                out.add(f.join());
            }
            return out;
        });
    }

    /** Disconnects every target socket from the namespace. */
    public void disconnectSockets() {
        for (SocketIoSocket s : sockets()) {
            s.disconnect();
        }
    }
}
