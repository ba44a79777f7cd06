package org.rtc4j.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.tls.AlertDescription;
import org.junit.jupiter.api.Test;

/** Every way a connection can go wrong ends in one clear event and no thread left running. */
class DtlsFailureTest {

    @Test
    void clientRejectsServerWhoseFingerprintDoesNotMatch() throws Exception {
        RTCCertificate stranger = RTCCertificate.generate();
        DtlsConfig client = Certs.config(DtlsRole.CLIENT, Certs.ECDSA_A, stranger).build();
        DtlsConfig server = Certs.config(DtlsRole.SERVER, Certs.ECDSA_B, Certs.ECDSA_A).build();
        try (MemoryNetwork net = new MemoryNetwork(client, server, 1)) {
            net.start();
            assertThat(net.runUntil(net::bothEnded, Duration.ofSeconds(20))).isTrue();
            DtlsException reason = net.a.failed().reason();
            assertThat(reason).isInstanceOf(DtlsFingerprintMismatchException.class)
                    .hasMessageContaining(Certs.ECDSA_B.getFingerprint("sha-256").getValue());
            assertThat(((DtlsFingerprintMismatchException) reason).getExpected())
                    .containsExactlyElementsOf(stranger.getFingerprints());
            DtlsException serverReason = net.b.failed().reason();
            assertThat(serverReason).isInstanceOf(DtlsAlertException.class);
            assertThat(((DtlsAlertException) serverReason).getDescription()).isEqualTo(AlertDescription.bad_certificate);
            assertThat(((DtlsAlertException) serverReason).isReceived()).isTrue();
            assertNoApplicationDataAndNoConnect(net);
            assertThat(net.shutdownClean()).isTrue();
        }
    }

    @Test
    void serverRejectsClientWhoseFingerprintDoesNotMatch() throws Exception {
        RTCCertificate stranger = RTCCertificate.generate();
        DtlsConfig client = Certs.config(DtlsRole.CLIENT, Certs.ECDSA_A, Certs.ECDSA_B).build();
        DtlsConfig server = Certs.config(DtlsRole.SERVER, Certs.ECDSA_B, stranger).build();
        try (MemoryNetwork net = new MemoryNetwork(client, server, 2)) {
            net.start();
            assertThat(net.runUntil(net::bothEnded, Duration.ofSeconds(20))).isTrue();
            assertThat(net.b.failed().reason()).isInstanceOf(DtlsFingerprintMismatchException.class);
            assertThat(net.a.failed().reason()).isInstanceOf(DtlsAlertException.class)
                    .hasMessageContaining("bad_certificate");
            assertNoApplicationDataAndNoConnect(net);
            assertThat(net.shutdownClean()).isTrue();
        }
    }

    @Test
    void fingerprintInAnotherAlgorithmIsAccepted() throws Exception {
        DtlsConfig client = DtlsConfig.builder().role(DtlsRole.CLIENT).certificate(Certs.ECDSA_A)
                .remoteFingerprint(Certs.ECDSA_B.getFingerprint("sha-512")).build();
        DtlsConfig server = DtlsConfig.builder().role(DtlsRole.SERVER).certificate(Certs.ECDSA_B)
                .remoteFingerprint(RTCDtlsFingerprint.parse("sha-1 " + Certs.ECDSA_A.getFingerprint("sha-1").getValue()
                        .toLowerCase())).build();
        try (MemoryNetwork net = new MemoryNetwork(client, server, 3)) {
            net.start();
            assertThat(net.runUntil(net::bothConnected, Duration.ofSeconds(20))).isTrue();
            assertThat(net.a.connected().peerFingerprint().getAlgorithm()).isEqualTo("sha-512");
            assertThat(net.shutdownClean()).isTrue();
        }
    }

