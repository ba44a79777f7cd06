package org.rtc4j.interop;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Media fixtures made with Debian's ffmpeg, and ffprobe to check what a test recorded. Every
 * video shows the same picture: four solid quadrants ({@link Quadrant}) and a small white square
 * moving along the horizontal centre line, so that frames differ while the centre of each
 * quadrant keeps its colour. Files are made once per test JVM (per set of parameters) in a
 * temporary folder deleted at exit. A tool that fails throws with its stderr.
 */
public final class MediaFiles {

    public static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");
    public static final Path FFPROBE = Path.of("/usr/bin/ffprobe");
    public static final int WIDTH = 320;
    public static final int HEIGHT = 240;
    public static final int FPS = 30;
    /** Key frame interval of the coded files, in frames (1 s at the default frame rate). */
    public static final int GOP_SECONDS = 1;
    public static final int TONE_HZ = 440;

    /** The pattern's colours, saturated enough to come through YUV 4:2:0 and lossy coding. */
    public enum Quadrant {
        TOP_LEFT(255, 0, 0), TOP_RIGHT(0, 255, 0), BOTTOM_LEFT(0, 0, 255), BOTTOM_RIGHT(255, 255, 0);

        public final int r;
        public final int g;
        public final int b;

        Quadrant(int r, int g, int b) {
            this.r = r;
            this.g = g;
            this.b = b;
        }

        /** As chromium-media.html names its averages: tl, tr, bl, br. */
        public String pageName() {
            return switch (this) {
                case TOP_LEFT -> "tl";
                case TOP_RIGHT -> "tr";
                case BOTTOM_LEFT -> "bl";
                case BOTTOM_RIGHT -> "br";
            };
        }

        String hex() {
            return String.format("0x%02X%02X%02X", r, g, b);
        }
    }

    /** The coded video formats, each in the container an RTP sender or recorder reads frame by frame. */
    public enum VideoCodec {
        /** libvpx VP8 in IVF. */
        VP8("vp8", "ivf"),
        /** libvpx-vp9 profile 0 in IVF. */
        VP9("vp9", "ivf"),
        /** libaom-av1 (realtime, no lag) in IVF. */
        AV1("av1", "ivf"),
        /** libx264 constrained baseline, level 3.1, no B-frames, SPS/PPS before every key frame, Annex B. */
        H264("h264", "h264");

        /** ffprobe's codec_name, also chromium-media.html's {@code vcodec}. */
        public final String probeName;
        public final String extension;

        VideoCodec(String probeName, String extension) {
            this.probeName = probeName;
            this.extension = extension;
        }
    }

    /**
     * What ffprobe says about one stream (counting frames by decoding them).
     *
     * @param kind       "video" or "audio"
     * @param codec      ffprobe's codec_name (vp8, vp9, av1, h264, opus, pcm_s16le, rawvideo...)
     * @param width      video only, else 0
     * @param height     video only, else 0
     * @param frames     frames decoded (nb_read_frames; for audio, packets' frames)
     * @param seconds    the stream's (or else the container's) duration; null when neither says
     *                   (raw H.264 has no timestamps)
     * @param sampleRate audio only, else 0
     * @param channels   audio only, else 0
     * @param errors     what the decoder complained about on stderr (a recording may start with a
     *                   few before its first key frame); empty when clean
     */
    public record Probe(String kind, String codec, int width, int height, long frames, Double seconds,
            int sampleRate, int channels, List<String> errors) {
    }

    private static final Pattern FRAME_LINE = Pattern.compile("^([01]),([A-Z?])");
    private static final Map<String, CompletableFuture<Path>> CACHE = new ConcurrentHashMap<>();
    private static volatile Path dir;

    private MediaFiles() {
    }

    /** Whether ffmpeg and ffprobe are installed. */
    public static boolean available() {
        return Files.isExecutable(FFMPEG) && Files.isExecutable(FFPROBE);
    }

