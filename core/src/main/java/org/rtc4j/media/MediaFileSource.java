package org.rtc4j.media;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rtc4j.RTCRtpCodecCapability;
import org.rtc4j.rtp.RtpParseException;
import org.rtc4j.rtp.media.AnnexBReader;
import org.rtc4j.rtp.media.G711;
import org.rtc4j.rtp.media.IvfReader;
import org.rtc4j.rtp.media.OggOpusReader;
import org.rtc4j.rtp.media.OpusToc;
import org.rtc4j.rtp.media.Wav;

/**
 * The frames of a media file and the codec they are in, told by the file's first bytes: IVF
 * ({@code DKIF}: VP8, VP9, AV1), Ogg ({@code OggS}, Opus), WAV ({@code RIFF}: 8 kHz mono PCM,
 * sent as PCMU or PCMA, or G.711 as stored) and Annex-B H.264 (a start code). The whole file is
 * read up front (media for a call is small); a file it cannot use fails with one
 * {@link MediaFileException} naming the file and the reason.
 */
public final class MediaFileSource {

    private static final long G711_FRAME_MICROS = 20_000;
    private static final int G711_FRAME = 160;

    private final Path file;
    private final RTCRtpCodecCapability codec;
    private final List<MediaFrame> frames;
    private final int width;
    private final int height;

    private MediaFileSource(Path file, RTCRtpCodecCapability codec, List<MediaFrame> frames, int width, int height) {
        this.file = file;
        this.codec = codec;
        this.frames = List.copyOf(frames);
        this.width = width;
        this.height = height;
    }

    /**
     * Reads {@code file}; WAV PCM is encoded as PCMU, and Annex-B H.264 is taken as 30 frames/s.
     *
     * @param file the media file
     * @return the file's frames and codec
     * @throws MediaFileException if the container, codec or contents cannot be used
     */
    public static MediaFileSource open(Path file) {
        return open(file, RTCRtpCodecCapability.PCMU, 30);
    }

