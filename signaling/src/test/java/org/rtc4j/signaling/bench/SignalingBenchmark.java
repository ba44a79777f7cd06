package org.rtc4j.signaling.bench;

import io.netty.util.internal.PlatformDependent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.rtc4j.signaling.server.SocketIoServer;

/**
 * Side-by-side benchmark of the rtc4j Socket.IO server and Node's socket.io 4.8 on this machine:
 * heap per idle WebSocket connection and broadcast deliveries per second to a room. The client
 * load is the same node process (src/test/js/bench-clients.js) for both; only 127.0.0.1.
 *
 * <p>Run from signaling/: {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt)
 * org.rtc4j.signaling.bench.SignalingBenchmark [connections] [roomSize] [messages] [rounds]}.
 */
public final class SignalingBenchmark {
    static final Path JS = Path.of("src", "test", "js").toAbsolutePath();
    static final String PAYLOAD = "signal-sized payload: a=candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host";

    private SignalingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int roomSize = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int messages = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        String which = args.length > 4 ? args[4] : "both";
        double javaPerConn = Double.NaN;
        double nodePerConn = Double.NaN;
        List<Double> javaRates = new ArrayList<>();
        List<Double> nodeRates = new ArrayList<>();
        if (!which.equals("node")) {

        // rtc4j, in this JVM
        SocketIoServer server = SocketIoServer.builder().build().start();
        server.on("connection", s -> s.join("bench"));
        long base = heap();
        long directBase = PlatformDependent.usedDirectMemory();
        long javaDirect;
        try (Node clients = new Node("bench-clients.js", String.valueOf(server.port()), String.valueOf(connections))) {
            clients.await("connected", 600);
            Thread.sleep(Long.getLong("bench.pause", 2000));
            long loaded = heap();
            if (Boolean.getBoolean("bench.histogram")) {
                Object h = ManagementFactory.getPlatformMBeanServer().invoke(
                        new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                        "gcClassHistogram", new Object[]{null}, new String[]{String[].class.getName()});
                String[] rows = h.toString().split("\n");
                for (int i = 0; i < Math.min(45, rows.length); i++) {
                    System.out.println(rows[i]);
                }
            }
            javaPerConn = (loaded - base) / (double) connections;
            javaDirect = PlatformDependent.usedDirectMemory() - directBase;
            System.out.printf(Locale.ROOT, "rtc4j: %d idle connections, heap %,d -> %,d B: %.0f B/connection (direct %,d B)%n",
                    connections, base, loaded, javaPerConn, javaDirect);
            clients.send("exit");
        }
        waitUntil(() -> server.engine().sessionCount() == 0);
        try (Node clients = new Node("bench-clients.js", String.valueOf(server.port()), String.valueOf(roomSize))) {
            clients.await("connected", 600);
            for (int r = 0; r < rounds + 1; r++) {
                clients.send("expect " + (long) messages * roomSize);
                long t0 = System.nanoTime();
                for (int i = 0; i < messages; i++) {
                    server.to("bench").emit("tick", i, PAYLOAD);
                }
                long delivered = clients.done();
                double rate = delivered / ((System.nanoTime() - t0) / 1e9);
                if (r > 0) { // first round warms up the JIT
                    javaRates.add(rate);
                }
                System.out.printf(Locale.ROOT, "rtc4j: round %d: %.0f deliveries/s%n", r, rate);
            }
            clients.send("exit");
        }
        server.close();
        }