    /** {@code seconds} of the pattern at 320x240, 30 fps. */
    public static Path video(VideoCodec codec, int seconds) {
        return video(codec, WIDTH, HEIGHT, FPS, seconds);
    }

    /** {@code seconds} of the pattern, coded with a key frame first and one every second. */
    public static Path video(VideoCodec codec, int width, int height, int fps, int seconds) {
        String name = "pattern-" + width + "x" + height + "-" + fps + "fps-" + seconds + "s." + codec.name().toLowerCase(Locale.ROOT)
                + "." + codec.extension;
        return cached(name, out -> {
            int gop = fps * GOP_SECONDS;
            List<String> cmd = new ArrayList<>(patternInput(width, height, fps, seconds));
            switch (codec) {
                case VP8 -> cmd.addAll(List.of("-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8",
                        "-b:v", "500k", "-g", "" + gop, "-keyint_min", "" + gop, "-auto-alt-ref", "0", "-f", "ivf"));
                case VP9 -> cmd.addAll(List.of("-c:v", "libvpx-vp9", "-profile:v", "0", "-deadline", "realtime",
                        "-cpu-used", "8", "-b:v", "500k", "-g", "" + gop, "-keyint_min", "" + gop,
                        "-lag-in-frames", "0", "-row-mt", "1", "-f", "ivf"));
                case AV1 -> cmd.addAll(List.of("-c:v", "libaom-av1", "-usage", "realtime", "-cpu-used", "8",
                        "-lag-in-frames", "0", "-b:v", "500k", "-g", "" + gop, "-keyint_min", "" + gop, "-f", "ivf"));
                case H264 -> cmd.addAll(List.of("-c:v", "libx264", "-profile:v", "baseline", "-level:v", "3.1",
                        "-preset", "veryfast", "-bf", "0", "-g", "" + gop, "-keyint_min", "" + gop, "-sc_threshold", "0",
                        "-x264-params", "repeat-headers=1", "-bsf:v", "h264_mp4toannexb", "-f", "h264"));
            }
            cmd.add(out.toString());
            ffmpeg(cmd);
        });
    }

    /**
     * The pattern as raw I420 for {@code --use-file-for-fake-video-capture}, with a plain
     * {@code C420} colour tag (ffmpeg writes {@code C420jpeg} and an {@code XYSCSS} extension)
     * and {@code F<fps>:1}. Chromium plays it in a loop.
     */
    public static Path y4m(int width, int height, int fps, int seconds) {
        String name = "pattern-" + width + "x" + height + "-" + fps + "fps-" + seconds + "s.y4m";
        return cached(name, out -> {
            Path raw = out.resolveSibling(out.getFileName() + ".ffmpeg.y4m");
            List<String> cmd = new ArrayList<>(patternInput(width, height, fps, seconds));
            cmd.addAll(List.of("-f", "yuv4mpegpipe", raw.toString()));
            ffmpeg(cmd);
            rewriteY4mHeader(raw, out, "YUV4MPEG2 W" + width + " H" + height + " F" + fps + ":1 Ip A1:1 C420");
            Files.delete(raw);
        });
    }

    /** The header line of a y4m file (without its newline). */
    public static String y4mHeader(Path y4m) throws IOException {
        try (InputStream in = Files.newInputStream(y4m)) {
            byte[] head = in.readNBytes(256);
            int nl = indexOf(head, (byte) '\n');
            if (nl < 0) {
                throw new IOException("no y4m header line in " + y4m);
            }
            return new String(head, 0, nl, StandardCharsets.US_ASCII);
        }
    }

    /** A {@value #TONE_HZ} Hz sine in Ogg/Opus: 48 kHz, {@code channels}, 20 ms frames. */
    public static Path opus(int channels, int seconds) {
        String name = "tone-" + TONE_HZ + "hz-" + channels + "ch-" + seconds + "s.opus.ogg";
        return cached(name, out -> ffmpeg(List.of("-f", "lavfi", "-i",
                "sine=frequency=" + TONE_HZ + ":sample_rate=48000:duration=" + seconds, "-ac", "" + channels,
                "-c:a", "libopus", "-b:a", "64k", "-frame_duration", "20", "-application", "audio", "-f", "ogg",
                out.toString())));
    }

