package org.rtc4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rtc4j.interop.MediaFiles.Quadrant;
import org.rtc4j.interop.MediaFiles.VideoCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * chromium-media.html and the fixtures work before any rtc4j media code: two headless Chromiums,
 * each with the page, relayed to each other through the test. One sends the y4m pattern from its
 * fake camera (and its fake microphone), the other reports what it decoded and drew.
 */
class ChromiumMediaPageTest {

    private static final Logger LOG = LoggerFactory.getLogger(ChromiumMediaPageTest.class);
    static final int W = 320;
    static final int H = 240;
    static final int FPS = 30;
    /** Canvas averages may drift this far from the pattern per channel (YUV 4:2:0, lossy coding). */
    static final int COLOUR_TOLERANCE = 40;

    @Test
    void chromiumSendsThePatternAndToneToChromium() throws Exception {
        ChromiumBaselineTest.requireIsolatedBrowser();
        MediaFilesTest.requireFfmpeg();
        int seconds = 10;
        Path y4m = MediaFiles.y4m(W, H, FPS, 5);
        Path tone = MediaFiles.wav(48000, 1, 5);
        try (PagePair pair = new PagePair()) {
            pair.open("role=offer&send=audio,video&recv=&vcodec=vp8&degradation=maintain-resolution&seconds=" + seconds,
                    Chromium.mediaFlags(y4m, tone),
                    "role=answer&send=&recv=audio,video&seconds=" + seconds, Chromium.mediaFlags(null));
            Map<String, Object> sender = pair.offerResult(Duration.ofSeconds(60));
            Map<String, Object> receiver = pair.answerResult(Duration.ofSeconds(30));
            LOG.info("sender: {}", sender);
            LOG.info("receiver: {}", receiver);
            assertThat(sender).doesNotContainKey("error");
            assertThat(receiver).doesNotContainKey("error");
            assertThat(sender.get("connection_state")).isEqualTo("connected");
            assertThat(receiver.get("connection_state")).isEqualTo("connected");
            assertThat(sender.get("local_video_width")).isEqualTo((long) W);
            assertThat(sender.get("local_video_height")).isEqualTo((long) H);
            assertThat(sender.get("out_video_degradation_preference")).isEqualTo("maintain-resolution");
            assertThat(sender.get("finished_early")).isEqualTo(false);

            // the codec asked for, the same both ways
            assertThat(sender.get("out_video_codec")).isEqualTo("video/VP8");
            assertThat(receiver.get("in_video_codec")).isEqualTo("video/VP8");
            assertThat(receiver.get("in_audio_codec")).isEqualTo("audio/opus");
            assertThat(receiver.get("in_video_pt")).isEqualTo(sender.get("out_video_pt"));

            // video: nearly every frame, at the file's size, from a key frame on, still coming at the end
            long expected = (long) seconds * FPS;
            long decoded = number(receiver, "in_video_frames_decoded");
            assertThat(decoded).as("frames decoded of %d", expected).isGreaterThanOrEqualTo(expected * 9 / 10);
            assertThat(number(receiver, "in_video_frames_decoded_mid")).isPositive().isLessThan(decoded);
            assertThat(receiver.get("in_video_frame_width")).isEqualTo((long) W);
            assertThat(receiver.get("in_video_frame_height")).isEqualTo((long) H);
            assertThat(number(receiver, "in_video_key_frames_decoded")).isGreaterThanOrEqualTo(1);
            assertThat(number(receiver, "in_video_packets_received")).isGreaterThanOrEqualTo(decoded);
            assertThat(number(sender, "out_video_frames_encoded")).isGreaterThanOrEqualTo(expected * 9 / 10);
            assertThat(number(sender, "out_video_frames_encoded_mid")).isPositive();
            // the receiver's reports reached the sender
            assertThat(number(sender, "out_video_remote_rtt_measurements")).isPositive();
            assertThat(((Number) sender.get("out_video_remote_rtt")).doubleValue()).isPositive();

            // audio: played out, hardly concealed
            long samples = number(receiver, "in_audio_total_samples_received");
            assertThat(samples).isPositive();
            assertThat(number(receiver, "in_audio_concealed_samples")).isLessThan(samples / 20);
            assertThat(number(receiver, "in_audio_total_samples_received_mid")).isPositive().isLessThan(samples);
            // at the tone's loudness: a 1/8 full-scale sine (no echo cancellation, AGC or noise suppression)
            double rms = Math.sqrt((Double) receiver.get("in_audio_total_audio_energy")
                    / (Double) receiver.get("in_audio_total_samples_duration"));
            assertThat(rms).isBetween(0.08, 0.2);

            // what the receiver drew: the pattern, moving
            assertCanvasShowsPattern(receiver);
        }
    }

