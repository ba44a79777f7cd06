package org.rtc4j.ice.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.rtc4j.ice.Datagram;
import org.rtc4j.ice.IceAgent;
import org.rtc4j.ice.IceEvent;
import org.rtc4j.ice.TransportProtocol;
import org.rtc4j.ice.turn.TurnServer;

/**
 * Test-scope driver: runs sans-IO {@link IceAgent}s over real loopback sockets on the calling
 * thread. UDP sockets are DatagramChannels in a Selector; TURN TCP/TLS connections are blocking
 * sockets whose reader threads queue bytes for the loop (TLS by the JDK's SSLSocket).
 */
public final class SocketDriver implements AutoCloseable {
    /** One agent and its sockets. */
    public static final class Peer {
        /** The agent. */
        public final IceAgent agent;
        /** Events seen, in order. */
        public final List<IceEvent> events = new CopyOnWriteArrayList<>();
        /** Application payloads received. */
        public final List<byte[]> received = new CopyOnWriteArrayList<>();
        /** Datagrams sent, per destination. */
        public final Map<InetSocketAddress, Integer> sentTo = new HashMap<>();
        /** Signaling sink for candidate and gathering events. */
        public Consumer<IceEvent> signaling = e -> { };
        final Map<Integer, DatagramChannel> udp = new HashMap<>();
        final Map<Integer, Stream> streams = new HashMap<>();

        Peer(IceAgent agent) {
            this.agent = agent;
        }
    }

    private record Stream(Socket socket, OutputStream out, InetSocketAddress server) {
    }

    private record Incoming(Peer peer, int socketId, InetSocketAddress from, byte[] data) {
    }

    private final Selector selector;
    private final List<Peer> peers = new ArrayList<>();
    private final ConcurrentLinkedQueue<Incoming> streamInput = new ConcurrentLinkedQueue<>();
    private final long start = System.nanoTime();
    private final ByteBuffer buf = ByteBuffer.allocate(65_536);

    /**
     * @throws IOException if no selector
     */
    public SocketDriver() throws IOException {
        selector = Selector.open();
    }

    /** @return driver clock (ms since start, plus an offset so it is never 0) */
    public long now() {
        return 1_000 + (System.nanoTime() - start) / 1_000_000;
    }

    /**
     * @param agent agent
     * @return its peer record
     */
    public Peer add(IceAgent agent) {
        Peer p = new Peer(agent);
        peers.add(p);
        return p;
    }

    /**
     * Binds a UDP socket on 127.0.0.1 and registers it with the agent.
     *
     * @param p peer
     * @param socketId id
     * @return bound address
     * @throws IOException on bind failure
     */
    public InetSocketAddress addUdp(Peer p, int socketId) throws IOException {
        return addUdp(p, socketId, "127.0.0.1");
    }

    /**
     * Binds a UDP socket on a loopback address and registers it with the agent.
     *
     * @param p peer
     * @param socketId id
     * @param loopback "127.0.0.1" or "::1"
     * @return bound address
     * @throws IOException on bind failure
     */
    public InetSocketAddress addUdp(Peer p, int socketId, String loopback) throws IOException {
        DatagramChannel ch = DatagramChannel.open();
        ch.bind(new InetSocketAddress(loopback, 0));
        ch.configureBlocking(false);
        ch.register(selector, SelectionKey.OP_READ, new Object[] {p, socketId});
        p.udp.put(socketId, ch);
        InetSocketAddress local = (InetSocketAddress) ch.getLocalAddress();
        p.agent.addLocalSocket(socketId, local, TransportProtocol.UDP, now());
        return local;
    }