    @Test
    void handshakeThatNeverCompletesTimesOutOnTheCallersDeadline() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        DtlsEndpoint client = new DtlsEndpoint(Certs.config(DtlsRole.CLIENT, Certs.ECDSA_A, Certs.ECDSA_B)
                .handshakeTimeout(Duration.ofSeconds(5)).build(), executor, null);
        client.start(1_000);
        assertThat(client.nextTimeout()).isEqualTo(6_000);
        // The ClientHello goes nowhere: nobody answers.
        client.handleTimeout(5_999);
        assertThat(client.state()).isEqualTo(DtlsEndpoint.State.HANDSHAKING);
        client.handleTimeout(6_000);
        assertThat(client.state()).isEqualTo(DtlsEndpoint.State.FAILED);
        assertThat(drainEvents(client)).singleElement().isInstanceOfSatisfying(DtlsEvent.Failed.class,
                f -> assertThat(f.reason()).isInstanceOf(DtlsTimeoutException.class)
                        .hasMessageContaining("5000 ms"));
        assertThat(client.nextTimeout()).isEqualTo(Long.MAX_VALUE);
        executor.shutdown();
        assertThat(executor.awaitTermination(20, TimeUnit.SECONDS)).as("handshake thread ended").isTrue();
        assertThat(client.isHandshakeTaskRunning()).isFalse();
    }

    @Test
    void handshakeThreadEndsOnItsOwnWhenTheOwnerNeverCallsHandleTimeout() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        DtlsEndpoint server = new DtlsEndpoint(Certs.config(DtlsRole.SERVER, Certs.ECDSA_A, Certs.ECDSA_B)
                .handshakeTimeout(Duration.ofMillis(300)).build(), executor, null);
        server.start(0);
        executor.shutdown();
        assertThat(executor.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
        assertThat(drainEvents(server)).singleElement().isInstanceOfSatisfying(DtlsEvent.Failed.class,
                f -> assertThat(f.reason()).isInstanceOf(DtlsTimeoutException.class));
    }

    @Test
    void closeDuringHandshakeStopsTheTask() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        DtlsEndpoint client = new DtlsEndpoint(Certs.config(DtlsRole.CLIENT, Certs.ECDSA_A, Certs.ECDSA_B).build(),
                executor, null);
        client.start(0);
        client.close();
        client.close();
        executor.shutdown();
        assertThat(executor.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
        assertThat(client.state()).isEqualTo(DtlsEndpoint.State.CLOSED);
        assertThat(drainEvents(client)).containsExactly(new DtlsEvent.Closed(false));
        assertThatThrownBy(() -> client.send(new byte[] {1})).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void garbageAndTruncatedRecordsDuringTheHandshakeAreDropped() throws Exception {
        DtlsConfig client = Certs.config(DtlsRole.CLIENT, Certs.ECDSA_A, Certs.ECDSA_B).build();
        DtlsConfig server = Certs.config(DtlsRole.SERVER, Certs.ECDSA_B, Certs.ECDSA_A).build();
        Random random = new Random(42);
        try (MemoryNetwork net = new MemoryNetwork(client, server, 4)) {
            // Each real datagram is preceded by a truncated copy and by random bytes that look like DTLS.
            net.tamper = (to, d) -> {
                byte[] truncated = Arrays.copyOf(d, Math.max(1, d.length - 1 - random.nextInt(d.length)));
                byte[] garbage = new byte[1 + random.nextInt(300)];
                random.nextBytes(garbage);
                garbage[0] = (byte) (20 + random.nextInt(44));
                to.handle(truncated, MemoryNetwork.now());
                to.handle(garbage, MemoryNetwork.now());
                return d;
            };
            net.start();
            assertThat(net.runUntil(net::bothConnected, Duration.ofSeconds(20)))
                    .as("events a %s b %s", net.a.events, net.b.events).isTrue();
            // And after the handshake, junk records are dropped without hurting the connection.
            for (int i = 0; i < 50; i++) {
                byte[] junk = new byte[1 + random.nextInt(200)];
                random.nextBytes(junk);
                junk[0] = (byte) (20 + random.nextInt(4));
                net.a.endpoint.handle(junk, MemoryNetwork.now());
                net.b.endpoint.handle(Arrays.copyOf(junk, junk.length), MemoryNetwork.now());
            }
            net.tamper = (to, d) -> d;
            DtlsHandshakeTest.exchangeDataAndClose(net);
            assertThat(net.shutdownClean()).isTrue();
        }
    }

    @Test
    void fatalAlertMidHandshakeEndsWithAClearError() throws Exception {
        try (MemoryNetwork net = ecdsaPair(5)) {
            // Instead of its first flight the "server" answers with a plaintext handshake_failure alert.
            byte[] alert = {21, (byte) 0xFE, (byte) 0xFD, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 40};
            net.tamper = (to, d) -> to == net.a.endpoint ? alert : d;
            net.start();
            assertThat(net.runUntil(() -> net.a.ended(), Duration.ofSeconds(20))).isTrue();
            assertThat(net.a.failed().reason()).isInstanceOfSatisfying(DtlsAlertException.class, e -> {
                assertThat(e.isReceived()).isTrue();
                assertThat(e.getDescription()).isEqualTo(AlertDescription.handshake_failure);
                assertThat(e.getDescriptionName()).isEqualTo("handshake_failure");
            });
            assertThat(net.shutdownClean()).isTrue();
            assertNoApplicationDataAndNoConnect(net);
        }
    }

    @Test
    void forgedPlaintextAlertAfterTheHandshakeIsIgnored() throws Exception {
        try (MemoryNetwork net = ecdsaPair(6)) {
            net.start();
            assertThat(net.runUntil(net::bothConnected, Duration.ofSeconds(20))).isTrue();
            // A plaintext epoch-0 alert is not authentic once keys are in use: it must be ignored.
            net.a.endpoint.handle(new byte[] {21, (byte) 0xFE, (byte) 0xFD, 0, 0, 0, 0, 0, 0, 0, 0x40, 0, 2, 2, 40},
                    MemoryNetwork.now());
            assertThat(net.a.endpoint.state()).isEqualTo(DtlsEndpoint.State.CONNECTED);
            DtlsHandshakeTest.exchangeDataAndClose(net);
            assertThat(net.shutdownClean()).isTrue();
        }
    }

    @Test
    void afterTheHandshakeForgedRecordsAreDroppedReplaysIgnoredAndPackedRecordsAllRead() throws Exception {
        try (MemoryNetwork net = ecdsaPair(8)) {
            net.start();
            assertThat(net.runUntil(net::bothConnected, Duration.ofSeconds(20))).isTrue();
            assertThat(net.runUntil(() -> net.a.endpoint.pollDatagram() == null && net.b.endpoint.pollDatagram() == null,
                    Duration.ofSeconds(5))).isTrue();
            byte[][] records = new byte[4][];
            for (int i = 0; i < records.length; i++) {
                net.a.endpoint.send(("record " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                records[i] = net.a.endpoint.pollDatagram();
                assertThat(records[i]).isNotNull();
            }
            byte[] forged = records[0].clone();
            forged[forged.length - 1] ^= 1; // last byte of the GCM tag
            byte[] packed = concat(forged, records[1], records[2]);
            net.b.endpoint.handle(packed, MemoryNetwork.now());
            net.b.endpoint.handle(records[1], MemoryNetwork.now()); // replay
            net.b.endpoint.handle(records[3], MemoryNetwork.now());
            net.b.endpoint.handle(records[2], MemoryNetwork.now()); // replay after a newer record
            assertThat(net.runUntil(() -> net.b.received().size() >= 3, Duration.ofSeconds(5))).isTrue();
            assertThat(net.b.received()).containsExactly("record 1", "record 2", "record 3");
            assertThat(net.b.endpoint.state()).isEqualTo(DtlsEndpoint.State.CONNECTED);
            assertThat(net.b.endpoint.forgedRecords()).isEqualTo(1);
            assertThat(net.b.endpoint.replayedRecords()).isEqualTo(2);
            net.b.events.clear();
            DtlsHandshakeTest.exchangeDataAndClose(net);
            assertThat(net.shutdownClean()).isTrue();
        }
    }

    @Test
    void theEpochsSequenceNumbersNeverRepeatWhenOurRecordLayerTakesOver() throws Exception {
        try (MemoryNetwork net = ecdsaPair(9)) {
            net.start();
            assertThat(net.runUntil(net::bothConnected, Duration.ofSeconds(20))).isTrue();
            // The server ended the handshake, so it writes through BouncyCastle until the client's
            // first record arrives; then its own record layer continues the numbering.
            net.b.endpoint.send("s1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            net.a.endpoint.send("c1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(net.runUntil(() -> net.a.received().size() == 1 && net.b.received().size() == 1,
                    Duration.ofSeconds(10))).isTrue();
            net.b.endpoint.send("s2".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            net.b.endpoint.send("s3".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            net.a.endpoint.send("c2".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(net.runUntil(() -> net.a.received().size() == 3 && net.b.received().size() == 2,
                    Duration.ofSeconds(10))).isTrue();
            assertThat(net.a.received()).containsExactly("s1", "s2", "s3");
            assertThat(net.b.received()).containsExactly("c1", "c2");
            net.b.endpoint.close(); // close_notify comes from BouncyCastle and is re-sealed
            assertThat(net.runUntil(() -> net.a.events.contains(new DtlsEvent.Closed(true)),
                    Duration.ofSeconds(10))).isTrue();
            // Server: Finished, s1, s2, s3, close_notify. Client: Finished, c1, c2, its close_notify reply.
            assertThat(epochOneSequence(net.b.sent)).containsExactly(0L, 1L, 2L, 3L, 4L);
            assertThat(epochOneSequence(net.a.sent)).containsExactly(0L, 1L, 2L, 3L);
            assertThat(net.shutdownClean()).isTrue();
        }
    }

    private static List<Long> epochOneSequence(List<byte[]> datagrams) {
        List<Long> seqs = new java.util.ArrayList<>();
        for (byte[] d : datagrams) {
            int off = 0;
            while (off + 13 <= d.length) {
                int epoch = ((d[off + 3] & 0xFF) << 8) | (d[off + 4] & 0xFF);
                int len = ((d[off + 11] & 0xFF) << 8) | (d[off + 12] & 0xFF);
                if (epoch == 1) {
                    long seq = 0;
                    for (int i = 5; i < 11; i++) {
                        seq = (seq << 8) | (d[off + i] & 0xFF);
                    }
                    seqs.add(seq);
                }
                off += 13 + len;
            }
        }
        return seqs;
    }

    @Test
    void aRecordWithAReservedVersionAfterTheHandshakeIsIgnored() throws Exception {
        try (MemoryNetwork net = ecdsaPair(10)) {
            net.start();
            assertThat(net.runUntil(net::bothConnected, Duration.ofSeconds(20))).isTrue();
            net.a.endpoint.send(new byte[] {1});
            net.b.endpoint.send(new byte[] {2});
            assertThat(net.runUntil(() -> net.a.received().size() == 1 && net.b.received().size() == 1,
                    Duration.ofSeconds(10))).isTrue();
            // Found by DtlsFuzzTest: BouncyCastle threw on version {0xFE, 0xFE} and failed the connection.
            byte[] d = {23, (byte) 0xFE, (byte) 0xFE, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
            net.a.endpoint.handle(d, MemoryNetwork.now());
            net.b.endpoint.handle(d, MemoryNetwork.now());
            assertThat(net.a.endpoint.state()).isEqualTo(DtlsEndpoint.State.CONNECTED);
            assertThat(net.b.endpoint.state()).isEqualTo(DtlsEndpoint.State.CONNECTED);
            net.a.events.clear();
            net.b.events.clear();
            DtlsHandshakeTest.exchangeDataAndClose(net);
            assertThat(net.shutdownClean()).isTrue();
        }
    }

    /** A client and a server with ECDSA certificates, each expecting the other's fingerprint. */
    private static MemoryNetwork ecdsaPair(long seed) {
        return new MemoryNetwork(Certs.config(DtlsRole.CLIENT, Certs.ECDSA_A, Certs.ECDSA_B).build(),
                Certs.config(DtlsRole.SERVER, Certs.ECDSA_B, Certs.ECDSA_A).build(), seed);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int off = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, off, p.length);
            off += p.length;
        }
        return out;
    }

    @Test
    void flightsAreFragmentedToTheMtu() throws Exception {
        DtlsConfig client = Certs.config(DtlsRole.CLIENT, Certs.RSA_A, Certs.RSA_B).mtu(400).build();
        DtlsConfig server = Certs.config(DtlsRole.SERVER, Certs.RSA_B, Certs.RSA_A).mtu(400).build();
        try (MemoryNetwork net = new MemoryNetwork(client, server, 7)) {
            net.start();
            assertThat(net.runUntil(net::bothConnected, Duration.ofSeconds(20))).isTrue();
            assertThat(net.largestDatagram).isLessThanOrEqualTo(400);
            assertThat(net.a.endpoint.applicationDataLimit()).isLessThan(400);
            assertThatThrownBy(() -> net.a.endpoint.send(new byte[400])).isInstanceOf(IllegalArgumentException.class);
            assertThat(net.shutdownClean()).isTrue();
        }
    }

    @Test
    void dataChannelOnlyWithoutUseSrtp() throws Exception {
        DtlsConfig client = Certs.config(DtlsRole.CLIENT, Certs.ECDSA_A, Certs.ECDSA_B).srtpProfiles(List.of()).build();
        DtlsConfig server = Certs.config(DtlsRole.SERVER, Certs.ECDSA_B, Certs.ECDSA_A).build();
        try (MemoryNetwork net = new MemoryNetwork(client, server, 8)) {
            net.start();
            assertThat(net.runUntil(net::bothConnected, Duration.ofSeconds(20))).isTrue();
            assertThat(net.a.connected().srtpProfile()).isNull();
            assertThat(net.a.connected().srtpKeys()).isNull();
            assertThat(net.b.connected().srtpProfile()).isNull();
            DtlsHandshakeTest.exchangeDataAndClose(net);
            assertThat(net.shutdownClean()).isTrue();
        }
    }

    @Test
    void noCommonSrtpProfileMeansNoSrtp() throws Exception {
        DtlsConfig client = Certs.config(DtlsRole.CLIENT, Certs.ECDSA_A, Certs.ECDSA_B)
                .srtpProfiles(List.of(SrtpProfile.AES128_CM_HMAC_SHA1_32)).build();
        DtlsConfig server = Certs.config(DtlsRole.SERVER, Certs.ECDSA_B, Certs.ECDSA_A)
                .srtpProfiles(List.of(SrtpProfile.AEAD_AES_256_GCM)).build();
        try (MemoryNetwork net = new MemoryNetwork(client, server, 9)) {
            net.start();
            assertThat(net.runUntil(net::bothConnected, Duration.ofSeconds(20))).isTrue();
            assertThat(net.a.connected().srtpProfile()).isNull();
            assertThat(net.b.connected().srtpProfile()).isNull();
            assertThat(net.shutdownClean()).isTrue();
        }
    }

    @Test
    void serverPreferenceOrderDecidesTheProfile() throws Exception {
        DtlsConfig client = Certs.config(DtlsRole.CLIENT, Certs.ECDSA_A, Certs.ECDSA_B)
                .srtpProfiles(List.of(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES128_CM_HMAC_SHA1_80)).build();
        DtlsConfig server = Certs.config(DtlsRole.SERVER, Certs.ECDSA_B, Certs.ECDSA_A)
                .srtpProfiles(List.of(SrtpProfile.AEAD_AES_256_GCM, SrtpProfile.AES128_CM_HMAC_SHA1_80,
                        SrtpProfile.AEAD_AES_128_GCM)).build();
        try (MemoryNetwork net = new MemoryNetwork(client, server, 10)) {
            net.start();
            assertThat(net.runUntil(net::bothConnected, Duration.ofSeconds(20))).isTrue();
            assertThat(net.a.connected().srtpProfile()).isEqualTo(SrtpProfile.AES128_CM_HMAC_SHA1_80);
            assertThat(net.a.connected().srtpKeys().clientMasterSalt()).hasSize(14);
            assertThat(net.shutdownClean()).isTrue();
        }
    }

    @Test
    void rejectedExecutorFailsCleanly() {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        executor.shutdown();
        DtlsEndpoint client = new DtlsEndpoint(Certs.config(DtlsRole.CLIENT, Certs.ECDSA_A, Certs.ECDSA_B).build(),
                executor, null);
        client.start(0);
        assertThat(client.state()).isEqualTo(DtlsEndpoint.State.FAILED);
        assertThat(client.isHandshakeTaskRunning()).isFalse();
        assertThatThrownBy(() -> client.start(0)).isInstanceOf(IllegalStateException.class);
    }

    private static List<DtlsEvent> drainEvents(DtlsEndpoint e) {
        List<DtlsEvent> out = new java.util.ArrayList<>();
        DtlsEvent ev;
        while ((ev = e.pollEvent()) != null) {
            out.add(ev);
        }
        return out;
    }

    private static void assertNoApplicationDataAndNoConnect(MemoryNetwork net) {
        for (MemoryNetwork.Side s : List.of(net.a, net.b)) {
            assertThat(s.events).noneMatch(e -> e instanceof DtlsEvent.ApplicationData || e instanceof DtlsEvent.Connected);
        }
    }
}
