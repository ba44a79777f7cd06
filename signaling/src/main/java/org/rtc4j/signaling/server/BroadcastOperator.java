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

    /** Adds rooms to the target union. */
    public BroadcastOperator to(String... more) {
        Set<String> r = new HashSet<>(rooms);
        r.addAll(List.of(more));
        return new BroadcastOperator(nsp, Set.copyOf(r), except, excluded);
    }

    /** Same as {@link #to}. */
    public BroadcastOperator in(String... more) {
        return to(more);
    }

    /** Excludes the sockets of these rooms. */
    public BroadcastOperator except(String... more) {
        Set<String> e = new HashSet<>(except);
        e.addAll(List.of(more));
        return new BroadcastOperator(nsp, rooms, Set.copyOf(e), excluded);
    }

    /** The sockets this operator reaches, each once. */
    public Collection<SocketIoSocket> sockets() {
        return nsp.resolve(rooms, except, excluded);
    }

    /** Emits to every target socket; the packet is encoded once. */
    public void emit(String event, Object... args) {
        nsp.broadcast(sockets(), event, args);
    }

    /**
     * Emits asking each target for an ack; completes with every answer, or fails with an
     * {@link org.rtc4j.signaling.socketio.AckTimeoutException} if one is missing after {@code timeout}.
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
