package org.rtc4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rtc4j.PeerConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * rtc4j's data channels with headless Firefox ESR (Gecko: NSS DTLS, usrsctp) in the test's
 * network namespace, in both roles: the same page and checks as {@link ChromiumPeerTest} —
 * text and binary echoes on ordered, unordered, maxRetransmits-0 and pre-negotiated channels,
 * close from either side, 16 MiB each way by SHA-256, and Firefox's channel closing at once
 * after rtc4j's {@code close()}.
 */
class FirefoxPeerTest {

    private static final Logger LOG = LoggerFactory.getLogger(FirefoxPeerTest.class);
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

    @ParameterizedTest(name = "rtc4j offers: {0}")
    @ValueSource(booleans = {false, true})
    void echoesAndBulkBothWays(boolean rtc4jOffers) throws Exception {
        FirefoxMediaTest.requireIsolatedFirefox();
        long bulk = ChromiumPeerTest.BULK;
        try (PageServer server = new PageServer("127.0.0.1");
             EchoScenario s = new EchoScenario(factory, ChromiumPeerTest.config(), server, true, bulk, 64 * 1024)) {
            s.start(rtc4jOffers);
            String url = server.url("chromium-peer.html") + "?role=" + (rtc4jOffers ? "answer" : "offer")
                    + "&bulk=" + bulk;
            try (Firefox browser = Firefox.open(url)) {
                String role = rtc4jOffers ? "rtc4j offering" : "Firefox offering";
                Map<String, Object> r;
                try {
                    r = s.awaitResult(Duration.ofSeconds(90));
                    LOG.info("rtc4j<->Firefox ({}): rtc4j {}; page: {}", role, s.timeline(), r);
                    ChromiumPeerTest.assertEcho(s, r);
                    assertThat(EchoScenario.hex(s.bulkReceived.get(30, TimeUnit.SECONDS))).isEqualTo(r.get("upload_sha256"));
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "\nFirefox printed:\n" + browser.output(), e);
                }
                LOG.info("Firefox->rtc4j ({}): 16 MiB in {} ms receiver-side = {} Mbit/s", role, s.bulkReceiveMs,
                        Math.round(bulk * 8 / (double) Math.max(1, s.bulkReceiveMs) / 1000));
                LOG.info("rtc4j->Firefox ({}): 16 MiB in {} ms page-side = {} Mbit/s (sender {} ms)", role,
                        r.get("bulk_ms"), Math.round(bulk * 8 / ((Number) r.get("bulk_ms")).doubleValue() / 1000),
                        s.bulkSendMs);
                long closing = System.nanoTime();
                s.pc.close();
                long heardMs = (s.peerClosed.get(10, TimeUnit.SECONDS) - closing) / 1_000_000;
                LOG.info("rtc4j close() -> Firefox's channel close event ({}): {} ms", role, heardMs);
            }
        }
    }
}