    /**
     * A {@value #TONE_HZ} Hz sine as 16-bit PCM WAV; 8000 Hz mono for G.711 tests, 48000 Hz for
     * Chromium's {@code --use-file-for-fake-audio-capture}.
     */
    public static Path wav(int sampleRate, int channels, int seconds) {
        String name = "tone-" + TONE_HZ + "hz-" + sampleRate + "-" + channels + "ch-" + seconds + "s.wav";
        return cached(name, out -> ffmpeg(List.of("-f", "lavfi", "-i",
                "sine=frequency=" + TONE_HZ + ":sample_rate=" + sampleRate + ":duration=" + seconds,
                "-ac", "" + channels, "-c:a", "pcm_s16le", "-f", "wav", out.toString())));
    }

    /** The first video stream of {@code file}, or its first audio stream if it has no video. */
    public static Probe probe(Path file) {
        String types = run(List.of(FFPROBE.toString(), "-v", "error", "-show_entries", "stream=codec_type",
                "-of", "csv=p=0", file.toString())).stdout();
        return probe(file, types.lines().anyMatch(l -> l.trim().equals("video")) ? "video" : "audio");
    }

    /** The first stream of {@code kind} ("video" or "audio") of {@code file}. */
    public static Probe probe(Path file, String kind) {
        String select = kind.equals("video") ? "v:0" : "a:0";
        Result r = run(List.of(FFPROBE.toString(), "-v", "error", "-count_frames", "-select_streams", select,
                "-show_entries",
                "stream=codec_type,codec_name,width,height,nb_read_frames,sample_rate,channels,duration:format=duration",
                "-of", "compact=p=1:nk=0", file.toString()));
        Map<String, String> stream = null;
        Map<String, String> format = null;
        for (String line : r.stdout().lines().toList()) {
            String[] parts = line.split("\\|");
            Map<String, String> m = new HashMap<>();
            for (int i = 1; i < parts.length; i++) {
                int eq = parts[i].indexOf('=');
                if (eq > 0) {
                    m.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
                }
            }
            if (parts[0].equals("stream") && stream == null) {
                stream = m;
            } else if (parts[0].equals("format")) {
                format = m;
            }
        }
        if (stream == null) {
            throw new IllegalStateException("ffprobe found no " + kind + " stream in " + file + "\n" + r.stdout() + r.stderr);
        }
        Double seconds = number(stream.get("duration"));
        if (seconds == null && format != null) {
            seconds = number(format.get("duration"));
        }
        List<String> errors = r.stderr.lines().filter(l -> !l.isBlank()).toList();
        return new Probe(stream.getOrDefault("codec_type", kind), stream.get("codec_name"), integer(stream.get("width")),
                integer(stream.get("height")), integer(stream.get("nb_read_frames")), seconds,
                integer(stream.get("sample_rate")), integer(stream.get("channels")), errors);
    }