    /**
     * Connects to a TURN server over TCP or TLS and registers the stream with the agent.
     *
     * @param p peer
     * @param socketId id
     * @param server TURN server (TCP or TLS)
     * @param tls TLS context for TLS, else null
     * @throws IOException on connect failure
     */
    public void addTurnStream(Peer p, int socketId, TurnServer server, SSLContext tls) throws IOException {
        Socket s;
        if (server.transport() == TransportProtocol.TLS) {
            SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(server.address().getAddress(), server.address().getPort());
            ssl.startHandshake();
            s = ssl;
        } else {
            s = new Socket(server.address().getAddress(), server.address().getPort());
        }
        s.setTcpNoDelay(true);
        InputStream in = s.getInputStream();
        p.streams.put(socketId, new Stream(s, s.getOutputStream(), server.address()));
        Thread reader = new Thread(() -> {
            byte[] b = new byte[16_384];
            try {
                int n;
                while ((n = in.read(b)) > 0) {
                    streamInput.add(new Incoming(p, socketId, server.address(), Arrays.copyOf(b, n)));
                    selector.wakeup();
                }
            } catch (IOException e) {
                // closed
            }
            streamInput.add(new Incoming(p, socketId, server.address(), null)); // end of stream
            selector.wakeup();
        }, "turn-stream-reader-" + socketId);
        reader.setDaemon(true);
        reader.start();
        p.agent.addTurnStreamSocket(socketId, server, now());
    }

    /**
     * Runs the loop until {@code done} or the timeout.
     *
     * @param timeoutMillis wall-clock limit
     * @param done condition, checked every turn
     * @return true if {@code done} held
     * @throws IOException on socket errors
     */
    public boolean runUntil(long timeoutMillis, BooleanSupplier done) throws IOException {
        long deadline = now() + timeoutMillis;
        while (true) {
            flush();
            if (done.getAsBoolean()) {
                return true;
            }
            long now = now();
            if (now >= deadline) {
                return false;
            }
            long next = deadline;
            for (Peer p : peers) {
                next = Math.min(next, p.agent.nextTimeout());
            }
            long wait = Math.max(1, Math.min(50, next - now));
            selector.select(wait);
            for (SelectionKey k : selector.selectedKeys()) {
                Object[] att = (Object[]) k.attachment();
                Peer p = (Peer) att[0];
                int id = (Integer) att[1];
                DatagramChannel ch = (DatagramChannel) k.channel();
                InetSocketAddress from;
                while (true) {
                    buf.clear();
                    from = (InetSocketAddress) ch.receive(buf);
                    if (from == null) {
                        break;
                    }
                    buf.flip();
                    byte[] data = new byte[buf.remaining()];
                    buf.get(data);
                    p.agent.handleDatagram(id, from, data, now());
                }
            }
            selector.selectedKeys().clear();
            Incoming in;
            while ((in = streamInput.poll()) != null) {
                if (in.data == null) {
                    in.peer.agent.handleStreamClosed(in.socketId, now());
                } else {
                    in.peer.agent.handleDatagram(in.socketId, in.from, in.data, now());
                }
            }
            now = now();
            for (Peer p : peers) {
                if (p.agent.nextTimeout() <= now) {
                    p.agent.handleTimeout(now);
                }
            }
        }
    }

    private void flush() throws IOException {
        boolean any = true;
        while (any) {
            any = false;
            for (Peer p : peers) {
                Datagram d;
                while ((d = p.agent.pollDatagram()) != null) {
                    any = true;
                    p.sentTo.merge(d.remote(), 1, Integer::sum);
                    DatagramChannel ch = p.udp.get(d.socketId());
                    if (ch != null) {
                        ch.send(ByteBuffer.wrap(d.data()), d.remote());
                        continue;
                    }
                    Stream s = p.streams.get(d.socketId());
                    if (s != null && !s.socket.isClosed()) {
                        s.out.write(d.data());
                        s.out.flush();
                    }
                    // MDNS_SOCKET_ID: tests never multicast.
                }
                IceEvent e;
                while ((e = p.agent.pollEvent()) != null) {
                    any = true;
                    p.events.add(e);
                    if (e instanceof IceEvent.DataReceived) {
                        p.received.add(((IceEvent.DataReceived) e).data());
                    } else if (e instanceof IceEvent.LocalCandidate || e instanceof IceEvent.GatheringStateChanged) {
                        p.signaling.accept(e);
                    }
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        for (Peer p : peers) {
            for (DatagramChannel ch : p.udp.values()) {
                ch.close();
            }
            for (Stream s : p.streams.values()) {
                s.socket.close();
            }
        }
        selector.close();
    }
}
