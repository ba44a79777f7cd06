package org.rtc4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chromium talking to itself (two RTCPeerConnections in one page) inside the test's network
 * namespace: proves the browser harness and isolation work, and gives the browser's own
 * data-channel figures that rtc4j's are compared with.
 */
class ChromiumBaselineTest {

    private static final Logger LOG = LoggerFactory.getLogger(ChromiumBaselineTest.class);

    @Test
    void chromiumMovesSixteenMebibytesToItselfIntact() throws Exception {
        requireIsolatedBrowser();
        String url = page("chromium-pair.html") + "?mb=16";
        try (Chromium browser = Chromium.open(url)) {
            Map<String, Object> r = parse(browser.awaitResult(Duration.ofSeconds(90)));
            assertThat(r).doesNotContainKey("error");
            assertThat(r.get("bytes")).isEqualTo(16L * 1024 * 1024);
            assertThat(r.get("corrupt")).isEqualTo(0L);
            assertThat(r.get("connection_state")).isEqualTo("connected");
            LOG.info("Chromium<->Chromium: setup {} ms, {} Mbit/s", r.get("setup_ms"), r.get("throughput_mbit_s"));
        }
    }

    /** Browser tests need the namespace (root, iproute2) and Chromium; CI has both. */
    static void requireIsolatedBrowser() {
        if (System.getenv("CI") != null) {
            assertThat(Chromium.available())
                    .as("CI must run browser tests in a network namespace with Chromium installed").isTrue();
        }
        Assumptions.assumeTrue(Chromium.available(),
                "needs root + iproute2 (network namespace) and /usr/bin/chromium");
    }

    static String page(String name) throws URISyntaxException {
        return Path.of(ChromiumBaselineTest.class.getResource("/interop/" + name).toURI()).toUri().toString();
    }

    static Map<String, Object> parse(String json) throws Exception {
        Map<String, Object> m = new HashMap<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String k = p.currentName();
                JsonToken t = p.nextToken();
                m.put(k, t == JsonToken.VALUE_NUMBER_INT ? (Object) p.getLongValue()
                        : t == JsonToken.VALUE_NUMBER_FLOAT ? (Object) p.getDoubleValue()
                        : t == JsonToken.VALUE_NULL ? null : p.getText());
            }
        }
        return m;
    }
}
