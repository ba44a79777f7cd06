package org.rtc4j.signaling.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The socket.io-client browser builds that the stock socket.io server serves under its path
 * ({@code socket.io.js}, {@code .min.js}, the msgpack and ESM builds, and their source maps).
 * rtc4j-signaling carries the 4.8.1 dist files of the npm package byte for byte (with its MIT
 * licence) so that a page written for socket.io loads its client from the rtc4j server with no
 * npm install; a test checks their SHA-256 against the npm package's.
 */
final class ClientDist {
    /** The socket.io-client release of the bundled files; also the ETag, as the stock server sends. */
    static final String VERSION = "4.8.1";
    /** Classpath folder of the bundled files. */
    static final String RESOURCE_DIR = "org/rtc4j/signaling/client-dist/";
    /** Every file the stock server would serve; requests for other names are not the client's. */
    static final List<String> FILES = List.of("socket.io.js", "socket.io.js.map", "socket.io.min.js",
            "socket.io.min.js.map", "socket.io.msgpack.min.js", "socket.io.msgpack.min.js.map",
            "socket.io.esm.min.js", "socket.io.esm.min.js.map");
    /** The stock server's own pattern for client requests, after its path. */
    private static final Pattern NAME = Pattern.compile("socket\\.io(\\.msgpack|\\.esm)?(\\.min)?\\.js(\\.map)?");

    /** Loaded once: 1.2 MB in all, read on the first request for each file. */
    private static final Map<String, byte[]> BUNDLED = new ConcurrentHashMap<>();

    private final Path override;

    /**
     * @param override null for the bundled files; a file to serve as {@code socket.io.min.js}
     *                 instead of the bundled one; or a directory (such as an npm install's
     *                 {@code node_modules/socket.io-client/dist}) whose files replace all of them
     */
    ClientDist(Path override) {
        this.override = override;
    }

    /** Whether a name after the engine path is a client request in the stock server's sense. */
    static boolean isClientName(String name) {
        return NAME.matcher(name).matches();
    }

    /** Whether the answer carries the bundled release as ETag (an override's version is unknown). */
    boolean bundled(String name) {
        return override == null || (!Files.isDirectory(override) && !name.equals("socket.io.min.js"));
    }

    /** The bytes for a client name, or null when there is no such file. */
    byte[] read(String name) throws IOException {
        if (!FILES.contains(name)) {
            return null;
        }
        if (override != null) {
            if (Files.isDirectory(override)) {
                Path f = override.resolve(name);
                return Files.isRegularFile(f) ? Files.readAllBytes(f) : null;
            }
            if (name.equals("socket.io.min.js")) {
                return Files.isRegularFile(override) ? Files.readAllBytes(override) : null;
            }
        }
        try {
            return BUNDLED.computeIfAbsent(name, ClientDist::load);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static byte[] load(String name) {
        try (InputStream in = ClientDist.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IOException("resource " + RESOURCE_DIR + name + " missing from rtc4j-signaling");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
