package org.rtc4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * rtc4j talking to aiortc 1.4 (OpenSSL DTLS, pure-Python SCTP, no trickle, the legacy
 * {@code DTLS/SCTP 5000} m-line with {@code a=sctpmap} and a 64 KiB max-message-size) in the
 * test's network namespace, with aiortc offering and with rtc4j offering: the same checks as
 * {@link ChromiumPeerTest}.
 */
class AiortcPeerTest extends InteropTest {

    private static final Logger LOG = LoggerFactory.getLogger(AiortcPeerTest.class);

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
            EchoChecks.finish(LOG, "aiortc", rtc4jOffers ? "rtc4j offering" : "aiortc offering", s, r, bulk,
                    false, "aiortc's channel close event", peer::transcript);
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
