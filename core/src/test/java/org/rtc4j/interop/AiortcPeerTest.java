package org.rtc4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rtc4j.PeerConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * rtc4j talking to aiortc 1.4 (OpenSSL DTLS, pure-Python SCTP, no trickle, the legacy
 * {@code DTLS/SCTP 5000} m-line with {@code a=sctpmap} and a 64 KiB max-message-size) in the
 * test's network namespace, with aiortc offering and with rtc4j offering: the same checks as
 * {@link ChromiumPeerTest}.
 */
class AiortcPeerTest {

    private static final Logger LOG = LoggerFactory.getLogger(AiortcPeerTest.class);
    private static PeerConnectionFactory factory;

    @BeforeAll
    static void start() {
        factory = PeerConnectionFactory.create(2);
    }

    @AfterAll
    static void stop() {
        if (factory != null) {
            factory.close();
        }
    }

    @Test
    void aiortcOffersAndRtc4jAnswers() throws Exception {
        run(false);
    }

    @Test
    void rtc4jOffersAndAiortcAnswers() throws Exception {
        run(true);
    }

    private void run(boolean rtc4jOffers) throws Exception {
        requireIsolatedPython();
        long bulk = ChromiumPeerTest.BULK;
        try (PythonPeer peer = new PythonPeer("aiortc-peer.py", rtc4jOffers ? "answer" : "offer", Long.toString(bulk));
             EchoScenario s = new EchoScenario(factory, ChromiumPeerTest.config(), peer, false, bulk, 64 * 1024)) {
            s.start(rtc4jOffers);
            Map<String, Object> r = s.awaitResult(Duration.ofSeconds(90));
            String role = rtc4jOffers ? "rtc4j offering" : "aiortc offering";
            LOG.info("rtc4j<->aiortc ({}): rtc4j {}; aiortc: {}",
                    role, s.timeline(), r);
            ChromiumPeerTest.assertEcho(s, r);
            LOG.info("rtc4j->aiortc ({}): 16 MiB in {} ms receiver-side = {} Mbit/s (sender {} ms)", role,
                    r.get("bulk_ms"), Math.round(bulk * 8 / ((Number) r.get("bulk_ms")).doubleValue() / 1000),
                    s.bulkSendMs);
            long closing = System.nanoTime();
            s.pc.close();
            long heardMs = (s.peerClosed.get(10, TimeUnit.SECONDS) - closing) / 1_000_000;
            LOG.info("rtc4j close() -> aiortc's channel close event ({}): {} ms", role, heardMs);
        }
    }

    /** aiortc gathers on every non-loopback interface: only run it inside the test's namespace. */
    static void requireIsolatedPython() {
        boolean ok = System.getenv("RTC4J_NETNS") != null && PythonPeer.available();
        if (System.getenv("CI") != null) {
            assertThat(ok).as("CI must run aiortc tests in a network namespace with /usr/bin/python3").isTrue();
        }
        Assumptions.assumeTrue(ok, "needs root + iproute2 (network namespace) and /usr/bin/python3 with aiortc");
    }
}
