package org.rtc4j.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rtc4j.interop.ChromiumMediaPageTest.FPS;
import static org.rtc4j.interop.ChromiumMediaPageTest.H;
import static org.rtc4j.interop.ChromiumMediaPageTest.W;
import static org.rtc4j.interop.ChromiumMediaPageTest.number;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rtc4j.RTCStats;
import org.rtc4j.RTCStatsReport;
import org.rtc4j.interop.MediaFiles.VideoCodec;
import org.rtc4j.media.MediaFileSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Media between rtc4j and headless Chromium 156 (libwebrtc) in the test's network namespace,
 * each side offering in turn. Chromium sends its fake camera (a y4m of a known pattern) and
 * microphone (a tone); rtc4j records them to IVF, Annex-B and Ogg files that ffprobe decodes.
 * rtc4j plays ffmpeg-made files; the page's getStats and canvas say what Chromium decoded.
 */
class ChromiumMediaTest extends InteropTest {

    private static final Logger LOG = LoggerFactory.getLogger(ChromiumMediaTest.class);
    private static final int SECONDS = 10;
    @ParameterizedTest(name = "Chromium sends {0} and Opus, rtc4j offers: {1}")
    @CsvSource({"VP8,false", "VP8,true", "H264,false", "H264,true"})
    void chromiumSendsAndRtc4jRecordsWhatFfprobeDecodes(VideoCodec codec, boolean rtc4jOffers) throws Exception {
        ChromiumBaselineTest.requireIsolatedBrowser();
        MediaFilesTest.requireFfmpeg();
        Path dir = Files.createTempDirectory("rtc4j-record");
        Path video = dir.resolve("video." + (codec == VideoCodec.H264 ? "h264" : "ivf"));
        Path audio = dir.resolve("audio.ogg");
        Path y4m = MediaFiles.y4m(W, H, FPS, 5);
        Path tone = MediaFiles.wav(48000, 1, 5);
        try (PageServer server = new PageServer("127.0.0.1");
             MediaScenario s = new MediaScenario(factory, ChromiumPeerTest.config(), server)) {
            s.record("video", video).record("audio", audio);
            if (rtc4jOffers) {
                s.receive("audio").receive("video");
            }
            s.start(rtc4jOffers);
            String url = server.url("chromium-media.html") + "?role=" + (rtc4jOffers ? "answer" : "offer")
                    + "&send=audio,video&recv=&degradation=maintain-resolution&vcodec="
                    + codec.name().toLowerCase(Locale.ROOT) + "&seconds=" + SECONDS;
            try (Chromium browser = Chromium.open(url, Chromium.mediaFlags(y4m, tone))) {
                Map<String, Object> page = s.result.get(90, TimeUnit.SECONDS);
                s.finishRecordings();
                RTCStatsReport stats = s.pc.getStats().get(10, TimeUnit.SECONDS);
                LOG.info("Chromium -> rtc4j {} (rtc4j offers: {}): page {}", codec, rtc4jOffers, page);
                assertThat(page).doesNotContainKey("error");
                assertThat(s.failures).isEmpty();
                assertThat(page.get("connection_state")).isEqualTo("connected");
                assertThat(page.get("out_video_codec")).isEqualTo("video/" + codec.name());
                long encoded = number(page, "out_video_frames_encoded");

                MediaFiles.Probe v = MediaFiles.probe(video, "video");
                MediaFiles.Probe a = MediaFiles.probe(audio, "audio");
                LOG.info("recorded {}: {}; {}: {}", video.getFileName(), v, audio.getFileName(), a);
                assertThat(v.codec()).isEqualTo(codec.probeName);
                assertThat(v.width()).isEqualTo(W);
                assertThat(v.height()).isEqualTo(H);
                assertThat(v.frames()).as("frames decoded from the recording, of %d s at %d fps", SECONDS, FPS)
                        .isGreaterThanOrEqualTo(SECONDS * FPS * 9L / 10);
                assertThat(v.frames()).isGreaterThanOrEqualTo(encoded * 9 / 10);
                assertThat(a.codec()).isEqualTo("opus");
                // the call: from the page's connected to its final snapshot (end_ms counts from connected)
                double call = number(page, "end_ms") / 1000.0;
                assertThat(a.seconds()).as("audio seconds of a %.2f s call", call)
                        .isBetween(call * 0.95, call * 1.05);
                // and rtc4j's own view of the call
                RTCStats in = stats.ofType("inbound-rtp").stream().filter(x -> "video".equals(x.get("kind")))
                        .findFirst().orElseThrow();
                assertThat((Long) in.get("framesReceived")).isGreaterThanOrEqualTo(v.frames());
                assertThat((Long) in.get("keyFramesReceived")).isPositive();
                assertThat(stats.ofType("remote-outbound-rtp")).isNotEmpty();
                assertThat(stats.ofType("codec")).anyMatch(c -> ("video/" + codec.name()).equals(c.get("mimeType")));
            }
        }
    }