    /**
     * The average colour (r, g, b) of the middle half, each way, of each quadrant of frame
     * {@code frame} (from 0) of {@code file}, indexed by {@link Quadrant#ordinal()}: what
     * chromium-media.html measures on its canvas, for files a test recorded.
     */
    public static int[][] colours(Path file, int frame) {
        Probe p = probe(file, "video");
        Result r = run(List.of(FFMPEG.toString(), "-nostdin", "-hide_banner", "-loglevel", "error", "-i", file.toString(),
                "-vf", "select=eq(n\\," + frame + ")", "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"));
        int w = p.width(), h = p.height();
        byte[] px = r.bytes();
        if (px.length != w * h * 3) {
            throw new IllegalStateException("frame " + frame + " of " + file + ": " + px.length + " bytes, not "
                    + w + "x" + h + " rgb24\n" + r.stderr);
        }
        int[][] out = new int[4][];
        for (Quadrant q : Quadrant.values()) {
            int qx = q == Quadrant.TOP_RIGHT || q == Quadrant.BOTTOM_RIGHT ? 1 : 0;
            int qy = q == Quadrant.BOTTOM_LEFT || q == Quadrant.BOTTOM_RIGHT ? 1 : 0;
            int x0 = Math.round(qx * w / 2f + w / 8f), x1 = Math.round(qx * w / 2f + 3 * w / 8f);
            int y0 = Math.round(qy * h / 2f + h / 8f), y1 = Math.round(qy * h / 2f + 3 * h / 8f);
            long[] sum = new long[3];
            long n = 0;
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    int i = (y * w + x) * 3;
                    for (int c = 0; c < 3; c++) {
                        sum[c] += px[i + c] & 0xff;
                    }
                    n++;
                }
            }
            out[q.ordinal()] = new int[] {(int) Math.round(sum[0] / (double) n), (int) Math.round(sum[1] / (double) n),
                    (int) Math.round(sum[2] / (double) n)};
        }
        return out;
    }

    /**
     * One character per decoded frame of the first video stream: {@code K} for a key frame, else
     * its picture type ({@code P}, {@code B}, {@code I} for a non-key intra frame, {@code ?}).
     */
    public static String frameTypes(Path file) {
        Result r = run(List.of(FFPROBE.toString(), "-v", "error", "-select_streams", "v:0", "-show_entries",
                "frame=key_frame,pict_type", "-of", "csv=p=0", file.toString()));
        StringBuilder b = new StringBuilder();
        for (String line : r.stdout().lines().toList()) {
            // side data (SEI) adds lines of its own and a trailing field
            Matcher m = FRAME_LINE.matcher(line);
            if (m.find()) {
                b.append(m.group(1).equals("1") ? 'K' : m.group(2).charAt(0));
            }
        }
        return b.toString();
    }

    /** ffprobe's profile and level of the first video stream, as {@code "Constrained Baseline/31"}. */
    public static String h264Profile(Path file) {
        Result r = run(List.of(FFPROBE.toString(), "-v", "error", "-select_streams", "v:0", "-show_entries",
                "stream=profile,level", "-of", "csv=p=0:s=/", file.toString()));
        return r.stdout().trim();
    }

    /** The duration of each packet of the first audio stream, in seconds. */
    public static List<Double> packetDurations(Path file) {
        Result r = run(List.of(FFPROBE.toString(), "-v", "error", "-select_streams", "a:0", "-show_entries",
                "packet=duration_time", "-of", "csv=p=0", file.toString()));
        List<Double> out = new ArrayList<>();
        for (String line : r.stdout().lines().toList()) {
            String v = line.replace(",", "").trim();
            if (!v.isEmpty() && !v.equals("N/A")) {
                out.add(Double.parseDouble(v));
            }
        }
        return out;
    }

    // ---- the pattern

    /** ffmpeg input options for the pattern (a lavfi graph, output as yuv420p on map [v]). */
    private static List<String> patternInput(int width, int height, int fps, int seconds) {
        if (width % 4 != 0 || height % 4 != 0) {
            throw new IllegalArgumentException("width and height must be multiples of 4: " + width + "x" + height);
        }
        int qw = width / 2;
        int qh = height / 2;
        int marker = Math.max(8, Math.round(height / 15f / 2) * 2);
        String src = ":s=" + qw + "x" + qh + ":r=" + fps + ":d=" + seconds;
        String graph = "color=c=" + Quadrant.TOP_LEFT.hex() + src + "[a];"
                + "color=c=" + Quadrant.TOP_RIGHT.hex() + src + "[b];"
                + "color=c=" + Quadrant.BOTTOM_LEFT.hex() + src + "[c];"
                + "color=c=" + Quadrant.BOTTOM_RIGHT.hex() + src + "[d];"
                + "[a][b]hstack[top];[c][d]hstack[bottom];[top][bottom]vstack[q];"
                + "color=c=white:s=" + marker + "x" + marker + ":r=" + fps + ":d=" + seconds + "[m];"
                // 4 px a frame, along the line between the top and bottom halves
                + "[q][m]overlay=x='mod(n*4,W-w)':y=(H-h)/2:eof_action=endall,format=yuv420p[v]";
        return List.of("-filter_complex", graph, "-map", "[v]", "-r", "" + fps);
    }

    private static void rewriteY4mHeader(Path from, Path to, String header) throws IOException {
        String old = y4mHeader(from);
        if (!old.startsWith("YUV4MPEG2 ")) {
            throw new IOException("not a y4m file: " + old);
        }
        long skip = old.getBytes(StandardCharsets.US_ASCII).length + 1;
        try (FileChannel in = FileChannel.open(from);
             FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                     StandardOpenOption.WRITE)) {
            out.write(ByteBuffer.wrap((header + "\n").getBytes(StandardCharsets.US_ASCII)));
            for (long pos = skip, size = in.size(); pos < size; ) {
                pos += in.transferTo(pos, size - pos, out);
            }
        }
        String now = y4mHeader(to);
        if (!Arrays.asList(now.split(" ")).contains("C420")) {
            throw new IOException("y4m header still without C420: " + now);
        }
    }

    // ---- plumbing

    private interface Maker {
        void make(Path out) throws IOException;
    }

    private static Path cached(String name, Maker maker) {
        CompletableFuture<Path> mine = new CompletableFuture<>();
        CompletableFuture<Path> f = CACHE.putIfAbsent(name, mine);
        if (f == null) {
            f = mine;
            try {
                Path out = dir().resolve(name);
                Path tmp = dir().resolve(name + ".part");
                maker.make(tmp);
                Files.move(tmp, out);
                mine.complete(out);
            } catch (IOException | RuntimeException e) {
                CACHE.remove(name);
                mine.completeExceptionally(e);
            }
        }
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new UncheckedIOException((IOException) e.getCause());
        }
    }

    private static synchronized Path dir() throws IOException {
        if (dir == null) {
            Path d = Files.createTempDirectory("rtc4j-media");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(d)));
            dir = d;
        }
        return dir;
    }

    private static void delete(Path d) {
        try (Stream<Path> files = Files.walk(d)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind
        }
    }

    private static void ffmpeg(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(FFMPEG.toString(), "-nostdin", "-hide_banner", "-loglevel", "error", "-y"));
        cmd.addAll(args);
        run(cmd);
    }

    private record Result(byte[] bytes, String stderr) {
        String stdout() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** Runs a tool; throws with its command line and stderr unless it exits 0. */
    private static Result run(List<String> cmd) {
        try {
            Path err = Files.createTempFile("rtc4j-media-tool", ".stderr");
            try {
                Process p = new ProcessBuilder(cmd).redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
                CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
                    try (InputStream in = p.getInputStream()) {
                        return in.readAllBytes();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                if (!p.waitFor(180, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("timed out after 180 s: " + String.join(" ", cmd) + "\n"
                            + new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
                }
                String stderr = new String(Files.readAllBytes(err), StandardCharsets.UTF_8);
                if (p.exitValue() != 0) {
                    throw new IllegalStateException(cmd.get(0) + " failed (exit " + p.exitValue() + "): "
                            + cmd.stream().map(MediaFiles::quote).collect(Collectors.joining(" ")) + "\n" + stderr);
                }
                return new Result(out.join(), stderr);
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + cmd, e);
        }
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9_./:=,+-]+") ? s : "'" + s + "'";
    }

    private static int indexOf(byte[] b, byte v) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }

    private static Double number(String s) {
        if (s == null || s.isEmpty() || s.equals("N/A")) {
            return null;
        }
        return Double.parseDouble(s);
    }

    private static int integer(String s) {
        Double d = number(s);
        return d == null ? 0 : (int) Math.round(d);
    }
}
