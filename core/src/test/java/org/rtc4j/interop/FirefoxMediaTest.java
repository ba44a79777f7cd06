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
import java.util.concurrent.TimeoutException;
import org.assertj.core.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rtc4j.RTCStats;
import org.rtc4j.RTCStatsReport;
import org.rtc4j.interop.MediaFiles.VideoCodec;
import org.rtc4j.media.MediaFileSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Media between rtc4j and headless Firefox ESR 153 (Gecko's WebRTC: NSS DTLS, libwebrtc's media
 * engine) in the test's network namespace, each side offering in turn, VP8 and Opus. Firefox
 * sends its fake camera (its own moving pattern, at the size the page asks for) and microphone (a
 * 1 kHz tone); rtc4j records them to IVF and Ogg that ffprobe decodes. rtc4j plays ffmpeg-made
 * files; the page (chromium-media.html, which runs in both browsers) says with getStats and its
 * canvas what Firefox decoded.
 */
class FirefoxMediaTest extends InteropTest {

    private static final Logger LOG = LoggerFactory.getLogger(FirefoxMediaTest.class);
    private static final int SECONDS = 10;
    /** What the page asks of Firefox's fake camera: bigger than our files, many packets a frame. */
    private static final int CAMERA_W = 640;
    private static final int CAMERA_H = 480;
    /** Firefox tests need the namespace (root, iproute2) and Firefox ESR; CI has both. */
    static void requireIsolatedFirefox() {
        if (System.getenv("CI") != null) {
            assertThat(Firefox.available())
                    .as("CI must run browser tests in a network namespace with Firefox ESR installed").isTrue();
        }
        Assumptions.assumeThat(Firefox.available())
                .as("needs root + iproute2 (network namespace) and /usr/bin/firefox-esr").isTrue();
    }

    @ParameterizedTest(name = "Firefox sends VP8 and Opus, rtc4j offers: {0}")
    @ValueSource(booleans = {false, true})
    void firefoxSendsAndRtc4jRecordsWhatFfprobeDecodes(boolean rtc4jOffers) throws Exception {
        requireIsolatedFirefox();
        MediaFilesTest.requireFfmpeg();
        Path dir = Files.createTempDirectory("rtc4j-record");
        Path video = dir.resolve("video.ivf");
        Path audio = dir.resolve("audio.ogg");
        try (PageServer server = new PageServer("127.0.0.1");
             MediaScenario s = new MediaScenario(factory, ChromiumPeerTest.config(), server)) {
            s.record("video", video).record("audio", audio);
            if (rtc4jOffers) {
                s.receive("audio").receive("video");
            }
            s.start(rtc4jOffers);
            String url = server.url("chromium-media.html") + "?role=" + (rtc4jOffers ? "answer" : "offer")
                    + "&send=audio,video&recv=&degradation=maintain-resolution&vcodec=vp8"
                    + "&width=" + CAMERA_W + "&height=" + CAMERA_H + "&fps=" + FPS + "&seconds=" + SECONDS;
            try (Firefox browser = Firefox.open(url)) {
                Map<String, Object> page = awaitResult(s, server, browser);
                long callNanos = System.nanoTime() - s.connectedAtNanos();
                s.finishRecordings();
                RTCStatsReport stats = s.pc.getStats().get(10, TimeUnit.SECONDS);
                LOG.info("Firefox -> rtc4j VP8 (rtc4j offers: {}): page {}", rtc4jOffers, page);
                explained(server, browser, () -> {
                    assertThat(page).doesNotContainKey("error");
                    assertThat(s.failures).isEmpty();
                    assertThat(page.get("connection_state")).isEqualTo("connected");
                    assertThat(page.get("out_video_codec")).isEqualTo("video/VP8");
                    assertThat(page.get("out_audio_codec")).isEqualTo("audio/opus");
                    // what Firefox's camera gave and what its encoder sent
                    long width = number(page, "local_video_width");
                    long height = number(page, "local_video_height");
                    double fps = ((Number) page.get("local_video_frame_rate")).doubleValue();
                    assertThat(width).isEqualTo(CAMERA_W);
                    assertThat(height).isEqualTo(CAMERA_H);
                    assertThat(page.get("out_video_frame_width")).isEqualTo(width);
                    assertThat(page.get("out_video_frame_height")).isEqualTo(height);
                    long encoded = number(page, "out_video_frames_encoded");

                    MediaFiles.Probe v = MediaFiles.probe(video, "video");
                    MediaFiles.Probe a = MediaFiles.probe(audio, "audio");
                    LOG.info("recorded {}: {}; {}: {}; call {} ms; rtc4j inbound {}", video.getFileName(), v,
                            audio.getFileName(), a, callNanos / 1_000_000, stats.ofType("inbound-rtp"));
                    assertThat(v.codec()).isEqualTo(VideoCodec.VP8.probeName);
                    assertThat(v.width()).as("recorded width, Firefox sent %d", width).isEqualTo((int) width);
                    assertThat(v.height()).as("recorded height, Firefox sent %d", height).isEqualTo((int) height);
                    assertThat(v.frames()).as("frames decoded from the recording, of %d s at %s fps", SECONDS, fps)
                            .isGreaterThanOrEqualTo((long) (SECONDS * fps * 0.9));
                    assertThat(v.frames()).as("frames decoded of %d Firefox encoded", encoded)
                            .isGreaterThanOrEqualTo(encoded * 9 / 10);
                    assertThat(a.codec()).isEqualTo("opus");
                    double call = callNanos / 1e9;
                    assertThat(a.seconds()).as("audio seconds of a %.2f s call", call)
                            .isBetween(call * 0.95, call * 1.05);
                    // and rtc4j's own view of the call
                    RTCStats in = stats.ofType("inbound-rtp").stream().filter(x -> "video".equals(x.get("kind")))
                            .findFirst().orElseThrow();
                    assertThat((Long) in.get("framesReceived")).isGreaterThanOrEqualTo(v.frames());
                    assertThat((Long) in.get("keyFramesReceived")).isPositive();
                    assertThat(stats.ofType("remote-outbound-rtp")).isNotEmpty();
                    assertThat(stats.ofType("codec")).anyMatch(c -> "video/VP8".equals(c.get("mimeType")));
                });
            }
        }
    }

