package org.rtc4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rtc4j.RTCPeerConnectionState;
import org.rtc4j.RTCSessionDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chromium's description reaches rtc4j with one byte of its certificate fingerprint changed
 * (what a man in the middle of the signaling would do): rtc4j's connection must fail and no
 * channel may open or carry anything, whichever side is the DTLS client.
 */
class ChromiumTamperedFingerprintTest extends InteropTest {

    private static final Logger LOG = LoggerFactory.getLogger(ChromiumTamperedFingerprintTest.class);
    @Test
    void tamperedOfferFailsWithRtc4jAsDtlsClient() throws Exception {
        run(false);
    }

    @Test
    void tamperedAnswerFailsWithRtc4jAsDtlsServer() throws Exception {
        run(true);
    }

    private void run(boolean rtc4jOffers) throws Exception {
        ChromiumBaselineTest.requireIsolatedBrowser();
        try (PageServer server = new PageServer("127.0.0.1");
             EchoScenario s = new EchoScenario(factory, ChromiumPeerTest.config(), server, true, 1 << 20, 64 * 1024)
                     .remoteFilter(EchoScenario::tamperFingerprint)) {
            s.start(rtc4jOffers);
            String url = server.url("chromium-peer.html") + "?mode=tamper&role=" + (rtc4jOffers ? "answer" : "offer")
                    + "&bulk=" + (1 << 20);
            try (Chromium browser = Chromium.open(url)) {
                long failedAt;
                try {
                    failedAt = s.failedMs.get(40, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new AssertionError("rtc4j did not fail: states " + s.states + ", " + s.timeline()
                            + "; page said:\n" + server.transcript());
                }
                s.tell("finish");
                Map<String, Object> r = s.awaitResult(Duration.ofSeconds(20));
                LOG.info("tampered fingerprint ({}): rtc4j failed after {} ms ({}); page: {}",
                        rtc4jOffers ? "rtc4j offering" : "Chromium offering", failedAt, s.timeline(), r);
                assertThat(s.pc.connectionState()).isEqualTo(RTCPeerConnectionState.FAILED);
                assertThat(s.states).contains(RTCPeerConnectionState.FAILED)
                        .doesNotContain(RTCPeerConnectionState.CONNECTED);
                // nothing opened, nothing delivered, on either side
                assertThat(s.chatOpenMs).isEqualTo(-1L);
                assertThat(s.messagesReceived).hasValue(0);
                assertThat(s.negEchoes).isNotDone();
                assertThat(s.bulkSent).isNotDone();
                assertThat(r).doesNotContainKey("error");
                assertThat(r.get("chat_opened")).isNull();
                assertThat(r.get("channels_from_peer")).isNull();
                assertThat(r.get("neg_echoed")).isEqualTo(0L);
                assertThat(r.get("connected_seen")).isEqualTo(false);
                assertThat(r.get("chat_state")).isNotEqualTo("open");
            }
        }
    }

    @Test
    void tamperingChangesExactlyOneFingerprintByte() {
        String fp = "a=fingerprint:sha-256 AB:CD:EF\r\n";
        RTCSessionDescription d = EchoScenario.tamperFingerprint(
                new RTCSessionDescription(org.rtc4j.RTCSdpType.OFFER, "v=0\r\n" + fp));
        assertThat(d.sdp()).isEqualTo("v=0\r\na=fingerprint:sha-256 F1:CD:EF\r\n");
    }
}
