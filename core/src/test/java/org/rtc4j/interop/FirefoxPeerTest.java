package org.rtc4j.interop;


import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * rtc4j's data channels with headless Firefox ESR (Gecko: NSS DTLS, usrsctp) in the test's
 * network namespace, in both roles: the same page and checks as {@link ChromiumPeerTest} —
 * text and binary echoes on ordered, unordered, maxRetransmits-0 and pre-negotiated channels,
 * close from either side, 16 MiB each way by SHA-256, and Firefox's channel closing at once
 * after rtc4j's {@code close()}.
 */
class FirefoxPeerTest extends InteropTest {

    private static final Logger LOG = LoggerFactory.getLogger(FirefoxPeerTest.class);

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
                Map<String, Object> r = s.awaitResult(Duration.ofSeconds(90));
                EchoChecks.finish(LOG, "Firefox", rtc4jOffers ? "rtc4j offering" : "Firefox offering", s, r, bulk,
                        true, "Firefox's channel close event", browser::output);
            }
        }
    }
}
