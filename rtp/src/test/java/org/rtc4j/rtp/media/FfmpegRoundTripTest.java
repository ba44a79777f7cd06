package org.rtc4j.rtp.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtc4j.rtp.codec.AudioPayloader;
import org.rtc4j.rtp.codec.Av1Payloader;
import org.rtc4j.rtp.codec.Depacketizer;
import org.rtc4j.rtp.codec.Frame;
import org.rtc4j.rtp.codec.H264Payloader;
import org.rtc4j.rtp.codec.OpusPayloader;
import org.rtc4j.rtp.codec.Packetizer;
import org.rtc4j.rtp.codec.Payloader;
import org.rtc4j.rtp.codec.Vp8Payloader;
import org.rtc4j.rtp.codec.Vp9Payloader;

/**
 * Real encoders and decoders: ffmpeg makes the media, our readers read it, our packetizers
 * packetize at MTU 1200, a lossy reordering network with NACK/RTX carries it, the sample builder
 * reassembles, our writers write it, and ffmpeg/ffprobe must decode the result without error and
 * with the same frame count.
 */
class FfmpegRoundTripTest {
    @TempDir
    Path dir;

    private static List<Frame> transport(Payloader pay, Depacketizer dep, List<byte[]> frames, long tsStep,
            long seed, LossyTransport.Stats stats) {
        Packetizer pk = new Packetizer(pay, 96, 0x5EED, 65000);
        List<byte[]> packets = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            for (byte[] p : pk.packetize(frames.get(i), i * tsStep)) {
                assertThat(p.length).isLessThanOrEqualTo(Packetizer.DEFAULT_MTU);
                packets.add(p);
            }
        }
        List<Frame> out = LossyTransport.carry(packets, dep, seed, 0.1, stats);
        assertThat(stats.lost).isPositive();
        return out;
    }

    private void ivfRoundTrip(String encoder, String fourcc, Payloader pay, Depacketizer dep, boolean exactBytes,
            String... encoderOptions) throws Exception {
        assumeTrue(Ffmpeg.hasEncoder(encoder), encoder + " not available");
        Path src = dir.resolve(fourcc + "-in.ivf");
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", "testsrc=size=320x240:rate=15", "-t", "1.4",
                "-c:v", encoder, "-g", "7"));
        args.addAll(List.of(encoderOptions));
        args.addAll(List.of("-f", "ivf", src.toString()));
        Ffmpeg.ffmpeg(dir, args.toArray(String[]::new));
        List<byte[]> frames = new ArrayList<>();
        IvfReader.Header header;
        try (InputStream in = Files.newInputStream(src); IvfReader r = new IvfReader(in)) {
            header = r.header();
            for (IvfReader.IvfFrame f; (f = r.next()) != null;) {
                frames.add(f.data());
            }
        }
        assertThat(header.fourcc()).isEqualTo(fourcc);
        assertThat(header.width()).isEqualTo(320);
        int srcCount = Ffmpeg.countFrames(dir, src, "v");
        assertThat(frames).hasSize(srcCount);

        LossyTransport.Stats stats = new LossyTransport.Stats();
        List<Frame> got = transport(pay, dep, frames, 6000, 1, stats);
        assertThat(got).hasSize(frames.size());
        assertThat(got.get(0).keyFrame()).isTrue();
        Path dst = dir.resolve(fourcc + "-out.ivf");
        try (OutputStream o = Files.newOutputStream(dst);
                IvfWriter w = new IvfWriter(o, fourcc, header.width(), header.height(),
                        (int) header.timebaseDenominator(), (int) header.timebaseNumerator(), got.size())) {
            for (int i = 0; i < got.size(); i++) {
                assertThat(got.get(i).timestamp()).isEqualTo(i * 6000L);
                if (exactBytes) {
                    assertThat(got.get(i).data()).containsExactly(frames.get(i));
                }
                w.writeFrame(i, got.get(i).data());
            }
        }
        Ffmpeg.decodesCleanly(dir, dst);
        assertThat(Ffmpeg.countFrames(dir, dst, "v")).isEqualTo(srcCount);
    }

    @Test
    void vp8IvfSurvivesLossyTransportAndDecodes() throws Exception {
        ivfRoundTrip("libvpx", "VP80", new Vp8Payloader(), new Vp8Payloader(), true, "-b:v", "400k");
    }

    @Test
    void vp9IvfSurvivesLossyTransportAndDecodes() throws Exception {
        ivfRoundTrip("libvpx-vp9", "VP90", new Vp9Payloader(), new Vp9Payloader(), true, "-b:v", "400k",
                "-deadline", "realtime", "-cpu-used", "8");
    }

    @Test
    void av1IvfSurvivesLossyTransportAndDecodes() throws Exception {
        ivfRoundTrip("libaom-av1", "AV01", new Av1Payloader(), new Av1Payloader(), false, "-usage", "realtime",
                "-cpu-used", "8", "-b:v", "300k");
    }

    @Test
    void h264AnnexBSurvivesLossyTransportAndDecodes() throws Exception {
        boolean x264 = Ffmpeg.hasEncoder("libx264");
        String enc = x264 ? "libx264" : Ffmpeg.hasEncoder("libopenh264") ? "libopenh264" : null;
        assumeTrue(enc != null, "no H.264 encoder in ffmpeg");
        Path src = dir.resolve("in.h264");
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", "testsrc=size=320x240:rate=15", "-t", "1.4",
                "-c:v", enc, "-g", "7"));
        if (x264) {
            args.addAll(List.of("-x264-params", "aud=1")); // access unit delimiters, dropped by the payloader
        }
        args.addAll(List.of("-f", "h264", src.toString()));
        Ffmpeg.ffmpeg(dir, args.toArray(String[]::new));
        List<byte[]> aus;
        try (InputStream in = Files.newInputStream(src)) {
            aus = AnnexBReader.readAccessUnits(in);
        }
        int srcCount = Ffmpeg.countFrames(dir, src, "v");
        assertThat(aus).hasSize(srcCount);
        assertThat(AnnexBReader.isKeyFrame(aus.get(0))).isTrue();

        // send later IDRs without SPS/PPS, as encoders with global headers do: the payloader must repeat them
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < aus.size(); i++) {
            byte[] au = aus.get(i);
            if (i > 0 && AnnexBReader.isKeyFrame(au)) {
                ByteArrayOutputStream stripped = new ByteArrayOutputStream();
                for (int[] n : org.rtc4j.rtp.codec.NalUnits.split(au, 0, au.length)) {
                    int type = au[n[0]] & 0x1F;
                    if (type != 7 && type != 8) {
                        stripped.write(new byte[] {0, 0, 0, 1}, 0, 4);
                        stripped.write(au, n[0], n[1]);
                    }
                }
                au = stripped.toByteArray();
                assertThat(AnnexBReader.nalTypes(au)).doesNotContain(7, 8);
            }
            sent.add(au);
        }
        LossyTransport.Stats stats = new LossyTransport.Stats();
        List<Frame> got = transport(new H264Payloader(), new H264Payloader(), sent, 6000, 2, stats);
        assertThat(got).hasSize(aus.size());
        Path dst = dir.resolve("out.h264");
        try (OutputStream o = Files.newOutputStream(dst); AnnexBWriter w = new AnnexBWriter(o)) {
            for (int i = 0; i < got.size(); i++) {
                Frame f = got.get(i);
                assertThat(f.keyFrame()).isEqualTo(AnnexBReader.isKeyFrame(aus.get(i)));
                if (f.keyFrame()) { // every IDR now carries SPS and PPS itself
                    assertThat(AnnexBReader.nalTypes(f.data())).contains(7, 8, 5);
                }
                w.writeAccessUnit(f.data());
            }
        }
        Ffmpeg.decodesCleanly(dir, dst);
        assertThat(Ffmpeg.countFrames(dir, dst, "v")).isEqualTo(srcCount);
        // a key frame from the middle decodes on its own thanks to the repeated parameter sets
        int mid = 7;
        assertThat(got.get(mid).keyFrame()).isTrue();
        Path alone = dir.resolve("mid.h264");
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        for (int i = mid; i < got.size(); i++) {
            tail.writeBytes(got.get(i).data());
        }
        Files.write(alone, tail.toByteArray());
        Ffmpeg.decodesCleanly(dir, alone);
        assertThat(Ffmpeg.countFrames(dir, alone, "v")).isEqualTo(srcCount - mid);
    }

    @Test
    void h265AnnexBSurvivesLossyTransportAndDecodes() throws Exception {
        assumeTrue(Ffmpeg.hasEncoder("libx265"), "libx265 not available");
        Path src = dir.resolve("in.h265");
        Ffmpeg.ffmpeg(dir, "-f", "lavfi", "-i", "testsrc=size=320x240:rate=15", "-t", "1.4", "-c:v", "libx265",
                "-preset", "ultrafast", "-x265-params", "keyint=7:min-keyint=7:bframes=0:log-level=error:aud=1",
                "-f", "hevc", src.toString());
        List<byte[]> aus;
        try (InputStream in = Files.newInputStream(src)) {
            aus = AnnexBReader.readAccessUnitsH265(in);
        }
        int srcCount = Ffmpeg.countFrames(dir, src, "v");
        assertThat(aus).hasSize(srcCount);
        LossyTransport.Stats stats = new LossyTransport.Stats();
        List<Frame> got = transport(new org.rtc4j.rtp.codec.H265Payloader(), new org.rtc4j.rtp.codec.H265Payloader(),
                aus, 6000, 5, stats);
        assertThat(got).hasSize(aus.size());
        assertThat(got.get(0).keyFrame()).isTrue();
        Path dst = dir.resolve("out.h265");
        try (OutputStream o = Files.newOutputStream(dst); AnnexBWriter w = new AnnexBWriter(o)) {
            for (Frame f : got) {
                w.writeAccessUnit(f.data());
            }
        }
        Ffmpeg.decodesCleanly(dir, dst);
        assertThat(Ffmpeg.countFrames(dir, dst, "v")).isEqualTo(srcCount);
    }

    @Test
    void oggOpusSurvivesLossyTransportAndDecodes() throws Exception {
        assumeTrue(Ffmpeg.hasEncoder("libopus"), "libopus not available");
        Path src = dir.resolve("in.ogg");
        Ffmpeg.ffmpeg(dir, "-f", "lavfi", "-i", "sine=frequency=440:duration=1.5", "-c:a", "libopus", "-b:a", "32k",
                "-f", "ogg", src.toString());
        List<byte[]> packets = new ArrayList<>();
        OpusHead head;
        long lastGranule = -1;
        try (InputStream in = Files.newInputStream(src); OggOpusReader r = new OggOpusReader(in)) {
            head = r.head();
            assertThat(r.vendor()).isNotBlank();
            for (OggOpusReader.OpusPacket p; (p = r.next()) != null;) {
                packets.add(p.data());
                if (p.granule() >= 0) {
                    lastGranule = p.granule();
                }
            }
        }
        assertThat(head.channels()).isEqualTo(1);
        long samples = packets.stream().mapToLong(p -> OpusToc.samples48k(p, 0, p.length)).sum();
        assertThat(lastGranule).isBetween(samples - 960, samples); // the last page may trim the end
        int srcCount = Ffmpeg.countFrames(dir, src, "a");

        LossyTransport.Stats stats = new LossyTransport.Stats();
        List<Frame> got = transport(new OpusPayloader(), new OpusPayloader(), packets, 960, 3, stats);
        assertThat(got).hasSize(packets.size());
        Path dst = dir.resolve("out.ogg");
        try (OutputStream o = Files.newOutputStream(dst); OggOpusWriter w = new OggOpusWriter(o, head, 1234, "rtc4j")) {
            for (int i = 0; i < got.size(); i++) {
                assertThat(got.get(i).data()).containsExactly(packets.get(i));
                w.writePacket(got.get(i).data());
            }
        }
        Ffmpeg.decodesCleanly(dir, dst);
        assertThat(Ffmpeg.countFrames(dir, dst, "a")).isEqualTo(srcCount);
        // and our reader reads our own file back
        try (InputStream in = Files.newInputStream(dst); OggOpusReader r = new OggOpusReader(in)) {
            assertThat(r.head().preSkip()).isEqualTo(head.preSkip());
            int n = 0;
            while (r.next() != null) {
                n++;
            }
            assertThat(n).isEqualTo(packets.size());
        }
    }

    @Test
    void wavToPcmuToWavStaysWithinG711Error() throws Exception {
        Path src = dir.resolve("in.wav");
        Ffmpeg.ffmpeg(dir, "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=8000:duration=1", "-af", "volume=0.9",
                "-c:a", "pcm_s16le", "-ac", "1", src.toString());
        Wav wav;
        try (InputStream in = Files.newInputStream(src)) {
            wav = Wav.read(in);
        }
        assertThat(wav.sampleRate()).isEqualTo(8000);
        short[] pcm = wav.samples();
        byte[] ulaw = G711.encodeUlaw(pcm);
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i + 160 <= ulaw.length; i += 160) { // 20 ms frames
            frames.add(java.util.Arrays.copyOfRange(ulaw, i, i + 160));
        }
        LossyTransport.Stats stats = new LossyTransport.Stats();
        List<Frame> got = transport(new AudioPayloader(), new AudioPayloader(), frames, 160, 4, stats);
        assertThat(got).hasSize(frames.size());
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        got.forEach(f -> received.writeBytes(f.data()));
        short[] decoded = G711.decodeUlaw(received.toByteArray());
        for (int i = 0; i < decoded.length; i++) {
            int x = pcm[i];
            assertThat(Math.abs(decoded[i] - x)).as("sample %d (%d)", i, x).isLessThanOrEqualTo(Math.abs(x) / 16 + 8);
        }
        Path dst = dir.resolve("out.wav");
        try (OutputStream o = Files.newOutputStream(dst)) {
            Wav.pcm16(1, 8000, decoded).write(o);
        }
        Ffmpeg.decodesCleanly(dir, dst);
        // ffmpeg's own µ-law decoder agrees with ours sample for sample
        Path ul = dir.resolve("ours.ul");
        Files.write(ul, received.toByteArray());
        Path viaFfmpeg = dir.resolve("ffdec.wav");
        Ffmpeg.ffmpeg(dir, "-f", "mulaw", "-ar", "8000", "-ac", "1", "-i", ul.toString(), "-c:a", "pcm_s16le",
                viaFfmpeg.toString());
        try (InputStream in = Files.newInputStream(viaFfmpeg)) {
            assertThat(Wav.read(in).samples()).containsExactly(decoded);
        }
        // and ffmpeg's µ-law and A-law encoders agree with ours within one code step
        for (String codec : new String[] {"mulaw", "alaw"}) {
            Path enc = dir.resolve("ff." + codec);
            Ffmpeg.ffmpeg(dir, "-i", src.toString(), "-f", codec, enc.toString());
            byte[] theirs = Files.readAllBytes(enc);
            byte[] ours = codec.equals("mulaw") ? ulaw : G711.encodeAlaw(pcm);
            assertThat(theirs).hasSameSizeAs(ours);
            for (int i = 0; i < ours.length; i++) {
                short a = codec.equals("mulaw") ? G711.ulawToLinear(ours[i]) : G711.alawToLinear(ours[i]);
                short b = codec.equals("mulaw") ? G711.ulawToLinear(theirs[i]) : G711.alawToLinear(theirs[i]);
                assertThat(Math.abs(a - b)).as("%s sample %d", codec, i).isLessThanOrEqualTo(Math.abs(pcm[i]) / 16 + 8);
            }
        }
    }
}
