package org.rtc4j.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Interop with the OpenSSL 3 CLI, a DTLS stack nobody here wrote, in both roles: keying material
 * equal byte for byte, the same SRTP profile, and application data both ways.
 */
class OpenSslInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @BeforeAll
    static void opensslInstalled() {
        assumeTrue(OpenSslPeer.available(), "openssl CLI not installed");
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtc4jClientAgainstOpenSslServer(SrtpProfile profile) throws Exception {
        int port;
        try (DatagramChannel probe = DatagramChannel.open()) {
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            port = ((InetSocketAddress) probe.getLocalAddress()).getPort();
        }
        try (OpenSslPeer openssl = OpenSslPeer.server(dir, port, profile);
                Driver us = new Driver(DtlsRole.CLIENT, openssl.certificate, new InetSocketAddress("127.0.0.1", port))) {
            assertThat(openssl.awaitLine(l -> l.contains("ACCEPT"), WAIT)).as(openssl.output()).isNotNull();
            us.endpoint.start(MemoryNetwork.now());
            checkSession(us, openssl, profile);
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void openSslClientAgainstRtc4jServer(SrtpProfile profile) throws Exception {
        try (Driver us = new Driver(DtlsRole.SERVER, Certs.ECDSA_B, null)) {
            us.endpoint.start(MemoryNetwork.now());
            try (OpenSslPeer openssl = OpenSslPeer.client(dir, us.localPort(), profile)) {
                checkSession(us, openssl, profile);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "ECDHE-ECDSA-AES256-GCM-SHA384, TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
        "ECDHE-ECDSA-CHACHA20-POLY1305, TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
    })
    void openSslClientWithEachSuite(String opensslCipher, String suite) throws Exception {
        try (Driver us = new Driver(DtlsRole.SERVER, Certs.ECDSA_B, null)) {
            us.endpoint.start(MemoryNetwork.now());
            try (OpenSslPeer openssl = OpenSslPeer.client(dir, us.localPort(), SrtpProfile.AEAD_AES_128_GCM,
                    opensslCipher)) {
                checkSession(us, openssl, SrtpProfile.AEAD_AES_128_GCM, suite);
            }
        }
    }

    @Test
    void rtc4jClientAgainstOpenSslServerWithRsaCertificate() throws Exception {
        int port;
        try (DatagramChannel probe = DatagramChannel.open()) {
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            port = ((InetSocketAddress) probe.getLocalAddress()).getPort();
        }
        try (OpenSslPeer openssl = OpenSslPeer.server(dir, port, SrtpProfile.AES128_CM_HMAC_SHA1_80, Certs.RSA_B);
                Driver us = new Driver(DtlsRole.CLIENT, openssl.certificate, new InetSocketAddress("127.0.0.1", port))) {
            assertThat(openssl.awaitLine(l -> l.contains("ACCEPT"), WAIT)).as(openssl.output()).isNotNull();
            us.endpoint.start(MemoryNetwork.now());
            checkSession(us, openssl, SrtpProfile.AES128_CM_HMAC_SHA1_80, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        }
    }

    private static void checkSession(Driver us, OpenSslPeer openssl, SrtpProfile profile) throws Exception {
        checkSession(us, openssl, profile, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
    }

    private static void checkSession(Driver us, OpenSslPeer openssl, SrtpProfile profile, String suite)
            throws Exception {
        assertThat(us.runUntil(() -> us.connected() != null || us.failed() != null, WAIT))
                .as("handshake ends; openssl said:\n%s", openssl.output()).isTrue();
        assertThat(us.failed()).as("openssl said:\n%s", openssl.output()).isNull();
        DtlsEvent.Connected c = us.connected();
        assertThat(c.srtpProfile()).isEqualTo(profile);
        assertThat(c.cipherSuite()).isEqualTo(suite);

        // OpenSSL prints the keying material once its side of the handshake is done; keep our side
        // running meanwhile so that a retransmitted flight is answered.
        us.runUntil(() -> openssl.hasLine(l -> l.trim().startsWith("Keying material:")), WAIT);
        byte[] theirs = openssl.keyingMaterial(Duration.ZERO);
        assertThat(theirs).as("openssl said:\n%s\nour events: %s, state %s, datagrams in %d out %d",
                openssl.output(), us.events, us.endpoint.state(), us.datagramsIn, us.datagramsOut).isNotNull();
        assertThat(HexFormat.of().formatHex(c.srtpKeys().toExportedBytes()))
                .isEqualTo(HexFormat.of().formatHex(theirs));
        assertThat(openssl.srtpProfile(WAIT)).isEqualTo(profile.opensslName());

        us.endpoint.send("hello-from-rtc4j\n".getBytes(StandardCharsets.UTF_8));
        us.flush();
        assertThat(openssl.awaitLine(l -> l.equals("hello-from-rtc4j"), WAIT)).as(openssl.output()).isNotNull();

        openssl.typeLine("hello-from-openssl");
        assertThat(us.runUntil(() -> us.received().contains("hello-from-openssl\n"), WAIT))
                .as("received %s; openssl said:\n%s", us.received(), openssl.output()).isTrue();
        us.endpoint.close();
        us.flush();
    }

    /** Runs one endpoint over a real loopback UDP socket on the test thread. */
    private static final class Driver implements AutoCloseable {
        final ExecutorService executor = Executors.newSingleThreadExecutor();
        final Semaphore wake = new Semaphore(0);
        final DtlsEndpoint endpoint;
        final DatagramChannel channel;
        final List<DtlsEvent> events = new ArrayList<>();
        final List<byte[]> pending = new ArrayList<>();
        SocketAddress peer;
        int datagramsIn;
        int datagramsOut;

        Driver(DtlsRole role, RTCCertificate peerCert, SocketAddress peer) throws IOException {
            RTCCertificate self = Certs.ECDSA_A;
            this.endpoint = new DtlsEndpoint(DtlsConfig.builder().role(role).certificate(self)
                    .remoteFingerprints(peerCert.getFingerprints()).build(), executor, wake::release);
            this.channel = DatagramChannel.open();
            channel.bind(new InetSocketAddress("127.0.0.1", 0));
            channel.configureBlocking(false);
            this.peer = peer;
        }

        int localPort() throws IOException {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        }

        boolean runUntil(BooleanSupplier done, Duration max) throws Exception {
            long end = System.nanoTime() + max.toNanos();
            ByteBuffer buf = ByteBuffer.allocate(2048);
            while (!done.getAsBoolean()) {
                if (System.nanoTime() > end) {
                    return false;
                }
                boolean moved = false;
                SocketAddress from;
                while ((from = channel.receive(buf.clear())) != null) {
                    moved = true;
                    if (peer == null) {
                        peer = from;
                    }
                    buf.flip();
                    byte[] d = new byte[buf.remaining()];
                    buf.get(d);
                    datagramsIn++;
                    endpoint.handle(d, MemoryNetwork.now());
                }
                moved |= flush();
                DtlsEvent e;
                while ((e = endpoint.pollEvent()) != null) {
                    moved = true;
                    events.add(e);
                }
                endpoint.handleTimeout(MemoryNetwork.now());
                if (!moved) {
                    wake.tryAcquire(5, TimeUnit.MILLISECONDS);
                }
            }
            return true;
        }

        boolean flush() throws IOException {
            byte[] d;
            boolean any = false;
            while ((d = endpoint.pollDatagram()) != null) {
                pending.add(d);
            }
            if (peer != null) {
                for (byte[] p : pending) {
                    channel.send(ByteBuffer.wrap(p), peer);
                    datagramsOut++;
                    any = true;
                }
                pending.clear();
            }
            return any;
        }

        DtlsEvent.Connected connected() {
            return events.stream().filter(DtlsEvent.Connected.class::isInstance)
                    .map(DtlsEvent.Connected.class::cast).findFirst().orElse(null);
        }

        DtlsEvent.Failed failed() {
            return events.stream().filter(DtlsEvent.Failed.class::isInstance)
                    .map(DtlsEvent.Failed.class::cast).findFirst().orElse(null);
        }

        List<String> received() {
            List<String> out = new ArrayList<>();
            for (DtlsEvent e : events) {
                if (e instanceof DtlsEvent.ApplicationData d) {
                    out.add(new String(d.data(), StandardCharsets.UTF_8));
                }
            }
            return out;
        }

        @Override
        public void close() throws Exception {
            endpoint.close();
            channel.close();
            executor.shutdown();
            assertThat(executor.awaitTermination(20, TimeUnit.SECONDS)).as("handshake thread ended").isTrue();
        }
    }
}
