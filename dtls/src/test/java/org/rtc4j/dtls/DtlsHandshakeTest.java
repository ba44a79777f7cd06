package org.rtc4j.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** rtc4j client against rtc4j server over an in-memory link, clean and lossy. */
class DtlsHandshakeTest {

    static Stream<Arguments> profilesAndKeys() {
        List<Arguments> out = new ArrayList<>();
        for (RTCCertificate.KeyType k : RTCCertificate.KeyType.values()) {
            for (SrtpProfile p : SrtpProfile.values()) {
                out.add(Arguments.of(p, k));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("profilesAndKeys")
    void handshakeAgreesOnKeysAndCarriesData(SrtpProfile profile, RTCCertificate.KeyType keyType) throws Exception {
        runPair(profile, keyType, 0.0, 0.0, 1);
    }

    @ParameterizedTest(name = "{0} {1} lossy")
    @MethodSource("profilesAndKeys")
    void handshakeSurvivesLossAndReordering(SrtpProfile profile, RTCCertificate.KeyType keyType) throws Exception {
        runPair(profile, keyType, 0.20, 0.20, profile.ordinal() * 31L + keyType.ordinal());
    }

    private static void runPair(SrtpProfile profile, RTCCertificate.KeyType keyType, double loss, double reorder,
            long seed) throws Exception {
        RTCCertificate ca = Certs.a(keyType);
        RTCCertificate cb = Certs.b(keyType);
        // Client offers every profile; the server's preference puts the one under test first.
        List<SrtpProfile> serverPrefs = new ArrayList<>(List.of(profile));
        for (SrtpProfile p : SrtpProfile.values()) {
            if (p != profile) {
                serverPrefs.add(p);
            }
        }
        DtlsConfig client = Certs.config(DtlsRole.CLIENT, ca, cb).build();
        DtlsConfig server = Certs.config(DtlsRole.SERVER, cb, ca).srtpProfiles(serverPrefs).build();
        try (MemoryNetwork net = new MemoryNetwork(client, server, seed)) {
            net.loss = loss;
            net.reorder = reorder;
            net.start();
            assertThat(net.runUntil(net::bothConnected, Duration.ofSeconds(30)))
                    .as("handshake completes; client events %s, server events %s", net.a.events, net.b.events)
                    .isTrue();
            DtlsEvent.Connected c = net.a.connected();
            DtlsEvent.Connected s = net.b.connected();
            assertThat(c.role()).isEqualTo(DtlsRole.CLIENT);
            assertThat(s.role()).isEqualTo(DtlsRole.SERVER);
            assertThat(c.srtpProfile()).isEqualTo(profile);
            assertThat(s.srtpProfile()).isEqualTo(profile);
            assertThat(c.srtpKeys()).isEqualTo(s.srtpKeys());
            assertThat(c.srtpKeys().clientMasterKey()).hasSize(profile.keyLength());
            assertThat(c.srtpKeys().serverMasterSalt()).hasSize(profile.saltLength());
            assertThat(c.srtpKeys().localKey(DtlsRole.CLIENT)).isEqualTo(s.srtpKeys().remoteKey(DtlsRole.SERVER));
            assertThat(c.srtpKeys().clientMasterKey()).isNotEqualTo(c.srtpKeys().serverMasterKey());
            String expectedSuite = keyType == RTCCertificate.KeyType.RSA_2048
                    ? "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256" : "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";
            assertThat(c.cipherSuite()).isEqualTo(expectedSuite);
            assertThat(s.cipherSuite()).isEqualTo(expectedSuite);
            assertThat(c.peerFingerprint()).isEqualTo(cb.getFingerprint("sha-256"));
            assertThat(s.peerFingerprint()).isEqualTo(ca.getFingerprint("sha-256"));
            assertThat(c.peerCertificate()).isEqualTo(cb.getX509Certificate());
            assertThat(s.peerCertificate()).isEqualTo(ca.getX509Certificate());
            assertThat(net.largestDatagram).isLessThanOrEqualTo(DtlsConfig.DEFAULT_MTU);

            if (loss == 0.0) {
                exchangeDataAndClose(net);
            }
            assertThat(net.shutdownClean()).as("no handshake thread left").isTrue();
        }
    }

    /** Both directions carry data, then close_notify reaches the peer. */
    static void exchangeDataAndClose(MemoryNetwork net) throws InterruptedException {
        net.a.endpoint.send("hello from client".getBytes(StandardCharsets.UTF_8));
        net.b.endpoint.send("hello from server".getBytes(StandardCharsets.UTF_8));
        assertThat(net.runUntil(() -> !net.a.received().isEmpty() && !net.b.received().isEmpty(),
                Duration.ofSeconds(10))).isTrue();
        assertThat(net.a.received()).containsExactly("hello from server");
        assertThat(net.b.received()).containsExactly("hello from client");
        net.a.endpoint.close();
        assertThat(net.runUntil(() -> net.b.endpoint.state() == DtlsEndpoint.State.CLOSED,
                Duration.ofSeconds(10))).isTrue();
        assertThat(net.a.events).contains(new DtlsEvent.Closed(false));
        assertThat(net.b.events).contains(new DtlsEvent.Closed(true));
    }
}
