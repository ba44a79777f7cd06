package org.rtc4j.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtc4j.signaling.server.SocketIoServer;

/**
 * The socket.io-client files that rtc4j-signaling carries: the npm package's bytes, served at the
 * stock server's paths with its caching headers, and replaceable.
 */
class ClientDistTest {
    private static final String RESOURCES = "org/rtc4j/signaling/client-dist/";
    private static final List<String> FILES = List.of("socket.io.js", "socket.io.js.map", "socket.io.min.js",
            "socket.io.min.js.map", "socket.io.msgpack.min.js", "socket.io.msgpack.min.js.map",
            "socket.io.esm.min.js", "socket.io.esm.min.js.map");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Path npmPackage;

    @TempDir
    Path tmp;

    @BeforeAll
    static void installNpmPackage() throws Exception {
        // npm ci checks the tarball against package-lock.json's sha512 integrity, so the files under
        // node_modules are the registry's socket.io-client 4.8.1.
        NodeFixture.install();
        npmPackage = NodeFixture.DIR.resolve("node_modules/socket.io-client");
    }

    @Test
    void theBundledFilesAreTheNpmPackagesByteForByte() throws Exception {
        assertThat(new ObjectMapper().readTree(npmPackage.resolve("package.json").toFile()).path("version").asText())
                .isEqualTo("4.8.1");
        for (String name : FILES) {
            assertThat(sha256(resource(name))).as(name).isEqualTo(sha256(Files.readAllBytes(npmPackage.resolve("dist/" + name))));
        }
        assertThat(new String(resource("LICENSE"), java.nio.charset.StandardCharsets.UTF_8)).startsWith("The MIT License")
                .isEqualTo(Files.readString(npmPackage.resolve("LICENSE")));
    }

    @Test
    void everyBuildIsServedAtTheStockPathWithTheStockHeaders() throws Exception {
        try (SocketIoServer server = SocketIoServer.builder().build().start()) {
            for (String name : FILES) {
                HttpResponse<byte[]> r = get(server, "/socket.io/" + name + "?v=1", null);
                assertThat(r.statusCode()).as(name).isEqualTo(200);
                assertThat(r.body()).as(name).isEqualTo(resource(name));
                assertThat(r.headers().firstValue("content-type")).as(name).hasValue(name.endsWith(".map")
                        ? "application/json; charset=utf-8" : "application/javascript; charset=utf-8");
                assertThat(r.headers().firstValue("etag")).hasValue("\"4.8.1\"");
                assertThat(r.headers().firstValue("cache-control")).hasValue("public, max-age=0");
            }
            HttpResponse<byte[]> head = HTTP.send(HttpRequest.newBuilder(uri(server, "/socket.io/socket.io.js"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.headers().firstValueAsLong("content-length")).hasValue(resource("socket.io.js").length);
        }
    }

    @Test
    void aBrowserThatHasTheReleaseIsAnsweredNotModified() throws Exception {
        try (SocketIoServer server = SocketIoServer.builder().build().start()) {
            for (String etag : List.of("\"4.8.1\"", "W/\"4.8.1\"")) {
                HttpResponse<byte[]> r = get(server, "/socket.io/socket.io.min.js", etag);
                assertThat(r.statusCode()).isEqualTo(304);
                assertThat(r.body()).isEmpty();
            }
            assertThat(get(server, "/socket.io/socket.io.min.js", "\"4.7.5\"").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void namesTheStockServerHasNoFileForAreNotFound() throws Exception {
        try (SocketIoServer server = SocketIoServer.builder().build().start()) {
            for (String path : List.of("/socket.io/socket.io.esm.js", "/socket.io/socket.io.msgpack.js",
                    "/socket.io/../socket.io.js", "/socket.io/socket.io.min.js.gz", "/socket.io.min.js")) {
                assertThat(get(server, path, null).statusCode()).as(path).isEqualTo(404);
            }
        }
    }

    @Test
    void theClientFollowsTheEnginePath() throws Exception {
        try (SocketIoServer server = SocketIoServer.builder().path("/rt/").build().start()) {
            assertThat(get(server, "/rt/socket.io.min.js", null).body()).isEqualTo(resource("socket.io.min.js"));
            assertThat(get(server, "/socket.io/socket.io.min.js", null).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void serveClientFalseServesNone() throws Exception {
        try (SocketIoServer server = SocketIoServer.builder().serveClient(false).build().start()) {
            for (String name : FILES) {
                assertThat(get(server, "/socket.io/" + name, null).statusCode()).as(name).isEqualTo(404);
            }
        }
    }

    @Test
    void aFileReplacesTheMinifiedBuildAndADirectoryReplacesThemAll() throws Exception {
        Path file = Files.writeString(tmp.resolve("custom.js"), "/* another client */");
        try (SocketIoServer server = SocketIoServer.builder().clientBundle(file).build().start()) {
            HttpResponse<byte[]> r = get(server, "/socket.io/socket.io.min.js", "\"4.8.1\"");
            assertThat(r.statusCode()).isEqualTo(200); // not the bundled release, so no 304 for its ETag
            assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("/* another client */");
            assertThat(r.headers().firstValue("etag")).isEmpty();
            assertThat(get(server, "/socket.io/socket.io.js", null).body()).isEqualTo(resource("socket.io.js"));
        }
        Path dir = Files.createDirectory(tmp.resolve("dist"));
        Files.writeString(dir.resolve("socket.io.js"), "/* full */");
        try (SocketIoServer server = SocketIoServer.builder().clientBundle(dir).build().start()) {
            assertThat(new String(get(server, "/socket.io/socket.io.js", null).body(),
                    java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("/* full */");
            assertThat(get(server, "/socket.io/socket.io.min.js", null).statusCode()).isEqualTo(404);
        }
    }

    private static HttpResponse<byte[]> get(SocketIoServer server, String path, String ifNoneMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(server, path));
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static URI uri(SocketIoServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ClientDistTest.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static String sha256(byte[] b) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
