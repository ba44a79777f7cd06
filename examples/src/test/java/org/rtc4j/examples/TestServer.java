package org.rtc4j.examples;

import org.rtc4j.signaling.server.SocketIoServer;
import org.rtc4j.signaling.service.SignalingOptions;
import org.rtc4j.signaling.service.SignalingService;

/** A signaling server on a free 127.0.0.1 port for one test class. */
final class TestServer implements AutoCloseable {
    final SocketIoServer server;
    final String url;

    TestServer(String secret) {
        server = SocketIoServer.builder().host("127.0.0.1").port(0).build().start();
        SignalingOptions o = SignalingOptions.defaults();
        SignalingService.install(server, secret == null ? o : o.withSecret(secret));
        url = "http://127.0.0.1:" + server.port();
    }

    /** The flags a peer command needs to join {@code room} here, on loopback, with JSON output. */
    String[] peer(String command, String room, String... more) {
        String[] base = {command, "--signal", url, "--room", room, "--bind", "127.0.0.1", "--json"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Override
    public void close() {
        server.close();
    }
}