    /**
     * Each codec, sent by the offerer (vcodec puts it first in the offer) and by the answerer
     * (the offerer only receives, with a recvonly transceiver; the answerer sets its preferences
     * after setRemoteDescription and its sender's codec once negotiated, as Chromium's answerer
     * otherwise sends the offer's first codec); with {@code vcodec_only} the page's description
     * lists no other codec. Media and a data channel on one BUNDLE.
     */
    @ParameterizedTest(name = "{0}, answerer sends: {1}, only: {2}")
    @CsvSource({"VP8,false,false", "VP9,false,false", "AV1,false,false", "H264,false,false",
            "VP8,true,false", "VP9,true,false", "AV1,true,false", "H264,true,false", "H264,false,true", "VP9,true,true"})
    void eachCodecEitherWayBesideADataChannel(VideoCodec codec, boolean answererSends, boolean only) throws Exception {
        ChromiumBaselineTest.requireIsolatedBrowser();
        MediaFilesTest.requireFfmpeg();
        int seconds = 4;
        Path y4m = MediaFiles.y4m(W, H, FPS, 5);
        String name = codec.name().toLowerCase(Locale.ROOT);
        String sends = "send=video&recv=&datachannel=1&seconds=" + seconds;
        String receives = "send=&recv=video&datachannel=1&seconds=" + seconds;
        String vcodecOnly = only ? "&vcodec_only=1" : "";
        try (PagePair pair = new PagePair()) {
            if (answererSends) {
                pair.open("role=offer&" + receives, Chromium.mediaFlags(null),
                        "role=answer&vcodec=" + name + vcodecOnly + "&" + sends, Chromium.mediaFlags(y4m));
            } else {
                pair.open("role=offer&vcodec=" + name + vcodecOnly + "&" + sends, Chromium.mediaFlags(y4m),
                        "role=answer&" + receives, Chromium.mediaFlags(null));
            }
            Map<String, Object> offerer = pair.offerResult(Duration.ofSeconds(60));
            Map<String, Object> answerer = pair.answerResult(Duration.ofSeconds(30));
            Map<String, Object> sender = answererSends ? answerer : offerer;
            Map<String, Object> receiver = answererSends ? offerer : answerer;
            LOG.info("{} sender: {}", codec, sender);
            LOG.info("{} receiver: {}", codec, receiver);
            assertThat(sender).doesNotContainKey("error");
            assertThat(receiver).doesNotContainKey("error");
            String mime = "video/" + codec.name();
            assertThat(sender.get("out_video_codec")).isEqualTo(mime);
            assertThat(receiver.get("in_video_codec")).isEqualTo(mime);
            if (codec == VideoCodec.H264) {
                assertThat((String) receiver.get("in_video_fmtp")).contains("packetization-mode=1")
                        .contains("profile-level-id=42e01f");
            }
            assertThat(sender.get("vcodec_transceivers")).isEqualTo(1L);
            assertThat((String) sender.get("out_video_codec_set")).startsWith(mime);
            // "sendonly 96/VP8 97/rtx ...": the chosen codec first, and alone with vcodec_only
            String[] listed = ((String) sender.get("sdp_local_video")).split(" ");
            assertThat(listed[0]).isEqualTo("sendonly");
            assertThat(listed[1]).endsWith("/" + codec.name());
            if (only) {
                assertThat(Arrays.stream(listed).skip(1).map(e -> e.substring(e.indexOf('/') + 1)).distinct())
                        .containsExactlyInAnyOrder(codec.name(), "rtx");
            } else {
                assertThat(listed).hasSizeGreaterThan(10);
            }
            assertThat(receiver).doesNotContainKey("in_audio_codec");
            long decoded = number(receiver, "in_video_frames_decoded");
            assertThat(decoded).isGreaterThanOrEqualTo((long) seconds * FPS / 2);
            assertThat(number(receiver, "in_video_frames_decoded_mid")).isPositive().isLessThan(decoded);
            assertThat(receiver.get("in_video_frame_width")).isEqualTo((long) W);
            assertThat(receiver.get("in_video_frame_height")).isEqualTo((long) H);
            assertThat(number(receiver, "in_video_key_frames_decoded")).isGreaterThanOrEqualTo(1);
            assertCanvasShowsPattern(receiver);
            // the data channel the offerer opened: three pings each way, each echoed
            for (Map<String, Object> r : List.of(sender, receiver)) {
                assertThat(r.get("dc_label")).isEqualTo("chat");
                assertThat(r.get("dc_opened")).isEqualTo(1L);
                assertThat(r.get("dc_pings_sent")).isEqualTo(3L);
                assertThat(r.get("dc_echoes_back")).isEqualTo(3L);
                assertThat(r.get("dc_echoed")).isEqualTo(3L);
            }
        }
    }

