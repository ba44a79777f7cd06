package org.rtc4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rtc4j.RTCConfiguration;
import org.rtc4j.RTCDataChannelMessage;
import org.rtc4j.RTCDataChannelState;
import org.rtc4j.RTCPeerConnectionState;
import org.rtc4j.transport.InterfaceFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * rtc4j talking to headless Chromium (libwebrtc: BoringSSL DTLS, dcSCTP) in the test's network
 * namespace, with Chromium offering and with rtc4j offering: echoes both ways, 16 MiB each way
 * checked by SHA-256, a pre-negotiated channel, channel close from either side, both sides
 * connected.
 */
class ChromiumPeerTest extends InteropTest {

    private static final Logger LOG = LoggerFactory.getLogger(ChromiumPeerTest.class);
    static final long BULK = 16L << 20;
    static final String HOST = "10.99.0.1";

    static RTCConfiguration config() throws Exception {
        return RTCConfiguration.builder().interfaceFilter(InterfaceFilter.only(InetAddress.getByName(HOST))).build();
    }

    @Test
    void chromiumOffersAndRtc4jAnswers() throws Exception {
        run(false);
    }

    @Test
    void rtc4jOffersAndChromiumAnswers() throws Exception {
        run(true);
    }

    private void run(boolean rtc4jOffers) throws Exception {
        ChromiumBaselineTest.requireIsolatedBrowser();
        try (PageServer server = new PageServer("127.0.0.1");
             EchoScenario s = new EchoScenario(factory, config(), server, true, BULK, 64 * 1024)) {
            s.start(rtc4jOffers);
            String url = server.url("chromium-peer.html") + "?role=" + (rtc4jOffers ? "answer" : "offer")
                    + "&bulk=" + BULK;
            try (Chromium browser = Chromium.open(url)) {
                Map<String, Object> r = s.awaitResult(Duration.ofSeconds(60));
                EchoChecks.finish(LOG, "Chromium", rtc4jOffers ? "rtc4j offering" : "Chromium offering", s, r, BULK,
                        true, "Chromium's channel close event", server::transcript);
            }
        }
    }

    /** The checks both real peers must pass, from what the peer reported and what rtc4j saw. */
    static void assertEcho(EchoScenario s, Map<String, Object> r) throws Exception {
        assertThat(r).doesNotContainKey("error");
        assertThat(s.failures).isEmpty();
        // connected on both sides
        assertThat(s.connectedMs).isCompleted();
        assertThat(s.states).contains(RTCPeerConnectionState.CONNECTED).doesNotContain(RTCPeerConnectionState.FAILED);
        assertThat(r.get("connected_seen")).isEqualTo(true);
        assertThat(r.get("connection_state")).isEqualTo("connected");
        // text and binary echoed by rtc4j on the peer's in-band channel
        assertThat(r.get("chat_text_echo")).isEqualTo(true);
        assertThat(r.get("chat_binary_echo")).isEqualTo(true);
        assertThat(s.chatEchoed).hasValue(2);
        // unordered and maxRetransmits-0 channels from the peer: options carried by DCEP, echoes back
        assertThat(s.partialOptions).containsEntry("unordered", "ordered=false maxRetransmits=null")
                .containsEntry("lossy", "ordered=true maxRetransmits=0");
        assertThat(r.get("unordered_echo")).isEqualTo(true);
        assertThat(r.get("lossy_echo")).isEqualTo(true);
        assertThat(r.get("unordered_options")).isEqualTo("ordered=false maxRetransmits=null");
        assertThat(r.get("lossy_options")).isEqualTo("ordered=true maxRetransmits=0");
        assertThat(s.partialEchoed.get("unordered")).hasValue(2);
        // the lossy channel sends its pair again until both echoes are back (a message or its
        // echo may be abandoned): at least one text and one binary were echoed, one per send
        assertThat(s.partialEchoed.get("lossy").get()).isBetween(2, 2 * ((Number) r.get("lossy_rounds")).intValue());
        // text and binary echoed by the peer on the pre-negotiated channel
        List<RTCDataChannelMessage> echoes = s.negEchoes.get(10, TimeUnit.SECONDS);
        assertThat(echoes.get(0).binary()).isFalse();
        assertThat(EchoScenario.text(echoes.get(0))).isEqualTo(EchoScenario.TEXT);
        assertThat(echoes.get(1).binary()).isTrue();
        assertThat(echoes.get(1).data()).isEqualTo(EchoScenario.BINARY);
        assertThat(r.get("neg_echoed")).isEqualTo(2L);
        // close from either side: the peer closed chat, rtc4j closed neg
        assertThat(r.get("chat_closed_here")).isEqualTo("closed");
        assertThat(s.chatClosed.get(10, TimeUnit.SECONDS)).isEqualTo(RTCDataChannelState.CLOSED);
        // the peer started it, so rtc4j announced it first (W3C closing), in state closing
        assertThat(s.chatClosingState).isEqualTo(RTCDataChannelState.CLOSING);
        assertThat(s.negClosed.get(10, TimeUnit.SECONDS)).isEqualTo(RTCDataChannelState.CLOSED);
        assertThat(r.get("neg_closed_by_peer")).isEqualTo("closed");
        // 16 MiB from rtc4j, whole and in order
        byte[] sent = s.bulkSent.get(10, TimeUnit.SECONDS);
        assertThat(r.get("bulk_bytes")).isEqualTo(BULK);
        assertThat(r.get("bulk_sha256")).isEqualTo(EchoScenario.hex(sent));
        assertThat(s.unexpected).isEmpty();
    }
}