    /**
     * Reads {@code file}.
     *
     * @param file      the media file
     * @param g711      {@link RTCRtpCodecCapability#PCMU} or {@link RTCRtpCodecCapability#PCMA}: how WAV PCM is sent
     * @param h264Fps   the frame rate of an Annex-B H.264 stream (it carries no timing), 1-240
     * @return the file's frames and codec
     * @throws MediaFileException if the container, codec or contents cannot be used
     * @throws IllegalArgumentException if the file is Annex-B H.264 and {@code h264Fps} is outside
     *                                  1-240
     */
    public static MediaFileSource open(Path file, RTCRtpCodecCapability g711, int h264Fps) {
        byte[] head = new byte[12];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new MediaFileException(file + ": cannot read: " + e.getMessage(), e);
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            if (n >= 4 && head[0] == 'D' && head[1] == 'K' && head[2] == 'I' && head[3] == 'F') {
                return ivf(file, in);
            }
            if (n >= 4 && head[0] == 'O' && head[1] == 'g' && head[2] == 'g' && head[3] == 'S') {
                return ogg(file, in);
            }
            if (n >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F') {
                return wav(file, in, g711);
            }
            if (n >= 4 && head[0] == 0 && head[1] == 0 && (head[2] == 1 || head[2] == 0 && head[3] == 1)) {
                return h264(file, in, h264Fps);
            }
        } catch (IOException e) {
            throw new MediaFileException(file + ": cannot read: " + e.getMessage(), e);
        } catch (RtpParseException e) {
            throw new MediaFileException(file + ": " + e.getMessage(), e);
        }
        throw new MediaFileException(file + ": unknown container (not IVF, Ogg, WAV or Annex-B H.264)");
    }

    private static MediaFileSource ivf(Path file, InputStream in) throws IOException {
        IvfReader r = new IvfReader(in);
        IvfReader.Header h = r.header();
        RTCRtpCodecCapability codec;
        switch (h.fourcc()) {
            case "VP80": codec = RTCRtpCodecCapability.VP8; break;
            case "VP90": codec = RTCRtpCodecCapability.VP9; break;
            case "AV01": codec = RTCRtpCodecCapability.AV1; break;
            default: throw new MediaFileException(file + ": IVF with codec " + h.fourcc() + ", not VP8, VP9 or AV1");
        }
        if (h.timebaseDenominator() <= 0 || h.timebaseNumerator() <= 0) {
            throw new MediaFileException(file + ": IVF header has no time base");
        }
        List<IvfReader.IvfFrame> raw = new ArrayList<>();
        for (IvfReader.IvfFrame f; (f = r.next()) != null; ) {
            raw.add(f);
        }
        if (raw.isEmpty()) {
            throw new MediaFileException(file + ": IVF with no frames");
        }
        List<MediaFrame> frames = new ArrayList<>();
        long last = 0;
        for (int i = 0; i < raw.size(); i++) {
            long ticks = i + 1 < raw.size() ? raw.get(i + 1).pts() - raw.get(i).pts() : last;
            long micros = ticks * 1_000_000L * h.timebaseNumerator() / h.timebaseDenominator();
            if (micros <= 0 || micros > 1_000_000) {
                micros = last > 0 ? last : 33_333;
            }
            last = micros;
            byte[] d = raw.get(i).data();
            frames.add(new MediaFrame(d, micros, KeyFrames.isKey(codec, d)));
        }
        return new MediaFileSource(file, codec, frames, h.width(), h.height());
    }

    private static MediaFileSource ogg(Path file, InputStream in) throws IOException {
        OggOpusReader r = new OggOpusReader(in);
        List<MediaFrame> frames = new ArrayList<>();
        for (OggOpusReader.OpusPacket p; (p = r.next()) != null; ) {
            int samples = OpusToc.samples48k(p.data(), 0, p.data().length);
            frames.add(new MediaFrame(p.data(), samples * 1_000_000L / 48_000, true));
        }
        if (frames.isEmpty()) {
            throw new MediaFileException(file + ": Ogg/Opus with no audio packets");
        }
        return new MediaFileSource(file, RTCRtpCodecCapability.OPUS, frames, 0, 0);
    }

    private static MediaFileSource wav(Path file, InputStream in, RTCRtpCodecCapability g711) throws IOException {
        Wav w = Wav.read(in);
        if (w.sampleRate() != 8000 || w.channels() != 1) {
            throw new MediaFileException(file + ": WAV must be 8000 Hz mono for G.711, it is " + w.sampleRate()
                    + " Hz with " + w.channels() + " channels");
        }
        byte[] coded;
        RTCRtpCodecCapability codec;
        if (w.format() == Wav.MULAW || w.format() == Wav.ALAW) {
            coded = w.data();
            codec = w.format() == Wav.MULAW ? RTCRtpCodecCapability.PCMU : RTCRtpCodecCapability.PCMA;
        } else if (w.format() == Wav.PCM && w.bitsPerSample() == 16) {
            boolean alaw = g711.name().equalsIgnoreCase("PCMA");
            coded = alaw ? G711.encodeAlaw(w.samples()) : G711.encodeUlaw(w.samples());
            codec = alaw ? RTCRtpCodecCapability.PCMA : RTCRtpCodecCapability.PCMU;
        } else {
            throw new MediaFileException(file + ": WAV format " + w.format() + " with " + w.bitsPerSample()
                    + " bits is not 16-bit PCM or G.711");
        }
        List<MediaFrame> frames = new ArrayList<>();
        for (int off = 0; off < coded.length; off += G711_FRAME) {
            int len = Math.min(G711_FRAME, coded.length - off);
            byte[] f = java.util.Arrays.copyOfRange(coded, off, off + len);
            frames.add(new MediaFrame(f, G711_FRAME_MICROS * len / G711_FRAME, true));
        }
        if (frames.isEmpty()) {
            throw new MediaFileException(file + ": WAV with no samples");
        }
        return new MediaFileSource(file, codec, frames, 0, 0);
    }

    private static MediaFileSource h264(Path file, InputStream in, int fps) throws IOException {
        if (fps < 1 || fps > 240) {
            throw new IllegalArgumentException("fps " + fps);
        }
        List<byte[]> units = AnnexBReader.readAccessUnits(in);
        if (units.isEmpty()) {
            throw new MediaFileException(file + ": Annex-B stream with no access units");
        }
        List<MediaFrame> frames = new ArrayList<>();
        for (byte[] au : units) {
            frames.add(new MediaFrame(au, 1_000_000L / fps, AnnexBReader.isKeyFrame(au)));
        }
        return new MediaFileSource(file, RTCRtpCodecCapability.H264, frames, 0, 0);
    }

    /**
     * The file.
     *
     * @return the path the frames were read from
     */
    public Path file() {
        return file;
    }

    /**
     * The codec the frames are in: the one a {@link org.rtc4j.LocalFrameTrack} for them declares.
     *
     * @return VP8, VP9, AV1, H.264, Opus, PCMU or PCMA, as the {@link RTCRtpCodecCapability}
     *         constant
     */
    public RTCRtpCodecCapability codec() {
        return codec;
    }

    /**
     * The frames in file order.
     *
     * @return the frames; unmodifiable, never empty
     */
    public List<MediaFrame> frames() {
        return frames;
    }

    /**
     * The width the IVF header states, or 0.
     *
     * @return the width in pixels, or 0 for files other than IVF
     */
    public int width() {
        return width;
    }

    /**
     * The height the IVF header states, or 0.
     *
     * @return the height in pixels, or 0 for files other than IVF
     */
    public int height() {
        return height;
    }

    /**
     * The total duration in microseconds.
     *
     * @return the sum of the frames' durations, in µs
     */
    public long durationMicros() {
        long t = 0;
        for (MediaFrame f : frames) {
            t += f.durationMicros();
        }
        return t;
    }
}
