package org.rtc4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * rtc4j's data channels with GStreamer 1.22 webrtcbin (libnice, OpenSSL DTLS, usrsctp), driven
 * by {@code gstreamer-peer.py} through PyGObject, in the test's network namespace (libnice skips
 * loopback interfaces) and in both roles: the checks of {@link ChromiumPeerTest}, 16 MiB each
 * way by SHA-256. webrtcbin trickles ICE-TCP candidates, which rtc4j must pass over, and writes no
 * {@code a=max-message-size}. After rtc4j's {@code close()} webrtcbin 1.22 marks its DTLS
 * transport closed (the close_notify) but leaves its SCTP transport and channels open: it does
 * not act on the SCTP ABORT, so the close is timed on the DTLS state.
 */
class GStreamerPeerTest extends InteropTest {

    private static final Logger LOG = LoggerFactory.getLogger(GStreamerPeerTest.class);

    /** Where Debian's gstreamer1.0-plugins-bad puts webrtcbin. */
    private static final Path WEBRTCBIN = Path.of("/usr/lib/x86_64-linux-gnu/gstreamer-1.0/libgstwebrtc.so");

    @ParameterizedTest(name = "rtc4j offers: {0}")
    @ValueSource(booleans = {false, true})
    void echoesAndBulkBothWays(boolean rtc4jOffers) throws Exception {
        requireIsolatedGStreamer();
        long bulk = ChromiumPeerTest.BULK;
        try (PythonPeer peer = new PythonPeer("gstreamer-peer.py", rtc4jOffers ? "answer" : "offer", Long.toString(bulk));
             EchoScenario s = new EchoScenario(factory, ChromiumPeerTest.config(), peer, true, bulk, 64 * 1024)) {
            s.start(rtc4jOffers);
            Map<String, Object> r = s.awaitResult(Duration.ofSeconds(90));
            EchoChecks.finish(LOG, "GStreamer", rtc4jOffers ? "rtc4j offering" : "GStreamer offering", s, r, bulk,
                    true, "webrtcbin's DTLS transport closed", peer::transcript);
        }
    }

    /** webrtcbin gathers on every non-loopback interface: only run it inside the test's namespace. */
    static void requireIsolatedGStreamer() {
        boolean ok = System.getenv("RTC4J_NETNS") != null && PythonPeer.available() && Files.exists(WEBRTCBIN);
        if (System.getenv("CI") != null) {
            assertThat(ok).as("CI must run GStreamer tests in a network namespace with webrtcbin and PyGObject").isTrue();
        }
        Assumptions.assumeTrue(ok, "needs root + iproute2 (network namespace), /usr/bin/python3 and GStreamer webrtcbin");
    }
}
