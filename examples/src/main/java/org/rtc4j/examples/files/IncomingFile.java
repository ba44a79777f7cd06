package org.rtc4j.examples.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import me.tongfei.progressbar.ProgressBar;
import org.rtc4j.examples.peer.CliFailure;
import org.rtc4j.examples.peer.Progress;

/**
 * One file being received: written to a temp file in the target directory, hashed on the way,
 * renamed into place only when complete and matching; deleted on any failure, so no partial
 * file is ever left under the final name (nor under the temp name).
 */
final class IncomingFile {
    final String name;
    final long size;
    final String sha256;
    private final Path target;
    private final boolean force;
    private final Path temp;
    private final OutputStream out;
    private final MessageDigest md = FileMessages.sha256();
    private final ProgressBar bar;
    private long received;
    private boolean closed;

    /**
     * @throws CliFailure if the name or size is refused, the target exists without
     *                    {@code force}, or the temp file cannot be created
     */
    IncomingFile(Path dir, String name, long size, String sha256, boolean force) {
        String why = FileMessages.refuseName(name);
        if (why != null) {
            throw new CliFailure(1, "refused: " + why);
        }
        if (size < 0 || sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new CliFailure(1, "refused " + name + ": bad size or sha256 in the header");
        }
        this.name = name;
        this.size = size;
        this.sha256 = sha256;
        this.force = force;
        this.target = dir.resolve(name);
        if (!force && Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new CliFailure(1, "refused " + name + ": " + target + " exists (use --force to overwrite)");
        }
        try {
            this.temp = Files.createTempFile(dir, ".rtc4j-", ".part");
        } catch (IOException e) {
            throw new CliFailure(1, "cannot write in " + dir + ": " + e);
        }
        try {
            this.out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 20);
        } catch (IOException e) {
            deleteTemp();
            throw new CliFailure(1, "cannot write " + temp + ": " + e);
        }
        this.bar = Progress.bytes(name, size);
    }

    /** @return true when the last byte has arrived */
    boolean write(byte[] data) {
        if (received + data.length > size) {
            throw new CliFailure(1, name + ": more data than the announced " + size + " bytes");
        }
        try {
            out.write(data);
        } catch (IOException e) {
            throw new CliFailure(1, "cannot write " + name + ": " + e);
        }
        md.update(data);
        received += data.length;
        bar.stepTo(received);
        return received == size;
    }

    boolean complete() {
        return received == size;
    }

    /** Checks the hash and renames the temp file into place. */
    Path finish() {
        close();
        String got = HexFormat.of().formatHex(md.digest());
        if (!got.equals(sha256)) {
            deleteTemp();
            throw new CliFailure(1, name + ": SHA-256 mismatch (announced " + sha256 + ", received " + got + ")");
        }
        try {
            if (force) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.move(temp, target); // refuses a file that appeared meanwhile
            }
        } catch (IOException e) {
            deleteTemp();
            throw new CliFailure(1, "cannot save " + target + ": " + e);
        }
        return target;
    }

    /** Gives up: closes and deletes the temp file. */
    void abort() {
        close();
        deleteTemp();
    }

    private void close() {
        if (closed) {
            return;
        }
        closed = true;
        bar.close();
        try {
            out.close();
        } catch (IOException e) {
            // Deleted or reported by the caller.
        }
    }

    private void deleteTemp() {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // Nothing more we can do; the caller reports the original failure.
        }
    }
}
