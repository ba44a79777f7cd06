package org.rtc4j.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rtc4j.signaling.client.SocketIoClient;
import org.rtc4j.signaling.server.SocketIoServer;

/** 1,000 concurrent clients: broadcast reaches each once, and the heap comes back afterwards. */
class LoadTest {
    private static final int CLIENTS = 1000;
    private static final int MESSAGES = 5;

    @Test
    void thousandClientsBroadcastOnceEachAndHeapReturnsToBaseline() throws Exception {
        EventLoopGroup clientLoops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        SocketIoServer server = SocketIoServer.builder().build().start();
        try {
            server.on("connection", s -> s.on("join", (args, ack) -> {
                s.join(args.text(0));
                ack.send(true);
            }));
            URI uri = URI.create("http://127.0.0.1:" + server.port());
            // warm up class loading and pools so the baseline is honest
            round(uri, clientLoops, server, 50, false);
            long baseline = settledHeap();
            long peak = round(uri, clientLoops, server, CLIENTS, true);
            EngineIoProtocolTest.waitFor(() -> server.engine().sessionCount() == 0 && server.of("/").sockets().isEmpty());
            long after = settledHeap();
            System.out.printf("heap: baseline %,d B, with %d clients %,d B, after they left %,d B%n",
                    baseline, CLIENTS, peak, after);
            assertThat(peak - baseline).as("the clients used memory").isPositive();
            assertThat(after - baseline).as("heap growth after all left").isLessThan(16L << 20);
            assertThat(server.of("/").rooms()).isEmpty();
        } finally {
            server.close();
            clientLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Connects n clients, all join room "big", broadcasts; returns the settled heap while connected. */
    private long round(URI uri, EventLoopGroup loops, SocketIoServer server, int n, boolean check) throws Exception {
        List<SocketIoClient> clients = new ArrayList<>(n);
        List<ConcurrentLinkedQueue<Integer>> inboxes = new ArrayList<>(n);
        List<CompletableFuture<String>> connects = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SocketIoClient c = SocketIoClient.builder(uri).eventLoopGroup(loops).reconnection(false).build();
            ConcurrentLinkedQueue<Integer> q = new ConcurrentLinkedQueue<>();
            c.on("tick", (args, ack) -> q.add(args.get(0).asInt()));
            clients.add(c);
            inboxes.add(q);
            connects.add(c.connect());
            if (i % 100 == 99) {
                CompletableFuture.allOf(connects.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            }
        }
        CompletableFuture.allOf(connects.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        List<CompletableFuture<?>> joins = new ArrayList<>();
        for (SocketIoClient c : clients) {
            joins.add(c.emitWithAck(Duration.ofSeconds(30), "join", "big"));
        }
        CompletableFuture.allOf(joins.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        assertThat(server.to("big").sockets()).hasSize(n);
        for (int m = 0; m < MESSAGES; m++) {
            server.to("big").emit("tick", m);
        }
        EngineIoProtocolTest.waitFor(() -> inboxes.stream().allMatch(q -> q.size() >= MESSAGES));
        Thread.sleep(200);
        if (check) {
            for (ConcurrentLinkedQueue<Integer> q : inboxes) {
                assertThat(q).containsExactly(0, 1, 2, 3, 4);
            }
        }
        long heap = settledHeap();
        for (SocketIoClient c : clients) {
            c.close();
        }
        return heap;
    }

    static long settledHeap() throws InterruptedException {
        MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            best = Math.min(best, mx.getHeapMemoryUsage().getUsed());
        }
        return best;
    }
}
