package org.rtc4j.signaling;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A raw HTTP / WebSocket peer for protocol-level tests (JDK HttpClient, loopback only). */
final class RawClient {
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final String base;

    RawClient(int port) {
        this.base = "http://127.0.0.1:" + port + "/socket.io/";
    }

    HttpResponse<String> get(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "?" + query)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<String>> getAsync(String query) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(base + "?" + query)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String query, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "?" + query)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "text/plain;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Handshakes over polling and returns the sid. */
    String handshake() throws Exception {
        String body = get("EIO=4&transport=polling").body();
        return body.substring(body.indexOf("\"sid\":\"") + 7, body.indexOf('"', body.indexOf("\"sid\":\"") + 7));
    }

    Ws ws(String query) throws Exception {
        Ws w = new Ws();
        w.socket = http.newWebSocketBuilder().buildAsync(
                URI.create(base.replace("http://", "ws://") + "?" + query), w).get(5, TimeUnit.SECONDS);
        return w;
    }

    /** Collects frames; text as is, binary as "<bin:N>". */
    static final class Ws implements WebSocket.Listener {
        final BlockingQueue<Object> in = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket;
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                in.add(text.toString());
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] b = new byte[data.remaining()];
            data.get(b);
            in.add(b);
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete(-1);
        }

        void send(String s) {
            socket.sendText(s, true).join();
        }

        void sendBinary(byte[] b) {
            socket.sendBinary(ByteBuffer.wrap(b), true).join();
        }

        String next() throws InterruptedException {
            Object o = in.poll(5, TimeUnit.SECONDS);
            return o instanceof byte[] b ? "<bin:" + b.length + ">" : (String) o;
        }

        /** Next text frame that is not a server ping (answering it). */
        String nextNonPing() throws InterruptedException {
            while (true) {
                String s = next();
                if (!"2".equals(s)) {
                    return s;
                }
                send("3");
            }
        }
    }
}
