package org.rtc4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rtc4j.RTCStats;
import org.rtc4j.interop.MediaFiles.VideoCodec;
import org.rtc4j.media.MediaFileSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Media between rtc4j and aiortc 1.4 (PyAV, libvpx, OpenSSL DTLS, no trickle) in the test's
 * network namespace, each offering in turn: aiortc's MediaPlayer sends ffmpeg-made files that
 * rtc4j records and ffprobe decodes; rtc4j plays files that aiortc's MediaRecorder writes to an
 * MP4 that ffprobe decodes.
 */
class AiortcMediaTest extends InteropTest {

    private static final Logger LOG = LoggerFactory.getLogger(AiortcMediaTest.class);
    private static final int SECONDS = 8;
    private static final int FPS = MediaFiles.FPS;
    @ParameterizedTest(name = "aiortc sends, rtc4j offers: {0}")
    @ValueSource(booleans = {false, true})
    void aiortcPlaysFilesThatRtc4jRecords(boolean rtc4jOffers) throws Exception {
        AiortcPeerTest.requireIsolatedPython();
        MediaFilesTest.requireFfmpeg();
        Path dir = Files.createTempDirectory("rtc4j-aiortc");
        Path video = dir.resolve("video.ivf");
        Path audio = dir.resolve("audio.ogg");
        String send = MediaFiles.video(VideoCodec.VP8, SECONDS + 4) + "," + MediaFiles.opus(2, SECONDS + 4);
        try (PythonPeer peer = new PythonPeer("aiortc-media.py", rtc4jOffers ? "answer" : "offer", send, "-",
                Integer.toString(SECONDS));
             MediaScenario s = new MediaScenario(factory, ChromiumPeerTest.config(), peer)) {
            s.record("video", video).record("audio", audio);
            if (rtc4jOffers) {
                s.receive("audio").receive("video");
            }
            s.start(rtc4jOffers);
            Map<String, Object> r = s.result.get(90, TimeUnit.SECONDS);
            s.finishRecordings();
            LOG.info("aiortc -> rtc4j (rtc4j offers: {}): aiortc {}", rtc4jOffers, r);
            assertThat(r).doesNotContainKey("error");
            assertThat(s.failures).isEmpty();
            assertThat(r.get("connection_state")).isEqualTo("connected");
            MediaFiles.Probe v = MediaFiles.probe(video, "video");
            MediaFiles.Probe a = MediaFiles.probe(audio, "audio");
            LOG.info("recorded from aiortc: {}; {}", v, a);
            assertThat(v.codec()).isEqualTo("vp8");
            assertThat(v.width()).isEqualTo(MediaFiles.WIDTH);
            assertThat(v.height()).isEqualTo(MediaFiles.HEIGHT);
            assertThat(v.frames()).isGreaterThanOrEqualTo(SECONDS * FPS * 9L / 10);
            assertThat(a.codec()).isEqualTo("opus");
            double call = ((Number) r.get("media_seconds")).doubleValue();
            assertThat(a.seconds()).as("audio seconds of a %.2f s call", call).isBetween(call * 0.95, call * 1.05);
        }
    }

    @ParameterizedTest(name = "rtc4j sends, rtc4j offers: {0}")
    @ValueSource(booleans = {false, true})
    void rtc4jPlaysFilesThatAiortcRecords(boolean rtc4jOffers) throws Exception {
        AiortcPeerTest.requireIsolatedPython();
        MediaFilesTest.requireFfmpeg();
        Path dir = Files.createTempDirectory("rtc4j-aiortc");
        Path recording = dir.resolve("from-rtc4j.mp4");
        MediaFileSource video = MediaFileSource.open(MediaFiles.video(VideoCodec.VP8, SECONDS));
        MediaFileSource audio = MediaFileSource.open(MediaFiles.opus(2, SECONDS));
        try (PythonPeer peer = new PythonPeer("aiortc-media.py", rtc4jOffers ? "answer" : "offer", "-",
                recording.toString(), Integer.toString(SECONDS));
             MediaScenario s = new MediaScenario(factory, ChromiumPeerTest.config(), peer)) {
            s.send(video).send(audio).loop();
            s.start(rtc4jOffers);
            Map<String, Object> r = s.result.get(90, TimeUnit.SECONDS);
            long sent = s.framesWritten()[0];
            LOG.info("rtc4j -> aiortc (rtc4j offers: {}): aiortc {}, rtc4j sent {} frames", rtc4jOffers, r, sent);
            assertThat(r).doesNotContainKey("error");
            assertThat(s.failures).isEmpty();
            assertThat((String) r.get("tracks_received")).contains("video", "audio");
            MediaFiles.Probe v = MediaFiles.probe(recording, "video");
            MediaFiles.Probe a = MediaFiles.probe(recording, "audio");
            LOG.info("aiortc recorded: {}; {}", v, a);
            assertThat(v.width()).isEqualTo(MediaFiles.WIDTH);
            assertThat(v.height()).isEqualTo(MediaFiles.HEIGHT);
            assertThat(v.frames()).as("frames aiortc recorded in %d s", SECONDS)
                    .isGreaterThanOrEqualTo(SECONDS * FPS * 9L / 10);
            assertThat(a.seconds()).isBetween(SECONDS * 0.9, SECONDS * 1.1 + 0.5);
            RTCStats remote = s.pc.getStats().get(10, TimeUnit.SECONDS).ofType("remote-inbound-rtp").stream()
                    .filter(x -> "video".equals(x.get("kind"))).findFirst().orElseThrow();
            assertThat((Long) remote.get("reportsReceived")).isPositive();
        }
    }
}
