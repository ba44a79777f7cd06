package org.rtc4j;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real coturn {@code turnserver} on 127.0.0.1 for one test: random ports, a test user, and a
 * self-signed certificate for 127.0.0.1 that {@link #trustingContext()} trusts (and nothing else).
 */
final class Coturn implements AutoCloseable {

    static final String USER = "rtc4j";
    static final String PASSWORD = "s3cret-turn";
    private static final String REALM = "rtc4j.test";

    private final Path dir;
    private final Process process;
    final int port;
    final int tlsPort;

    Coturn() throws IOException, InterruptedException {
        dir = Files.createTempDirectory("rtc4j-coturn");
        run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                "-keyout", dir.resolve("key.pem").toString(), "-out", dir.resolve("cert.pem").toString());
        port = freePort();
        tlsPort = freePort();
        int relayMin = 30000 + new Random().nextInt(20000);
        process = new ProcessBuilder(List.of("turnserver", "-n", "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1",
                "--listening-port=" + port, "--tls-listening-port=" + tlsPort, "--min-port=" + relayMin,
                "--max-port=" + (relayMin + 500), "--lt-cred-mech", "--user", USER + ":" + PASSWORD, "--realm", REALM,
                "--allow-loopback-peers", "--no-cli", "--no-dtls", "--cert", dir.resolve("cert.pem").toString(),
                "--pkey", dir.resolve("key.pem").toString(), "--pidfile", dir.resolve("turn.pid").toString(),
                "--log-file", dir.resolve("turn.log").toString(), "--no-stdout-log", "--simple-log"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        waitForTcp(port);
        waitForTcp(tlsPort);
    }

    private void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("cmd.log").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + Files.readString(dir.resolve("cmd.log")));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private void waitForTcp(int p) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IOException("turnserver exited: " + Files.readString(dir.resolve("stdout.log")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", p), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IOException("turnserver did not listen on " + p);
    }

    /** A TLS context trusting exactly this server's certificate. */
    SSLContext trustingContext() throws Exception {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(dir.resolve("cert.pem"))) {
            ks.setCertificateEntry("coturn", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    @Override
    public void close() throws IOException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
