package org.rtc4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rtc4j.RTCConfiguration;
import org.rtc4j.transport.InterfaceFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * rtc4j's data channels with Pion 3.1.56 from Debian (pion/dtls, pion/sctp 1.8.6, trickle ICE)
 * in the test's network namespace, in both roles: the checks of {@link ChromiumPeerTest} —
 * text and binary echoes on ordered, unordered, maxRetransmits-0 and pre-negotiated channels,
 * close from either side, 16 MiB each way by SHA-256, and Pion's channel closing at once after
 * rtc4j's {@code close()}. rtc4j must not offer SCTP zero checksum to this Pion, which drops
 * such an INIT, as {@link #zeroChecksumOfferedMeansNoChannelOpens} shows.
 */
class PionPeerTest extends InteropTest {

    private static final Logger LOG = LoggerFactory.getLogger(PionPeerTest.class);
    static RTCConfiguration config(boolean zeroChecksum) throws Exception {
        return RTCConfiguration.builder()
                .interfaceFilter(InterfaceFilter.only(InetAddress.getByName(ChromiumPeerTest.HOST)))
                .sctpZeroChecksum(zeroChecksum)
                .build();
    }

    @ParameterizedTest(name = "rtc4j offers: {0}")
    @ValueSource(booleans = {false, true})
    void echoesAndBulkBothWays(boolean rtc4jOffers) throws Exception {
        requireIsolatedPion();
        long bulk = ChromiumPeerTest.BULK;
        String role = rtc4jOffers ? "rtc4j offering" : "Pion offering";
        try (PionPeer peer = new PionPeer(rtc4jOffers ? "answer" : "offer", bulk, ChromiumPeerTest.HOST);
             EchoScenario s = new EchoScenario(factory, config(false), peer, true, bulk, CHUNK)) {
            s.start(rtc4jOffers);
            Map<String, Object> r = s.awaitResult(Duration.ofSeconds(90));
            EchoChecks.finish(LOG, "Pion", role, s, r, bulk, true, "Pion's channel close event", peer::transcript);
        }
    }

    /**
     * With rtc4j's default, zero checksum offered, ICE and DTLS connect but no channel opens:
     * pion/sctp 1.8.6 fails to parse any INIT or INIT ACK with a parameter it does not know (Zero
     * Checksum Acceptable), so it drops rtc4j's, whichever side starts. If this starts failing,
     * Debian ships a fixed pion/sctp and {@code sctpZeroChecksum(false)} can go.
     */
    @Test
    void zeroChecksumOfferedMeansNoChannelOpens() throws Exception {
        requireIsolatedPion();
        try (PionPeer peer = new PionPeer("answer", ChromiumPeerTest.BULK, ChromiumPeerTest.HOST);
             EchoScenario s = new EchoScenario(factory, config(true), peer, true, ChromiumPeerTest.BULK, CHUNK)) {
            s.start(true);
            long connected = s.connectedMs.get(20, TimeUnit.SECONDS);
            // INIT retransmits back off 1, 2, 4 s: 10 s covers several, each dropped
            Thread.sleep(10_000);
            LOG.info("zero checksum offered to Pion: connected at {} ms, then after 10 s: chat open {}, neg echoes {}, "
                    + "channels from Pion {}, bulk sent {}", connected, s.chatOpenMs, s.negEchoes.isDone(),
                    s.partialOptions.keySet(), s.bulkSent.isDone());
            assertThat(s.chatOpenMs).as("chat opened").isEqualTo(-1);
            assertThat(s.partialOptions).as("unordered/lossy channels opened").isEmpty();
            assertThat(s.negEchoes).as("neg echoed").isNotDone();
            assertThat(s.bulkSent).as("bulk sent").isNotDone();
            assertThat(s.messagesReceived).hasValue(0);
            assertThat(s.failures).isEmpty();
        }
    }

    /**
     * rtc4j's message size on bulk: 64 KiB less one byte. Pion 3.1.56 writes no
     * a=max-message-size, so rtc4j may send 65536 bytes (RFC 8841's default), and Pion's sender
     * allows that much too, but its receiver reads each message into a 65535-byte buffer: a
     * 65536-byte message fails with "short buffer" and closes the channel.
     */
    static final int CHUNK = 64 * 1024 - 1;

    /** Pion runs on the host's interfaces unless told otherwise: only run it inside the test's namespace. */
    static void requireIsolatedPion() {
        boolean ok = System.getenv("RTC4J_NETNS") != null && PionPeer.available();
        if (System.getenv("CI") != null) {
            assertThat(ok).as("CI must run Pion tests in a network namespace with golang-go and "
                    + "golang-github-pion-webrtc.v3-dev installed").isTrue();
        }
        Assumptions.assumeTrue(ok, "needs root + iproute2 (network namespace), " + PionPeer.GO
                + " and Debian's Pion sources in " + PionPeer.GOCODE);
    }
}
