package org.rtc4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTransferTest {
    /** 100 MiB by default, as the issue asks; {@code -Drtc4j.transferMb=N} to change. */
    private static final int MB = Integer.getInteger("rtc4j.transferMb", 100);
    private static TestServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        server = new TestServer(null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void sendToReceiveMatchesByHash() throws Exception {
        Path src = Files.createDirectory(tmp.resolve("src"));
        Path dst = Files.createDirectory(tmp.resolve("dst"));
        Path big = randomFile(src.resolve("big.bin"), (long) MB << 20);
        Path small = randomFile(src.resolve("small.txt"), 1234);
        Path empty = Files.createFile(src.resolve("empty"));
        try (CliRun receive = CliRun.start(server.peer("receive", "files-ok", dst.toString()))) {
            receive.awaitEvent("joined");
            try (CliRun send = CliRun.start(server.peer("send", "files-ok", big.toString(), small.toString(), empty.toString()))) {
                assertThat(send.awaitExit()).as(send.err.text()).isZero();
                JsonNode sent = send.awaitEvent("file-sent", n -> n.path("name").asText().equals("big.bin"));
                assertThat(sent.path("sha256").asText()).isEqualTo(sha256(big));
                assertThat(sent.path("throughput_mbit_s").asDouble()).isPositive();
            }
            assertThat(receive.awaitExit()).as(receive.err.text()).isZero();
            JsonNode got = receive.awaitEvent("file-received", n -> n.path("name").asText().equals("big.bin"));
            assertThat(got.path("size").asLong()).isEqualTo((long) MB << 20);
        }
        assertThat(sha256(dst.resolve("big.bin"))).isEqualTo(sha256(big));
        assertThat(sha256(dst.resolve("small.txt"))).isEqualTo(sha256(small));
        assertThat(Files.size(dst.resolve("empty"))).isZero();
        assertThat(names(dst)).containsExactlyInAnyOrder("big.bin", "small.txt", "empty");
    }

    @Test
    void anExistingFileIsNotOverwrittenWithoutForce() throws Exception {
        Path src = Files.createDirectory(tmp.resolve("src"));
        Path dst = Files.createDirectory(tmp.resolve("dst"));
        Path file = randomFile(src.resolve("report.pdf"), 100_000);
        Files.writeString(dst.resolve("report.pdf"), "keep me");
        try (CliRun receive = CliRun.start(server.peer("receive", "files-exists", dst.toString()))) {
            receive.awaitEvent("joined");
            try (CliRun send = CliRun.start(server.peer("send", "files-exists", file.toString()))) {
                assertThat(send.awaitExit()).isEqualTo(1);
                assertThat(send.awaitEvent("error").path("message").asText())
                        .contains("the receiver refused report.pdf").contains("exists (use --force to overwrite)");
            }
            assertThat(receive.awaitExit()).isEqualTo(1);
            assertThat(receive.awaitEvent("error").path("message").asText()).contains("exists");
        }
        assertThat(Files.readString(dst.resolve("report.pdf"))).isEqualTo("keep me");
        assertThat(names(dst)).containsExactly("report.pdf");
    }

    /**
     * The target name collides with a non-empty directory and --force is given: the whole file
     * arrives in a temp file, the final rename fails, and the temp file must be gone.
     */
    @Test
    void aFailedSaveLeavesNoPartialFile() throws Exception {
        Path src = Files.createDirectory(tmp.resolve("src"));
        Path dst = Files.createDirectory(tmp.resolve("dst"));
        Path file = randomFile(src.resolve("clash.bin"), 3 << 20);
        Files.writeString(Files.createDirectory(dst.resolve("clash.bin")).resolve("inside"), "x");
        try (CliRun receive = CliRun.start(server.peer("receive", "files-clash", dst.toString(), "--force"))) {
            receive.awaitEvent("joined");
            try (CliRun send = CliRun.start(server.peer("send", "files-clash", file.toString()))) {
                assertThat(send.awaitExit()).isEqualTo(1);
            }
            assertThat(receive.awaitExit()).isEqualTo(1);
            assertThat(receive.awaitEvent("error").path("message").asText()).contains("cannot save").contains("clash.bin");
        }
        assertThat(names(dst)).containsExactly("clash.bin");
        assertThat(names(dst.resolve("clash.bin"))).containsExactly("inside");
    }

    @Test
    void aSenderGoneMidFileLeavesNoPartialFile() throws Exception {
        Path src = Files.createDirectory(tmp.resolve("src"));
        Path dst = Files.createDirectory(tmp.resolve("dst"));
        Path file = randomFile(src.resolve("cut.bin"), 64L << 20);
        try (CliRun receive = CliRun.start(server.peer("receive", "files-cut", dst.toString()))) {
            receive.awaitEvent("joined");
            try (CliRun send = CliRun.start(server.peer("send", "files-cut", file.toString()))) {
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (names(dst).stream().noneMatch(n -> n.endsWith(".part")) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(names(dst)).anyMatch(n -> n.startsWith(".rtc4j-") && n.endsWith(".part"));
                send.interrupt(); // like Ctrl-C: the sender leaves the room mid-file
            }
            assertThat(receive.awaitExit()).isEqualTo(1);
            assertThat(receive.awaitEvent("error").path("message").asText()).contains("left").contains("during cut.bin");
        }
        assertThat(names(dst)).isEmpty();
    }

    /**
     * Root ignores permission bits, so "read-only" is made real with the immutable attribute
     * ({@code chattr +i}, which binds root too) where the file system has it, else a directory
     * of /proc (where no one can create files).
     */
    @Test
    void receiveIntoAReadOnlyDirectoryFailsCleanly() throws Exception {
        Path dst = Files.createDirectory(tmp.resolve("ro"));
        boolean immutable = new ProcessBuilder("chattr", "+i", dst.toString()).start().waitFor() == 0;
        Path dir = immutable ? dst : Path.of("/proc/self");
        try (CliRun receive = CliRun.start(server.peer("receive", "files-ro", dir.toString()))) {
            assertThat(receive.awaitExit()).isEqualTo(1);
            assertThat(receive.awaitEvent("error").path("message").asText()).startsWith("cannot write in " + dir);
        } finally {
            if (immutable) {
                new ProcessBuilder("chattr", "-i", dst.toString()).start().waitFor();
            }
        }
        assertThat(names(dst)).isEmpty();
    }

    @Test
    void receiveIntoAFileIsUsageError() throws Exception {
        Path notDir = Files.writeString(tmp.resolve("plain"), "x");
        try (CliRun receive = CliRun.start(server.peer("receive", "files-nodir", notDir.toString()))) {
            assertThat(receive.awaitExit()).isEqualTo(2);
            assertThat(receive.awaitEvent("error").path("message").asText()).endsWith("not a directory");
        }
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static Path randomFile(Path p, long size) throws Exception {
        Random r = new Random(size);
        byte[] buf = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(p)) {
            for (long left = size; left > 0; ) {
                r.nextBytes(buf);
                int n = (int) Math.min(buf.length, left);
                out.write(buf, 0, n);
                left -= n;
            }
        }
        return p;
    }

    private static String sha256(Path p) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(Files.readAllBytes(p));
        return HexFormat.of().formatHex(md.digest());
    }
}
