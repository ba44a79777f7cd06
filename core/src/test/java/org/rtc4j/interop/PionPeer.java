package org.rtc4j.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pion 3.1.56 (Debian's golang-github-pion-webrtc.v3-dev) running {@code src/test/go/pion-peer},
 * talking {@link Envelope}s over stdin and stdout. The program is built once per JVM into
 * {@code target/pion-peer}, offline: in GOPATH mode against Debian's Go sources in
 * {@code /usr/share/gocode}, since the tests' namespace has no route to a module proxy. GOPATH
 * mode resolves Pion's {@code /v3} import path only for code inside a GOPATH {@code src} tree
 * that has a {@code go.mod}, so the sources are copied into one under {@code target}.
 */
final class PionPeer extends ProcessPeer {

    private static final Logger LOG = LoggerFactory.getLogger(PionPeer.class);
    static final Path GO = Path.of("/usr/bin/go");
    static final Path GOCODE = Path.of("/usr/share/gocode");
    private static final Path PION = GOCODE.resolve("src/github.com/pion/webrtc/go.mod");
    private static Path binary;
    private static AssertionError buildFailure;

    /**
     * @param role "offer" or "answer": Pion's role
     * @param bulk bytes the test sends on {@code bulk}, and Pion sends back
     * @param host the only address Pion gathers on
     */
    PionPeer(String role, long bulk, String host) throws IOException {
        super("pion", new ProcessBuilder(binary().toString(), role, Long.toString(bulk), host));
    }

    /** Whether Go and Debian's Pion sources are installed. */
    static boolean available() {
        return Files.isExecutable(GO) && Files.isRegularFile(PION);
    }

    /** The built program; builds it on first use (a failed build fails every later call too). */
    static synchronized Path binary() {
        if (buildFailure != null) {
            throw buildFailure;
        }
        if (binary == null) {
            try {
                binary = build();
            } catch (IOException | RuntimeException e) {
                buildFailure = new AssertionError("could not build the Pion peer", e);
                throw buildFailure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted building the Pion peer", e);
            } catch (AssertionError e) {
                buildFailure = e;
                throw e;
            }
        }
        return binary;
    }

    private static Path build() throws IOException, InterruptedException {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path sources = module.resolve("src/test/go/pion-peer");
        Path work = module.resolve("target/pion-peer");
        Path pkg = work.resolve("gopath/src/pion-peer");
        Path out = work.resolve("pion-peer");
        // A fresh copy each time, so that a file deleted from src does not linger in the build.
        if (Files.isDirectory(pkg)) {
            try (Stream<Path> old = Files.list(pkg)) {
                for (Path p : (Iterable<Path>) old::iterator) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(pkg);
        try (Stream<Path> files = Files.list(sources)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.copy(p, pkg.resolve(p.getFileName()));
            }
        }
        Path log = work.resolve("build.log");
        ProcessBuilder pb = new ProcessBuilder(GO.toString(), "build", "-o", out.toString(), ".")
                .directory(pkg.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("GO111MODULE", "off");
        env.put("GOPATH", work.resolve("gopath") + ":" + GOCODE);
        // writable, and kept across runs until mvn clean
        env.put("GOCACHE", work.resolve("gocache").toString());
        env.put("GOFLAGS", "");
        env.put("GOPROXY", "off");
        env.put("GOENV", "off");
        // pure Go: no C compiler needed, the binary depends on nothing but the kernel
        env.put("CGO_ENABLED", "0");
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("go build took over 5 minutes: " + Files.readString(log, StandardCharsets.UTF_8));
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("go build failed (" + p.exitValue() + "):\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        LOG.info("built {} in {} ms", out, (System.nanoTime() - t0) / 1_000_000);
        return out;
    }
}
