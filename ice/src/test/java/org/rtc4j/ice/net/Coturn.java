package org.rtc4j.ice.net;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.rtc4j.ice.stun.StunMessage;
import org.rtc4j.ice.stun.StunMessageBuilder;
import org.rtc4j.ice.stun.StunMethod;
import org.rtc4j.ice.stun.TransactionId;

/**
 * Starts a real coturn {@code turnserver} on 127.0.0.1 with random ports, a test user and a
 * self-signed certificate (made with the openssl CLI), and stops it on close.
 */
public final class Coturn implements AutoCloseable {
    /** Realm configured. */
    public static final String REALM = "rtc4j";
    /** User. */
    public static final String USER = "test";
    /** Password. */
    public static final String PASSWORD = "secret";

    private final Process process;
    private final Path dir;
    /** Plain (UDP and TCP) listening port. */
    public final int port;
    /** TLS listening port. */
    public final int tlsPort;

    /**
     * @throws IOException if it cannot be started
     * @throws InterruptedException if interrupted while waiting
     */
    public Coturn() throws IOException, InterruptedException {
        dir = Files.createTempDirectory("rtc4j-coturn");
        Process gen = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=localhost", "-keyout", dir.resolve("key.pem").toString(), "-out",
                dir.resolve("cert.pem").toString()).redirectErrorStream(true).redirectOutput(dir.resolve("openssl.log").toFile()).start();
        if (!gen.waitFor(60, TimeUnit.SECONDS) || gen.exitValue() != 0) {
            throw new IOException("openssl failed: " + Files.readString(dir.resolve("openssl.log")));
        }
        port = freePort();
        tlsPort = freePort();
        int relayMin = 20000 + new Random().nextInt(20000);
        process = new ProcessBuilder(List.of("turnserver", "-n", "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1",
                "--listening-port=" + port, "--tls-listening-port=" + tlsPort, "--min-port=" + relayMin,
                "--max-port=" + (relayMin + 200), "--lt-cred-mech", "--user", USER + ":" + PASSWORD, "--realm", REALM,
                "--allow-loopback-peers", "--no-cli", "--no-dtls", "--cert", dir.resolve("cert.pem").toString(),
                "--pkey", dir.resolve("key.pem").toString(), "--pidfile", dir.resolve("turn.pid").toString(),
                "--log-file", dir.resolve("turn.log").toString(), "--no-stdout-log", "--simple-log"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        waitReady();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private void waitReady() throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            s.setSoTimeout(200);
            while (System.nanoTime() < end) {
                if (!process.isAlive()) {
                    throw new IOException("turnserver exited: " + log());
                }
                byte[] req = new StunMessageBuilder(StunMethod.BINDING, StunMethod.REQUEST, TransactionId.random(new SecureRandom()))
                        .build();
                s.send(new DatagramPacket(req, req.length, new InetSocketAddress("127.0.0.1", port)));
                try {
                    DatagramPacket p = new DatagramPacket(new byte[1500], 1500);
                    s.receive(p);
                    if (StunMessage.looksLikeStun(p.getData(), 0, p.getLength())) {
                        // TCP/TLS listeners come up with UDP; give them a moment.
                        Thread.sleep(200);
                        return;
                    }
                } catch (SocketTimeoutException e) {
                    // not yet
                }
            }
        }
        throw new IOException("turnserver did not answer: " + log());
    }

    /** @return coturn's log, for failure messages */
    public String log() {
        try {
            Path l = dir.resolve("turn.log");
            return Files.exists(l) ? Files.readString(l) : Files.readString(dir.resolve("stdout.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** @return server address for UDP and TCP */
    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port);
    }

    /** @return TLS address */
    public InetSocketAddress tlsAddress() {
        return new InetSocketAddress("127.0.0.1", tlsPort);
    }

    /**
     * @return a TLS context that trusts the self-signed test certificate (any certificate: test only)
     * @throws Exception on JDK errors
     */
    public static SSLContext trustingTls() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, new SecureRandom());
        return ctx;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
