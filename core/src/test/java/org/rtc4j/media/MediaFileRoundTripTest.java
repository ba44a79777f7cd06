package org.rtc4j.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rtc4j.LocalFrameTrack;
import org.rtc4j.PeerConnectionFactory;
import org.rtc4j.RTCConfiguration;
import org.rtc4j.RTCPeerConnection;
import org.rtc4j.RTCPeerConnectionState;
import org.rtc4j.RTCRtpCodecCapability;
import org.rtc4j.RemoteTrack;
import org.rtc4j.interop.MediaFiles;
import org.rtc4j.rtp.media.Wav;
import org.rtc4j.transport.InterfaceFilter;

/**
 * Files through two rtc4j connections: each container read, paced into a track, carried over
 * SRTP and written again, where ffprobe finds what the source had; and the files rtc4j refuses,
 * each with the reason in one line.
 */
class MediaFileRoundTripTest {

    private static PeerConnectionFactory factory;

    @BeforeAll
    static void start() {
        factory = PeerConnectionFactory.create(2);
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    @ParameterizedTest
    @EnumSource(MediaFiles.VideoCodec.class)
    void videoFilesPlayAndRecordFrameForFrame(MediaFiles.VideoCodec codec, @TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(MediaFiles.available(), "needs ffmpeg");
        MediaFileSource src = MediaFileSource.open(MediaFiles.video(codec, 3));
        assertThat(src.frames()).hasSize(90);
        assertThat(src.frames().get(0).keyFrame()).isTrue();
        assertThat(src.frames().stream().filter(MediaFrame::keyFrame).count()).isEqualTo(3);
        Path out = dir.resolve("out." + codec.extension);
        MediaFiles.Probe p = MediaFiles.probe(playAndRecord(src, out), "video");
        assertThat(p.codec()).isEqualTo(codec.probeName);
        assertThat(p.frames()).isEqualTo(90);
        assertThat(p.width()).isEqualTo(MediaFiles.WIDTH);
        assertThat(p.height()).isEqualTo(MediaFiles.HEIGHT);
        assertThat(p.errors()).isEmpty();
        if (codec != MediaFiles.VideoCodec.H264) {
            assertThat(p.seconds()).isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.1));
        }
    }

    @Test
    void opusAndG711PlayAndRecordWithTheirDuration(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(MediaFiles.available(), "needs ffmpeg");
        MediaFileSource opus = MediaFileSource.open(MediaFiles.opus(2, 3));
        MediaFiles.Probe p = MediaFiles.probe(playAndRecord(opus, dir.resolve("out.ogg")), "audio");
        assertThat(p.codec()).isEqualTo("opus");
        assertThat(p.seconds()).isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.1));

        MediaFileSource wav = MediaFileSource.open(MediaFiles.wav(8000, 1, 3));
        assertThat(wav.codec()).isEqualTo(RTCRtpCodecCapability.PCMU);
        Path rec = playAndRecord(wav, dir.resolve("out.wav"));
        Wav back = Wav.read(Files.newInputStream(rec));
        assertThat(back.sampleRate()).isEqualTo(8000);
        assertThat(back.samples().length).isBetween(3 * 8000 - 160, 3 * 8000);
        assertThat(MediaFiles.probe(rec, "audio").seconds()).isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    void filesItCannotPlayAreRefusedWithTheReason(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        assertThatThrownBy(() -> MediaFileSource.open(text)).isInstanceOf(MediaFileException.class)
                .hasMessageContaining("notes.txt").hasMessageContaining("unknown container");
        Path truncated = Files.write(dir.resolve("cut.ivf"), new byte[] {'D', 'K', 'I', 'F', 0, 0, 32});
        assertThatThrownBy(() -> MediaFileSource.open(truncated)).isInstanceOf(MediaFileException.class)
                .hasMessageContaining("cut.ivf");
        ByteArrayOutputStream wav = new ByteArrayOutputStream();
        Wav.pcm16(2, 44100, new short[882]).write(wav);
        Path stereo = Files.write(dir.resolve("cd.wav"), wav.toByteArray());
        assertThatThrownBy(() -> MediaFileSource.open(stereo)).isInstanceOf(MediaFileException.class)
                .hasMessageContaining("8000 Hz mono");
        byte[] ivf = Files.readAllBytes(MediaFiles.available() ? MediaFiles.video(MediaFiles.VideoCodec.VP8, 1)
                : truncated);
        if (MediaFiles.available()) {
            ivf[8] = 'H';
            ivf[9] = '2';
            ivf[10] = '6';
            ivf[11] = '5';
            Path h265 = Files.write(dir.resolve("h265.ivf"), ivf);
            assertThatThrownBy(() -> MediaFileSource.open(h265)).isInstanceOf(MediaFileException.class)
                    .hasMessageContaining("H265");
        }
    }

    private static void gathered(RTCPeerConnection pc) throws InterruptedException {
        for (int i = 0; i < 500 && !pc.localDescription().sdp().contains("a=end-of-candidates"); i++) {
            Thread.sleep(5);
        }
    }

    /** Plays {@code src} from one connection to another and records what arrives into {@code out}. */
    private static Path playAndRecord(MediaFileSource src, Path out) throws Exception {
        RTCConfiguration c = RTCConfiguration.builder().interfaceFilter(InterfaceFilter.loopbackOnly()).build();
        try (RTCPeerConnection a = factory.createPeerConnection(c); RTCPeerConnection b = factory.createPeerConnection(c)) {
            LocalFrameTrack track = LocalFrameTrack.create(src.codec());
            a.addTrack(track, "s");
            CompletableFuture<MediaFileRecorder> recorder = new CompletableFuture<>();
            b.onTrack(e -> recorder.complete(MediaFileRecorder.record((RemoteTrack) e.track(), out)));
            CompletableFuture<Void> up = new CompletableFuture<>();
            a.onConnectionStateChange(s -> {
                if (s == RTCPeerConnectionState.CONNECTED) {
                    up.complete(null);
                }
            });
            // Whole descriptions (gathering complete): no trickled candidate can beat its remote description.
            a.setLocalDescription().get(10, TimeUnit.SECONDS);
            gathered(a);
            b.setRemoteDescription(a.localDescription()).get(10, TimeUnit.SECONDS);
            b.setLocalDescription().get(10, TimeUnit.SECONDS);
            gathered(b);
            a.setRemoteDescription(b.localDescription()).get(10, TimeUnit.SECONDS);
            up.get(20, TimeUnit.SECONDS);
            try (MediaFilePlayer player = MediaFilePlayer.start(src, track, false)) {
                player.done().get(30, TimeUnit.SECONDS);
                assertThat(player.framesWritten()).isEqualTo(src.frames().size());
            }
            Thread.sleep(500);
            MediaFileRecorder r = recorder.get(5, TimeUnit.SECONDS);
            r.close();
            assertThat(r.failure()).isNull();
        }
        return out;
    }
}
