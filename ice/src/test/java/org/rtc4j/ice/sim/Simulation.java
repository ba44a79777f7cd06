package org.rtc4j.ice.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * Drives peers and the network on the virtual clock: always jumps to the earliest of the next
 * packet delivery, agent timer or scheduled test action.
 */
public final class Simulation {
    private record Action(long at, long seq, Runnable run) {
    }

    /** The network. */
    public final SimNetwork net;
    private final List<SimPeer> peers = new ArrayList<>();
    private final PriorityQueue<Action> actions = new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at)
            : Long.compare(a.seq, b.seq));
    private long seq;
    private long steps;

    /**
     * @param net network
     */
    public Simulation(SimNetwork net) {
        this.net = net;
    }

    /**
     * @param p a peer to drive
     * @return it
     */
    public SimPeer add(SimPeer p) {
        peers.add(p);
        return p;
    }

    /**
     * Runs {@code r} at virtual time {@code at}.
     *
     * @param at time (ms)
     * @param r action
     */
    public void at(long at, Runnable r) {
        actions.add(new Action(at, seq++, r));
    }

    private void pumpAll() {
        // Signaling between peers can queue new output on a peer already pumped: repeat.
        boolean any = true;
        for (int i = 0; any && i < 100; i++) {
            any = false;
            for (SimPeer p : peers) {
                any |= p.pump();
            }
        }
    }

    /**
     * Runs until {@code done} holds or the clock reaches {@code until}.
     *
     * @param until deadline (virtual ms)
     * @param done stop condition
     * @return true if {@code done} held
     */
    public boolean runUntil(long until, BooleanSupplier done) {
        while (true) {
            pumpAll();
            if (done.getAsBoolean()) {
                return true;
            }
            long next = net.nextDelivery();
            for (SimPeer p : peers) {
                next = Math.min(next, p.agent.nextTimeout());
            }
            Action a = actions.peek();
            if (a != null) {
                next = Math.min(next, a.at);
            }
            if (next > until) {
                net.advanceTo(until);
                pumpAll();
                return done.getAsBoolean();
            }
            if (++steps > 5_000_000) {
                throw new IllegalStateException("simulation does not advance (timer stuck at " + next + ")");
            }
            long now = Math.max(next, net.now());
            net.advanceTo(now);
            while ((a = actions.peek()) != null && a.at <= now) {
                actions.poll().run.run();
            }
            for (SimPeer p : peers) {
                if (p.agent.nextTimeout() <= now) {
                    p.agent.handleTimeout(now);
                }
            }
        }
    }
}