        // Node socket.io 4.8
        if (!which.equals("java")) {
        int port = freePort();
        long nodeExternal;
        try (Node ns = new Node(List.of("node", "--expose-gc", "bench-node-server.js", String.valueOf(port)))) {
            ns.await("listening", 30);
            ns.send("heap");
            String h0 = ns.await("heapUsed", 60);
            try (Node clients = new Node("bench-clients.js", String.valueOf(port), String.valueOf(connections))) {
                clients.await("connected", 600);
                Thread.sleep(2000);
                ns.send("heap");
                String h1 = ns.await("heapUsed", 60);
                nodePerConn = (field(h1, "heapUsed") - field(h0, "heapUsed")) / (double) connections;
                nodeExternal = field(h1, "external") - field(h0, "external");
                System.out.printf(Locale.ROOT, "node: %d idle connections, heapUsed %s -> %s: %.0f B/connection (external +%,d B)%n",
                        connections, h0, h1, nodePerConn, nodeExternal);
                clients.send("exit");
            }
            Thread.sleep(2000);
            try (Node clients = new Node("bench-clients.js", String.valueOf(port), String.valueOf(roomSize))) {
                clients.await("connected", 600);
                for (int r = 0; r < rounds + 1; r++) {
                    clients.send("expect " + (long) messages * roomSize);
                    long t0 = System.nanoTime();
                    ns.send("broadcast " + messages);
                    long delivered = clients.done();
                    double rate = delivered / ((System.nanoTime() - t0) / 1e9);
                    if (r > 0) {
                        nodeRates.add(rate);
                    }
                    System.out.printf(Locale.ROOT, "node: round %d: %.0f deliveries/s%n", r, rate);
                }
                clients.send("exit");
            }
            ns.send("exit");
        }
        }
        double jr = median(javaRates);
        double nr = median(nodeRates);
        System.out.println();
        System.out.println("| metric | rtc4j | node socket.io 4.8.1 | ratio |");
        System.out.println("|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| heap per idle WebSocket connection (%,d connections) | %.0f B | %.0f B | %.2fx |%n",
                connections, javaPerConn, nodePerConn, javaPerConn / nodePerConn);
        System.out.printf(Locale.ROOT, "| broadcast deliveries/s to a %,d-socket room (%,d msgs, median of %d) | %.0f | %.0f | %.2fx |%n",
                roomSize, messages, rounds, jr, nr, jr / nr);
        System.exit(0);
    }

    private static double median(List<Double> l) {
        if (l.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(l);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    private static long field(String json, String name) {
        int i = json.indexOf("\"" + name + "\":") + name.length() + 3;
        int j = i;
        while (j < json.length() && Character.isDigit(json.charAt(j))) {
            j++;
        }
        return Long.parseLong(json.substring(i, j));
    }

    static long heap() throws InterruptedException {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
            best = Math.min(best, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return best;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!c.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(50);
        }
    }

    /** A node process talking JSON lines on stdout and commands on stdin. */
    static final class Node implements AutoCloseable {
        final Process p;
        final Writer in;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        Node(String script, String... args) throws IOException {
            this(concat(script, args));
        }

        private static List<String> concat(String script, String... args) {
            List<String> l = new ArrayList<>(List.of("node", script));
            l.addAll(List.of(args));
            return l;
        }

        Node(List<String> cmd) throws IOException {
            p = new ProcessBuilder(cmd).directory(JS.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String l;
                    while ((l = r.readLine()) != null) {
                        lines.add(l);
                    }
                } catch (IOException ignored) {
                    // ended
                }
            });
            t.setDaemon(true);
            t.start();
        }

        void send(String line) throws IOException {
            in.write(line + "\n");
            in.flush();
        }

        String await(String key, int seconds) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                String l = lines.poll(1, TimeUnit.SECONDS);
                if (l != null && l.contains("\"" + key + "\"")) {
                    return l;
                }
            }
            throw new IllegalStateException("no '" + key + "' from node within " + seconds + " s");
        }

        /** Waits for a round to complete and returns the events delivered (dropped sockets excluded). */
        long done() throws InterruptedException {
            String l = await("done", 300);
            if (!l.contains("\"lost\":0")) {
                System.out.println("  clients dropped by the server so far: " + l);
            }
            return field(l, "done");
        }

        @Override
        public void close() throws InterruptedException {
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
