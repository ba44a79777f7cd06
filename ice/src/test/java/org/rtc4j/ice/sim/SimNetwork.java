package org.rtc4j.ice.sim;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * A simulated IP network with a virtual clock: packets between public addresses suffer loss,
 * duplication and random delay (which reorders them). Hosts behind a {@link SimNat} reach the
 * network through it. No sockets, no threads: the test drives time.
 */
public final class SimNetwork {
    /** Something that receives packets addressed to a public IP (a host, a NAT, a server). */
    public interface Node {
        /**
         * @param to destination address (one of the node's)
         * @param from source address
         * @param data bytes
         */
        void receive(InetSocketAddress to, InetSocketAddress from, byte[] data);
    }

    private record Packet(long at, long seq, InetSocketAddress from, InetSocketAddress to, byte[] data) {
    }

    private final Random random;
    private final PriorityQueue<Packet> inFlight = new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at)
            : Long.compare(a.seq, b.seq));
    private final Map<InetAddress, Node> nodes = new HashMap<>();
    private long seq;
    private long now;
    /** Probability a packet is dropped. */
    public double loss;
    /** Probability a delivered packet is delivered twice. */
    public double duplicate;
    /** Base one-way delay (ms). */
    public long delayMillis = 20;
    /** Extra random delay 0..jitter (ms); packets overtake each other. */
    public long jitterMillis;
    /** Counters. */
    public long sent;
    /** Counters. */
    public long dropped;

    /**
     * @param random seeded randomness
     * @param start clock start (ms)
     */
    public SimNetwork(Random random, long start) {
        this.random = random;
        this.now = start;
    }

    /** @return virtual time (ms) */
    public long now() {
        return now;
    }

    /**
     * @param ip a public IP
     * @param node who receives packets for it
     */
    public void attach(InetAddress ip, Node node) {
        nodes.put(ip, node);
    }

    /**
     * Sends a packet between public addresses.
     *
     * @param from source
     * @param to destination
     * @param data bytes
     */
    public void send(InetSocketAddress from, InetSocketAddress to, byte[] data) {
        sent++;
        if (random.nextDouble() < loss) {
            dropped++;
            return;
        }
        enqueue(from, to, data);
        if (random.nextDouble() < duplicate) {
            enqueue(from, to, data);
        }
    }

    private void enqueue(InetSocketAddress from, InetSocketAddress to, byte[] data) {
        long delay = delayMillis + (jitterMillis > 0 ? (long) (random.nextDouble() * jitterMillis) : 0);
        inFlight.add(new Packet(now + delay, seq++, from, to, data.clone()));
    }

    /** @return time of the next delivery, or Long.MAX_VALUE */
    public long nextDelivery() {
        Packet p = inFlight.peek();
        return p == null ? Long.MAX_VALUE : p.at;
    }

    /**
     * Advances the clock to {@code t} and delivers everything due.
     *
     * @param t new time
     */
    public void advanceTo(long t) {
        now = Math.max(now, t);
        Packet p;
        while ((p = inFlight.peek()) != null && p.at <= now) {
            inFlight.poll();
            Node n = nodes.get(p.to.getAddress());
            if (n != null) {
                n.receive(p.to, p.from, p.data);
            }
        }
    }
}