    @ParameterizedTest(name = "rtc4j sends VP8 and Opus, rtc4j offers: {0}")
    @ValueSource(booleans = {false, true})
    void rtc4jSendsAndFirefoxDecodesThePattern(boolean rtc4jOffers) throws Exception {
        requireIsolatedFirefox();
        MediaFilesTest.requireFfmpeg();
        MediaFileSource video = MediaFileSource.open(MediaFiles.video(VideoCodec.VP8, SECONDS));
        MediaFileSource audio = MediaFileSource.open(MediaFiles.opus(2, SECONDS));
        try (PageServer server = new PageServer("127.0.0.1");
             MediaScenario s = new MediaScenario(factory, ChromiumPeerTest.config(), server)) {
            // Looping, so the page hears media for all of its run.
            s.send(video).send(audio).loop();
            s.start(rtc4jOffers);
            String url = server.url("chromium-media.html") + "?role=" + (rtc4jOffers ? "answer" : "offer")
                    + "&send=&recv=audio,video&vcodec=vp8&seconds=" + SECONDS;
            try (Firefox browser = Firefox.open(url)) {
                Map<String, Object> page = awaitResult(s, server, browser);
                long sent = s.framesWritten()[0];
                RTCStatsReport stats = s.pc.getStats().get(10, TimeUnit.SECONDS);
                LOG.info("rtc4j -> Firefox VP8 (rtc4j offers: {}): page {}", rtc4jOffers, page);
                explained(server, browser, () -> {
                    assertThat(page).doesNotContainKey("error");
                    assertThat(s.failures).isEmpty();
                    assertThat(page.get("connection_state")).isEqualTo("connected");
                    assertThat(page.get("in_video_codec")).isEqualTo("video/VP8");
                    assertThat(page.get("in_audio_codec")).isEqualTo("audio/opus");
                    assertThat(sent).isGreaterThanOrEqualTo(SECONDS * FPS * 9L / 10);
                    assertThat(number(page, "in_video_frames_decoded")).as("frames decoded of %d sent", sent)
                            .isGreaterThanOrEqualTo(sent * 9 / 10);
                    assertThat(number(page, "in_video_frames_decoded_mid")).isPositive()
                            .isLessThan(number(page, "in_video_frames_decoded"));
                    assertThat(page.get("in_video_frame_width")).isEqualTo((long) W);
                    assertThat(page.get("in_video_frame_height")).isEqualTo((long) H);
                    if (page.get("in_video_key_frames_decoded") != null) {
                        assertThat(number(page, "in_video_key_frames_decoded")).isGreaterThanOrEqualTo(1);
                    }
                    if (page.get("in_audio_total_samples_received") != null) {
                        long samples = number(page, "in_audio_total_samples_received");
                        assertThat(number(page, "in_audio_total_samples_received_mid")).isPositive()
                                .isLessThan(samples);
                        assertThat(number(page, "in_audio_concealed_samples")).isLessThan(samples / 20);
                    } else {
                        assertThat(number(page, "in_audio_packets_received"))
                                .isGreaterThan(number(page, "in_audio_packets_received_mid"));
                    }
                    ChromiumMediaPageTest.assertCanvasShowsPattern(page);
                    // rtc4j's sender reports reached Firefox (it counts no reportsSent), and
                    // Firefox's receiver reports gave rtc4j a round trip
                    assertThat(page.get("in_video_remote_packets_sent")).isNotNull();
                    RTCStats out = stats.ofType("outbound-rtp").stream().filter(x -> "video".equals(x.get("kind")))
                            .findFirst().orElseThrow();
                    assertThat((Long) out.get("framesSent")).isGreaterThanOrEqualTo(sent);
                    assertThat(stats.ofType("remote-inbound-rtp")).anyMatch(r -> r.get("roundTripTime") != null);
                });
            }
        }
    }

    private static Map<String, Object> awaitResult(MediaScenario s, PageServer server, Firefox browser)
            throws Exception {
        try {
            return s.result.get(90, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no result from the page in 90 s (Firefox running: " + browser.alive()
                    + "; rtc4j failures: " + s.failures + ")\npage said:\n" + server.transcript()
                    + "\nFirefox printed:\n" + browser.output());
        }
    }

    private interface Checks {
        void run() throws Exception;
    }

    /** Runs the checks; a failure carries what the page said and what Firefox printed. */
    private static void explained(PageServer server, Firefox browser, Checks checks) throws Exception {
        try {
            checks.run();
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\npage said:\n" + server.transcript()
                    + "\nFirefox printed:\n" + browser.output(), e);
        }
    }
}
