package org.rtc4j.dtls;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** An {@code openssl s_server}/{@code s_client} process with its output captured line by line. */
final class OpenSslPeer implements AutoCloseable {
    final RTCCertificate certificate;
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private OpenSslPeer(RTCCertificate certificate, List<String> command) throws IOException {
        this.certificate = certificate;
        this.process = new ProcessBuilder(command).redirectErrorStream(true).start();
        this.reader = new Thread(this::readLoop, "openssl-output");
        reader.setDaemon(true);
        reader.start();
    }

    static boolean available() {
        try {
            Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            boolean ok = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
            p.destroyForcibly();
            return ok;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code openssl s_server} on 127.0.0.1:port, requesting (not requiring) a client certificate. */
    static OpenSslPeer server(Path dir, int port, SrtpProfile profile) throws IOException {
        return server(dir, port, profile, Certs.ECDSA_B);
    }

    static OpenSslPeer server(Path dir, int port, SrtpProfile profile, RTCCertificate cert) throws IOException {
        Path[] files = writeCertificate(dir, cert);
        return new OpenSslPeer(cert, List.of("openssl", "s_server", "-dtls1_2", "-accept", "127.0.0.1:" + port,
                "-use_srtp", profile.opensslName(), "-keymatexport", "EXTRACTOR-dtls_srtp",
                "-keymatexportlen", Integer.toString(profile.keyingMaterialLength()),
                "-cert", files[0].toString(), "-key", files[1].toString(), "-verify", "1"));
    }

    /** {@code openssl s_client} connecting to 127.0.0.1:port with a client certificate. */
    static OpenSslPeer client(Path dir, int port, SrtpProfile profile) throws IOException {
        return client(dir, port, profile, null);
    }

    /** @param cipher an OpenSSL cipher list to restrict the offer to, or null */
    static OpenSslPeer client(Path dir, int port, SrtpProfile profile, String cipher) throws IOException {
        Path[] files = writeCertificate(dir, Certs.ECDSA_B);
        List<String> cmd = new ArrayList<>(List.of("openssl", "s_client", "-dtls1_2", "-connect", "127.0.0.1:" + port,
                "-use_srtp", profile.opensslName(), "-keymatexport", "EXTRACTOR-dtls_srtp",
                "-keymatexportlen", Integer.toString(profile.keyingMaterialLength()),
                "-cert", files[0].toString(), "-key", files[1].toString()));
        if (cipher != null) {
            cmd.add("-cipher");
            cmd.add(cipher);
        }
        return new OpenSslPeer(Certs.ECDSA_B, cmd);
    }

    private static Path[] writeCertificate(Path dir, RTCCertificate c) throws IOException {
        Path cert = dir.resolve("openssl-cert.pem");
        Path key = dir.resolve("openssl-key.pem");
        Files.writeString(cert, c.certificatePem());
        Files.writeString(key, c.privateKeyPem());
        return new Path[] {cert, key};
    }

    private void readLoop() {
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // process ended
        }
    }

    /** Waits for an output line matching {@code p}; null if none came in time. */
    String awaitLine(Predicate<String> p, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        synchronized (lines) {
            while (true) {
                for (String l : lines) {
                    if (p.test(l)) {
                        return l;
                    }
                }
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                lines.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    boolean hasLine(Predicate<String> p) {
        synchronized (lines) {
            return lines.stream().anyMatch(p);
        }
    }

    /** The "Keying material:" bytes OpenSSL printed, or null. */
    byte[] keyingMaterial(Duration max) throws InterruptedException {
        String l = awaitLine(s -> s.trim().startsWith("Keying material:"), max);
        return l == null ? null : HexFormat.of().parseHex(l.substring(l.indexOf(':') + 1).trim());
    }

    /** The profile from "SRTP Extension negotiated, profile=...", or null. */
    String srtpProfile(Duration max) throws InterruptedException {
        String l = awaitLine(s -> s.contains("SRTP Extension negotiated, profile="), max);
        return l == null ? null : l.substring(l.indexOf("profile=") + "profile=".length()).trim();
    }

    /** Types a line on the process's stdin (s_server/s_client send it as application data). */
    void typeLine(String text) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((text + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        reader.join(5000);
    }
}
