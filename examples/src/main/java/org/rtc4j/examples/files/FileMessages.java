package org.rtc4j.examples.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.rtc4j.examples.peer.CliFailure;

/**
 * The file-transfer protocol on one data channel. Text messages are JSON: the sender's
 * {@code {type:"file", name, size, sha256}} precedes the file's bytes as binary messages; the
 * receiver answers each file with {@code {type:"ok"}} or {@code {type:"error", message}}; the
 * sender ends with {@code {type:"end"}}, answered by {@code {type:"bye"}}.
 */
final class FileMessages {
    static final ObjectMapper JSON = new ObjectMapper();

    private FileMessages() {
    }

    static String json(Object... keyValues) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        try {
            return JSON.writeValueAsString(m);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode parse(String text) {
        try {
            JsonNode n = JSON.readTree(text);
            if (n == null || !n.isObject() || !n.path("type").isTextual()) {
                throw new CliFailure(1, "unexpected message from the peer: " + abbreviate(text));
            }
            return n;
        } catch (IOException e) {
            throw new CliFailure(1, "unexpected message from the peer: " + abbreviate(text));
        }
    }

    /** The message as a protocol object, or null if it is not one. */
    static JsonNode parseOrNull(String text) {
        try {
            JsonNode n = JSON.readTree(text);
            return n != null && n.isObject() && n.path("type").isTextual() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest md = sha256();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * Checks a file name from the peer: a plain name, never a path.
     *
     * @return why it is refused, or null if it is acceptable
     */
    static String refuseName(String name) {
        if (name == null || name.isEmpty()) {
            return "empty file name";
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            return "file name '" + name + "' contains a path separator";
        }
        if (name.equals(".") || name.equals("..") || name.indexOf('\0') >= 0 || name.length() > 255) {
            return "file name '" + abbreviate(name) + "' is not allowed";
        }
        return null;
    }
}
