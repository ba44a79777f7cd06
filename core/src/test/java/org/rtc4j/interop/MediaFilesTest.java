package org.rtc4j.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rtc4j.interop.MediaFiles.Probe;
import org.rtc4j.interop.MediaFiles.Quadrant;
import org.rtc4j.interop.MediaFiles.VideoCodec;

/** The media fixtures are what they claim: codec, size, frame count, duration and colours. */
class MediaFilesTest {

    /** Coded pictures may drift this far from the pattern's colours per channel. */
    static final int COLOUR_TOLERANCE = 40;

    @BeforeEach
    void setUp() {
        requireFfmpeg();
    }

    /** Media tests need Debian's ffmpeg; CI has it. */
    static void requireFfmpeg() {
        if (System.getenv("CI") != null) {
            assertThat(MediaFiles.available()).as("CI must have ffmpeg and ffprobe").isTrue();
        }
        Assumptions.assumeTrue(MediaFiles.available(), "needs /usr/bin/ffmpeg and ffprobe");
    }

    @ParameterizedTest
    @EnumSource(VideoCodec.class)
    void eachCodedPatternProbesAsMade(VideoCodec codec) {
        Path file = MediaFiles.video(codec, 3);
        assertThat(file.getFileName().toString()).endsWith("." + codec.extension);
        Probe p = MediaFiles.probe(file);
        assertThat(p.kind()).isEqualTo("video");
        assertThat(p.codec()).isEqualTo(codec.probeName);
        assertThat(p.width()).isEqualTo(320);
        assertThat(p.height()).isEqualTo(240);
        assertThat(p.frames()).isEqualTo(90);
        assertThat(p.errors()).isEmpty();
        if (codec != VideoCodec.H264) { // raw Annex B carries no timestamps
            assertThat(p.seconds()).isCloseTo(3.0, offset(0.05));
        }
        assertPattern(MediaFiles.colours(file, 0));
        assertPattern(MediaFiles.colours(file, 89));
    }

    @Test
    void otherSizesAndRates() {
        Probe p = MediaFiles.probe(MediaFiles.video(VideoCodec.VP8, 640, 480, 15, 2));
        assertThat(p.width()).isEqualTo(640);
        assertThat(p.height()).isEqualTo(480);
        assertThat(p.frames()).isEqualTo(30);
        assertThat(p.seconds()).isCloseTo(2.0, offset(0.05));
    }

    @Test
    void h264IsConstrainedBaselineWithKeyFramesEverySecondAndNoBFrames() {
        Path file = MediaFiles.video(VideoCodec.H264, 3);
        // what the ffprobe shows of each frame: key flag and picture type
        String frames = MediaFiles.frameTypes(file);
        assertThat(frames).hasSize(90);
        assertThat(frames).doesNotContain("B");
        for (int i = 0; i < 90; i++) {
            assertThat(frames.charAt(i)).as("frame %d of %s", i, frames).isEqualTo(i % 30 == 0 ? 'K' : 'P');
        }
        assertThat(MediaFiles.h264Profile(file)).isEqualTo("Constrained Baseline/31");
    }

    @ParameterizedTest
    @EnumSource(value = VideoCodec.class, names = {"VP8", "VP9", "AV1"})
    void keyFrameEverySecond(VideoCodec codec) {
        String frames = MediaFiles.frameTypes(MediaFiles.video(codec, 3));
        assertThat(frames).hasSize(90);
        for (int i = 0; i < 90; i++) {
            assertThat(frames.charAt(i) == 'K').as("frame %d of %s is a key frame", i, frames).isEqualTo(i % 30 == 0);
        }
    }

    @Test
    void y4mForChromiumSaysC420() throws Exception {
        Path y4m = MediaFiles.y4m(320, 240, 30, 2);
        assertThat(MediaFiles.y4mHeader(y4m)).isEqualTo("YUV4MPEG2 W320 H240 F30:1 Ip A1:1 C420");
        // header line, then 60 x ("FRAME\n" + 320x240 I420)
        assertThat(Files.size(y4m)).isEqualTo(MediaFiles.y4mHeader(y4m).length() + 1 + 60L * (6 + 320 * 240 * 3 / 2));
        Probe p = MediaFiles.probe(y4m);
        assertThat(p.codec()).isEqualTo("rawvideo");
        assertThat(p.width()).isEqualTo(320);
        assertThat(p.height()).isEqualTo(240);
        assertThat(p.frames()).isEqualTo(60);
        assertThat(p.errors()).isEmpty();
        assertPattern(MediaFiles.colours(y4m, 0));
    }

    @Test
    void opusToneIsFortyEightKilohertzInTwentyMillisecondFrames() {
        Probe p = MediaFiles.probe(MediaFiles.opus(2, 3));
        assertThat(p.kind()).isEqualTo("audio");
        assertThat(p.codec()).isEqualTo("opus");
        assertThat(p.sampleRate()).isEqualTo(48000);
        assertThat(p.channels()).isEqualTo(2);
        assertThat(p.seconds()).isCloseTo(3.0, offset(0.05));
        // 3 s in 20 ms packets (plus one for the encoder's pre-skip)
        assertThat(p.frames()).isBetween(150L, 151L);
        assertThat(p.errors()).isEmpty();
        // every packet 20 ms but the one cut short by the end of the tone
        List<Double> durations = MediaFiles.packetDurations(MediaFiles.opus(2, 3));
        assertThat(durations.stream().filter(d -> d == 0.02).count()).isGreaterThanOrEqualTo(149);
        assertThat(durations.stream().filter(d -> d != 0.02).count()).isLessThanOrEqualTo(1);
    }

    @Test
    void wavToneIsEightKilohertzMono() {
        Probe p = MediaFiles.probe(MediaFiles.wav(8000, 1, 3));
        assertThat(p.codec()).isEqualTo("pcm_s16le");
        assertThat(p.sampleRate()).isEqualTo(8000);
        assertThat(p.channels()).isEqualTo(1);
        assertThat(p.seconds()).isCloseTo(3.0, offset(0.01));
    }

    @Test
    void probeReportsDecodingErrorsAndFailsOnNonMedia(@TempDir Path tmp) throws Exception {
        // an IVF cut after its first frame and then fed garbage: the decoder complains
        Path good = MediaFiles.video(VideoCodec.VP8, 3);
        byte[] b = Files.readAllBytes(good);
        for (int i = b.length / 2; i < b.length; i += 7) {
            b[i] ^= 0x55;
        }
        Path broken = tmp.resolve("broken.ivf");
        Files.write(broken, b);
        Probe p = MediaFiles.probe(broken);
        assertThat(p.codec()).isEqualTo("vp8");
        assertThat(p.errors()).isNotEmpty();

        Path text = tmp.resolve("not-media.ivf");
        Files.writeString(text, "hello");
        assertThatThrownBy(() -> MediaFiles.probe(text)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ffprobe failed").hasMessageContaining("not-media.ivf");
    }

    static void assertPattern(int[][] rgb) {
        for (Quadrant q : Quadrant.values()) {
            int[] c = rgb[q.ordinal()];
            assertThat(c[0]).as("%s red", q).isCloseTo(q.r, within(COLOUR_TOLERANCE));
            assertThat(c[1]).as("%s green", q).isCloseTo(q.g, within(COLOUR_TOLERANCE));
            assertThat(c[2]).as("%s blue", q).isCloseTo(q.b, within(COLOUR_TOLERANCE));
        }
    }
}