    static void assertCanvasShowsPattern(Map<String, Object> r) {
        assertThat(number(r, "canvas_draws")).isGreaterThanOrEqualTo(2);
        assertThat(r.get("canvas_nonblack")).isEqualTo(true);
        assertThat(r.get("canvas_changed")).isEqualTo(true);
        assertThat(r.get("canvas_width")).isEqualTo((long) W);
        assertThat(r.get("canvas_height")).isEqualTo((long) H);
        for (Quadrant q : Quadrant.values()) {
            String p = "q_" + q.pageName() + "_";
            assertThat(number(r, p + "r")).as("%s red", q).isCloseTo(q.r, Offset.offset((long) COLOUR_TOLERANCE));
            assertThat(number(r, p + "g")).as("%s green", q).isCloseTo(q.g, Offset.offset((long) COLOUR_TOLERANCE));
            assertThat(number(r, p + "b")).as("%s blue", q).isCloseTo(q.b, Offset.offset((long) COLOUR_TOLERANCE));
        }
    }

    static long number(Map<String, Object> r, String key) {
        Object v = r.get(key);
        assertThat(v).as("%s in %s", key, r).isInstanceOf(Number.class);
        return ((Number) v).longValue();
    }

    /**
     * Two pages on two page servers (two origins) in two browsers, each one's descriptions and
     * candidates relayed to the other.
     */
    static final class PagePair implements AutoCloseable {
        private final PageServer offer = new PageServer("127.0.0.1");
        private final PageServer answer = new PageServer("127.0.0.1");
        private final CompletableFuture<Map<String, Object>> offerResult = new CompletableFuture<>();
        private final CompletableFuture<Map<String, Object>> answerResult = new CompletableFuture<>();
        private Chromium offerBrowser;
        private Chromium answerBrowser;

        PagePair() throws IOException {
            wire(offer, answer, offerResult, "offerer");
            wire(answer, offer, answerResult, "answerer");
        }

        private static void wire(PageServer from, PageServer to, CompletableFuture<Map<String, Object>> result,
                String name) {
            from.onMessage(m -> {
                switch (m.kind()) {
                    case "desc", "candidate" -> to.send(m);
                    case "result" -> result.complete(Envelope.flat(m.value()));
                    case "log" -> LOG.info("{}: {}", name, m.value());
                    default -> LOG.warn("{}: unexpected {}", name, m);
                }
            });
        }

        void open(String offerQuery, List<String> offerFlags, String answerQuery, List<String> answerFlags)
                throws IOException {
            answerBrowser = Chromium.open(answer.url("chromium-media.html") + "?" + answerQuery, answerFlags);
            offerBrowser = Chromium.open(offer.url("chromium-media.html") + "?" + offerQuery, offerFlags);
        }

        Map<String, Object> offerResult(Duration timeout) throws Exception {
            return await(offerResult, timeout, "offerer");
        }

        Map<String, Object> answerResult(Duration timeout) throws Exception {
            return await(answerResult, timeout, "answerer");
        }

        private Map<String, Object> await(CompletableFuture<Map<String, Object>> f, Duration timeout, String name)
                throws Exception {
            try {
                return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("no result from the " + name + " in " + timeout + "\noffer page said:\n"
                        + offer.transcript() + "\nanswer page said:\n" + answer.transcript());
            }
        }

        @Override
        public void close() throws IOException {
            try {
                for (Chromium c : new Chromium[] {offerBrowser, answerBrowser}) {
                    if (c != null) {
                        c.close();
                    }
                }
            } finally {
                offer.close();
                answer.close();
            }
        }
    }
}
