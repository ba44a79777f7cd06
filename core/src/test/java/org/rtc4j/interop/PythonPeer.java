package org.rtc4j.interop;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Python script from {@code src/test/resources/interop/} run with the system's
 * {@code /usr/bin/python3} (where Debian's python3-aiortc and PyGObject live), talking
 * {@link Envelope}s over its stdin and stdout as a {@link ProcessPeer}.
 */
final class PythonPeer extends ProcessPeer {
    static final Path PYTHON = Path.of("/usr/bin/python3");

    PythonPeer(String script, String... args) throws IOException, URISyntaxException {
        super("python", command(script, args));
    }

    private static ProcessBuilder command(String script, String... args) throws URISyntaxException {
        Path path = Path.of(PythonPeer.class.getResource("/interop/" + script).toURI());
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), "-u", path.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("PYTHONIOENCODING", "utf-8");
        return pb;
    }

    static boolean available() {
        return Files.isExecutable(PYTHON);
    }
}
