package org.rtc4j.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Unauthenticated bytes must never break an established connection: whatever arrives, the
 * endpoint neither throws nor leaves the CONNECTED state, and data still flows afterwards.
 */
class DtlsFuzzTest {
    private static MemoryNetwork net;

    private static synchronized MemoryNetwork connectedPair() throws InterruptedException {
        if (net == null) {
            MemoryNetwork n = new MemoryNetwork(
                    Certs.config(DtlsRole.CLIENT, Certs.ECDSA_A, Certs.ECDSA_B).build(),
                    Certs.config(DtlsRole.SERVER, Certs.ECDSA_B, Certs.ECDSA_A).build(), 11);
            n.start();
            assertThat(n.runUntil(n::bothConnected, Duration.ofSeconds(30))).isTrue();
            net = n;
        }
        return net;
    }

    @FuzzTest(maxDuration = "10s")
    void arbitraryDatagramsLeaveTheConnectionUp(byte[] data) throws InterruptedException {
        MemoryNetwork n = connectedPair();
        n.a.endpoint.handle(data, MemoryNetwork.now());
        n.b.endpoint.handle(data, MemoryNetwork.now());
        assertThat(n.a.endpoint.state()).isEqualTo(DtlsEndpoint.State.CONNECTED);
        assertThat(n.b.endpoint.state()).isEqualTo(DtlsEndpoint.State.CONNECTED);
        // Drop whatever they answered (e.g. a resent final flight) and check data still flows.
        while (n.a.endpoint.pollDatagram() != null || n.b.endpoint.pollDatagram() != null) {
            // discard
        }
        n.a.endpoint.send(new byte[] {42});
        byte[] d;
        while ((d = n.a.endpoint.pollDatagram()) != null) {
            n.b.endpoint.handle(d, MemoryNetwork.now());
        }
        DtlsEvent e;
        boolean got = false;
        while ((e = n.b.endpoint.pollEvent()) != null) {
            got |= e instanceof DtlsEvent.ApplicationData a && a.data().length == 1 && a.data()[0] == 42;
        }
        assertThat(got).isTrue();
        while (n.a.endpoint.pollEvent() != null) {
            // discard
        }
    }
}
