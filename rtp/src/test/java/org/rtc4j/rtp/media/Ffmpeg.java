package org.rtc4j.rtp.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real ffmpeg/ffprobe binaries for decoder round-trip tests. */
final class Ffmpeg {
    private Ffmpeg() {
    }

    record Result(int exit, String stdout, String stderr) {
    }

    static Result run(Path dir, String... cmd) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", cmd));
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Runs ffmpeg quietly and asserts success. */
    static void ffmpeg(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y"));
        cmd.addAll(List.of(args));
        Result r = run(dir, cmd.toArray(String[]::new));
        assertThat(r.exit()).as("ffmpeg %s: %s", cmd, r.stderr()).isZero();
    }

    /** @return true if ffmpeg lists {@code encoder} */
    static boolean hasEncoder(String encoder) throws IOException, InterruptedException {
        Result r = run(Path.of(System.getProperty("java.io.tmpdir")), "ffmpeg", "-hide_banner", "-encoders");
        return r.stdout().lines().anyMatch(l -> l.trim().split("\\s+").length > 1 && l.trim().split("\\s+")[1].equals(encoder));
    }

    /** @return frames (or audio packets) ffprobe counts by decoding the first stream */
    static int countFrames(Path dir, Path file, String streamType, String... inputOptions)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ffprobe", "-v", "error"));
        cmd.addAll(List.of(inputOptions));
        cmd.addAll(List.of("-count_frames", "-select_streams", streamType + ":0", "-show_entries",
                "stream=nb_read_frames", "-of", "csv=p=0", file.toString()));
        Result r = run(dir, cmd.toArray(String[]::new));
        assertThat(r.exit()).as("ffprobe: %s", r.stderr()).isZero();
        assertThat(r.stderr()).as("ffprobe errors").isBlank();
        return Integer.parseInt(r.stdout().trim().split("[,\\s]")[0]);
    }

    /** Decodes {@code file} fully and asserts ffmpeg reports no error. */
    static void decodesCleanly(Path dir, Path file, String... inputOptions) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-xerror"));
        cmd.addAll(List.of(inputOptions));
        cmd.addAll(List.of("-i", file.toString(), "-f", "null", "-"));
        Result r = run(dir, cmd.toArray(String[]::new));
        assertThat(r.exit()).as("decode %s: %s", file, r.stderr()).isZero();
        assertThat(r.stderr()).as("decoder errors for %s", file).isBlank();
    }
}
