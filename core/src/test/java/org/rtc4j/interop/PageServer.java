package org.rtc4j.interop;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The browser's side of the signaling: an HTTP server on the namespace's address that serves the
 * test pages from {@code /interop/} and relays messages. The page POSTs {@link Envelope}s to
 * {@code /msg} (one at a time, in order) and long-polls {@code GET /poll}, which answers a JSON
 * array of the messages queued for it (or 204 after a while).
 */
final class PageServer implements PeerLink {

    private final HttpServer server;
    private final ExecutorService threads;
    private final LinkedBlockingQueue<String> toPage = new LinkedBlockingQueue<>();
    private final List<String> transcript = new ArrayList<>();
    private volatile Consumer<Envelope> handler = m -> { };

    PageServer(String host) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, 0), 16);
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "page-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/page/", this::page);
        server.createContext("/msg", this::message);
        server.createContext("/poll", this::poll);
        server.start();
    }

    /** The URL of a page under {@code src/test/resources/interop/}. */
    String url(String page) {
        InetSocketAddress a = server.getAddress();
        return "http://" + a.getAddress().getHostAddress() + ":" + a.getPort() + "/page/" + page;
    }

    @Override
    public void send(Envelope message) {
        toPage.add(message.toJson());
    }

    @Override
    public void onMessage(Consumer<Envelope> handler) {
        this.handler = handler;
    }

    @Override
    public String transcript() {
        synchronized (transcript) {
            return String.join("\n", transcript);
        }
    }

    private void page(HttpExchange x) throws IOException {
        String name = x.getRequestURI().getPath().substring("/page/".length());
        try (InputStream in = name.contains("..") ? null : PageServer.class.getResourceAsStream("/interop/" + name)) {
            if (in == null) {
                reply(x, 404, "text/plain", new byte[0]);
                return;
            }
            reply(x, 200, name.endsWith(".html") ? "text/html; charset=utf-8" : "application/octet-stream",
                    in.readAllBytes());
        }
    }

    private void message(HttpExchange x) throws IOException {
        String body;
        try (InputStream in = x.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Envelope m = Envelope.parse(body);
        synchronized (transcript) {
            transcript.add(m.kind() + " " + (m.value().length() > 300 ? m.value().substring(0, 300) + "..." : m.value()));
        }
        // Answer only after the test has taken the message: the page sends the next one after that.
        synchronized (this) {
            handler.accept(m);
        }
        reply(x, 204, "text/plain", null);
    }

    private void poll(HttpExchange x) throws IOException {
        String first;
        try {
            first = toPage.poll(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            first = null;
        }
        if (first == null) {
            reply(x, 204, "text/plain", null);
            return;
        }
        List<String> all = new ArrayList<>();
        all.add(first);
        toPage.drainTo(all);
        reply(x, 200, "application/json", ("[" + String.join(",", all) + "]").getBytes(StandardCharsets.UTF_8));
    }

    private static void reply(HttpExchange x, int status, String type, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        x.getResponseHeaders().set("Cache-Control", "no-store");
        x.sendResponseHeaders(status, body == null ? -1 : body.length);
        if (body != null) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        }
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
