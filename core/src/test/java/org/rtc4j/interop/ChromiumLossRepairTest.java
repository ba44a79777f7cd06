package org.rtc4j.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rtc4j.interop.ChromiumMediaPageTest.FPS;
import static org.rtc4j.interop.ChromiumMediaPageTest.H;
import static org.rtc4j.interop.ChromiumMediaPageTest.W;
import static org.rtc4j.interop.ChromiumMediaPageTest.number;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rtc4j.ImpairmentRelay;
import org.rtc4j.RTCConfiguration;
import org.rtc4j.RTCStats;
import org.rtc4j.interop.MediaFiles.VideoCodec;
import org.rtc4j.media.MediaFileSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * VP8 between rtc4j and headless Chromium 156 through the impairment relay dropping 5% of the
 * RTP and RTCP datagrams both ways. Chromium sending: rtc4j NACKs, Chromium retransmits on RTX,
 * and the recording keeps (nearly) the frames of a loss-free run, while the same run with
 * rtc4j's NACKs off loses many. rtc4j sending: Chromium NACKs, rtc4j retransmits on RTX, and
 * Chromium decodes (nearly) every frame sent.
 */
class ChromiumLossRepairTest extends InteropTest {

    private static final Logger LOG = LoggerFactory.getLogger(ChromiumLossRepairTest.class);
    private static final int SECONDS = 10;
    private static final double LOSS = 0.05;
    private static java.net.InetAddress host() throws java.net.UnknownHostException {
        return java.net.InetAddress.getByName(ChromiumPeerTest.HOST);
    }

    record Recorded(long frames, long encoded, long nacksSent, long rtxReceived, long relayDropped) {
    }

    @Test
    void chromiumSendsThroughLossAndRtc4jRepairsIt() throws Exception {
        ChromiumBaselineTest.requireIsolatedBrowser();
        MediaFilesTest.requireFfmpeg();
        Path y4m = MediaFiles.y4m(W, H, FPS, 5);
        Recorded clean = chromiumSends(y4m, 0, true);
        Recorded repaired = chromiumSends(y4m, LOSS, true);
        Recorded unrepaired = chromiumSends(y4m, LOSS, false);
        LOG.info("Chromium -> rtc4j VP8, frames ffprobe decodes from the recording: loss-free {} of {} encoded; "
                        + "5% loss with NACK {} of {} ({} NACKs sent, {} RTX received, {} datagrams dropped); "
                        + "5% loss without NACK {} of {} ({} dropped)",
                clean.frames(), clean.encoded(), repaired.frames(), repaired.encoded(), repaired.nacksSent(),
                repaired.rtxReceived(), repaired.relayDropped(), unrepaired.frames(), unrepaired.encoded(),
                unrepaired.relayDropped());
        assertThat(clean.frames()).isGreaterThanOrEqualTo(SECONDS * FPS * 9L / 10);
        assertThat(repaired.relayDropped()).as("the relay really dropped media").isGreaterThanOrEqualTo(8);
        assertThat(repaired.nacksSent()).isPositive();
        assertThat(repaired.rtxReceived()).isPositive();
        assertThat(repaired.frames()).as("frames with NACK against the loss-free run's %d", clean.frames())
                .isGreaterThanOrEqualTo(clean.frames() * 95 / 100);
        assertThat(unrepaired.relayDropped()).isGreaterThanOrEqualTo(8);
        assertThat(unrepaired.nacksSent()).isZero();
        assertThat(unrepaired.frames()).as("frames without NACK against %d with", repaired.frames())
                .isLessThan(repaired.frames());
    }

    private static Recorded chromiumSends(Path y4m, double loss, boolean nack) throws Exception {
        Path dir = Files.createTempDirectory("rtc4j-loss");
        Path video = dir.resolve("video.ivf");
        RTCConfiguration config = ChromiumPeerTest.config().toBuilder().sendNack(nack).build();
        try (PageServer server = new PageServer("127.0.0.1");
             ImpairmentRelay relay = new ImpairmentRelay(loss, 0, 0, 5, host()).mediaOnly();
             MediaScenario s = new MediaScenario(factory, config, server).through(relay)) {
            s.record("video", video);
            s.start(false);
            String url = server.url("chromium-media.html") + "?role=offer&send=video&recv="
                    + "&degradation=maintain-resolution&vcodec=vp8&seconds=" + SECONDS;
            try (Chromium browser = Chromium.open(url, Chromium.mediaFlags(y4m))) {
                Map<String, Object> page = s.result.get(90, TimeUnit.SECONDS);
                s.finishRecordings();
                LOG.info("Chromium -> rtc4j through {} loss, NACK {}: page {}", loss, nack, page);
                assertThat(page).doesNotContainKey("error");
                assertThat(s.failures).isEmpty();
                assertThat(page.get("connection_state")).isEqualTo("connected");
                RTCStats in = s.pc.getStats().get(10, TimeUnit.SECONDS).ofType("inbound-rtp").stream()
                        .filter(x -> "video".equals(x.get("kind"))).findFirst().orElseThrow();
                MediaFiles.Probe v = MediaFiles.probe(video, "video");
                assertThat(v.width()).isEqualTo(W);
                return new Recorded(v.frames(), number(page, "out_video_frames_encoded"), (Long) in.get("nackCount"),
                        (Long) in.get("retransmittedPacketsReceived"), relay.mediaDropped.get());
            }
        }
    }

    @Test
    void rtc4jSendsThroughLossAndChromiumRepairsIt() throws Exception {
        ChromiumBaselineTest.requireIsolatedBrowser();
        MediaFilesTest.requireFfmpeg();
        MediaFileSource video = MediaFileSource.open(MediaFiles.video(VideoCodec.VP8, SECONDS));
        try (PageServer server = new PageServer("127.0.0.1");
             ImpairmentRelay relay = new ImpairmentRelay(LOSS, 0, 0, 7, host()).mediaOnly();
             MediaScenario s = new MediaScenario(factory, ChromiumPeerTest.config(), server).through(relay)) {
            s.send(video).loop();
            s.start(true);
            String url = server.url("chromium-media.html") + "?role=answer&send=&recv=video&vcodec=vp8&seconds="
                    + SECONDS;
            try (Chromium browser = Chromium.open(url, Chromium.mediaFlags(null))) {
                Map<String, Object> page = s.result.get(90, TimeUnit.SECONDS);
                long sent = s.framesWritten()[0];
                RTCStats out = s.pc.getStats().get(10, TimeUnit.SECONDS).ofType("outbound-rtp").stream()
                        .filter(x -> "video".equals(x.get("kind"))).findFirst().orElseThrow();
                LOG.info("rtc4j -> Chromium through 5% loss: {} frames sent, {} media datagrams dropped of {}; page {}; "
                        + "rtc4j {}", sent, relay.mediaDropped.get(), relay.forwarded.get(), page, out);
                assertThat(page).doesNotContainKey("error");
                assertThat(s.failures).isEmpty();
                assertThat(relay.mediaDropped.get()).isGreaterThanOrEqualTo(8);
                assertThat(number(page, "in_video_nack_count")).as("Chromium's NACKs").isPositive();
                assertThat((Long) out.get("nackCount")).isPositive();
                assertThat((Long) out.get("retransmittedPacketsSent")).isPositive();
                assertThat(number(page, "in_video_frames_decoded")).as("frames decoded of %d sent", sent)
                        .isGreaterThanOrEqualTo(sent * 95 / 100);
            }
        }
    }
}