    @ParameterizedTest(name = "rtc4j sends {0} and Opus, rtc4j offers: {1}")
    @CsvSource({"VP8,false", "VP8,true", "H264,true", "VP9,false", "AV1,true"})
    void rtc4jSendsAndChromiumDecodesThePattern(VideoCodec codec, boolean rtc4jOffers) throws Exception {
        ChromiumBaselineTest.requireIsolatedBrowser();
        MediaFilesTest.requireFfmpeg();
        MediaFileSource video = MediaFileSource.open(MediaFiles.video(codec, SECONDS));
        MediaFileSource audio = MediaFileSource.open(MediaFiles.opus(2, SECONDS));
        try (PageServer server = new PageServer("127.0.0.1");
             MediaScenario s = new MediaScenario(factory, ChromiumPeerTest.config(), server)) {
            // Looping, so the page hears media for all of its run.
            s.send(video).send(audio).loop();
            s.start(rtc4jOffers);
            String url = server.url("chromium-media.html") + "?role=" + (rtc4jOffers ? "answer" : "offer")
                    + "&send=&recv=audio,video&vcodec=" + codec.name().toLowerCase(Locale.ROOT)
                    + "&seconds=" + SECONDS;
            try (Chromium browser = Chromium.open(url, Chromium.mediaFlags(null))) {
                Map<String, Object> page = s.result.get(90, TimeUnit.SECONDS);
                long sent = s.framesWritten()[0];
                RTCStatsReport stats = s.pc.getStats().get(10, TimeUnit.SECONDS);
                LOG.info("rtc4j -> Chromium {} (rtc4j offers: {}): page {}", codec, rtc4jOffers, page);
                assertThat(page).doesNotContainKey("error");
                assertThat(s.failures).isEmpty();
                assertThat(page.get("in_video_codec")).isEqualTo("video/" + codec.name());
                assertThat(sent).isGreaterThanOrEqualTo(SECONDS * FPS * 9L / 10);
                assertThat(number(page, "in_video_frames_decoded")).as("frames decoded of %d sent", sent)
                        .isGreaterThanOrEqualTo(sent * 9 / 10);
                assertThat(page.get("in_video_frame_width")).isEqualTo((long) W);
                assertThat(page.get("in_video_frame_height")).isEqualTo((long) H);
                assertThat(number(page, "in_video_key_frames_decoded")).isGreaterThanOrEqualTo(1);
                long samples = number(page, "in_audio_total_samples_received");
                assertThat(number(page, "in_audio_total_samples_received_mid")).isPositive().isLessThan(samples);
                assertThat(number(page, "in_audio_concealed_samples")).isLessThan(samples / 20);
                ChromiumMediaPageTest.assertCanvasShowsPattern(page);
                // Chromium's sender reports reached rtc4j, and its receiver reports gave a round trip
                assertThat(page.get("in_video_remote_sr_count")).isNotNull();
                RTCStats out = stats.ofType("outbound-rtp").stream().filter(x -> "video".equals(x.get("kind")))
                        .findFirst().orElseThrow();
                assertThat((Long) out.get("framesSent")).isGreaterThanOrEqualTo(sent);
                assertThat(stats.ofType("remote-inbound-rtp")).anyMatch(r -> r.get("roundTripTime") != null);
            }
        }
    }
}
