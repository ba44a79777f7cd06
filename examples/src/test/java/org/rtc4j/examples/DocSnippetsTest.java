package org.rtc4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java block in the project's Markdown — README.md, each module's README.md and docs/ — is
 * compiled against the real jars, and each whole program among them is run and must exit 0, so
 * the documentation cannot drift from the API. See {@link DocSnippet} for the markers a page uses.
 */
class DocSnippetsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> JAVA_IMPORTS = List.of(
            "java.io.*", "java.net.*", "java.nio.*", "java.nio.file.*", "java.time.*", "java.util.*",
            "java.util.concurrent.*", "java.util.function.*");
    private static final List<String> APP_IMPORTS = List.of(
            "org.rtc4j.*", "org.rtc4j.media.*", "org.rtc4j.transport.*", "org.rtc4j.signaling.server.*",
            "org.rtc4j.signaling.client.*", "org.rtc4j.signaling.service.*", "org.rtc4j.examples.DocGiven.*");
    private static final long RUN_SECONDS = 120;

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> everyJavaBlockCompilesAndEveryProgramRuns() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path page : pages()) {
            List<String> imports = imports(page);
            for (DocSnippet s : DocSnippet.read(page)) {
                String name = ROOT.relativize(s.page()) + ":" + s.line() + (!s.program() ? ""
                        : s.browserUrl() != null ? " (run with Chromium)"
                        : s.compileOnlyReason() == null ? " (run)" : " (compile only)");
                tests.add(DynamicTest.dynamicTest(name, () -> check(s, imports)));
            }
        }
        return tests.stream();
    }

    /** The pages exist and hold blocks, so an empty scan cannot pass for a green one. */
    @Test
    void theScanFindsThePagesAndTheirBlocks() throws IOException {
        List<Path> pages = pages();
        assertThat(pages).contains(ROOT.resolve("README.md"), ROOT.resolve("signaling/README.md"));
        assertThat(pages).anySatisfy(p -> assertThat(p.startsWith(ROOT.resolve("docs"))).isTrue());
        long blocks = 0;
        long programs = 0;
        for (Path p : pages) {
            for (DocSnippet s : DocSnippet.read(p)) {
                blocks++;
                programs += s.program() && s.compileOnlyReason() == null ? 1 : 0;
            }
        }
        assertThat(blocks).isGreaterThanOrEqualTo(20);
        assertThat(programs).isGreaterThanOrEqualTo(3);
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> modules = Files.list(ROOT)) {
            modules.map(m -> m.resolve("README.md")).filter(Files::isRegularFile).sorted().forEach(pages::add);
        }
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** What a reader of the page has imported: the module's own packages, or the app-level ones. */
    private static List<String> imports(Path page) throws IOException {
        List<String> out = new ArrayList<>(JAVA_IMPORTS);
        Path dir = page.getParent();
        Path sources = dir.resolve("src/main/java");
        if (dir.equals(ROOT) || dir.startsWith(ROOT.resolve("docs")) || !Files.isDirectory(sources)) {
            out.addAll(APP_IMPORTS);
            return out;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            // A package with only package-info.java has no class to import: javac refuses its
            // wildcard. module-info.java sits in no package at all.
            files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java")
                            && !p.endsWith("module-info.java"))
                    .map(Path::getParent).distinct().sorted()
                    .map(p -> sources.relativize(p).toString().replace(File.separatorChar, '.') + ".*")
                    .forEach(out::add);
        }
        return out;
    }

    private void check(DocSnippet s, List<String> imports) throws Exception {
        // A directory per block, so no block compiles or runs against another one's classes.
        Path dir = Files.createTempDirectory(work, "block");
        Path src = Files.createDirectories(dir.resolve("src"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path file = src.resolve(s.fileName());
        String source = s.source(imports);
        Files.writeString(file, source);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter out = new StringWriter();
        boolean ok;
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            ok = javac.getTask(out, files, diagnostics,
                    List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString(),
                            "-proc:none", "-Xlint:none"),
                    null, files.getJavaFileObjects(file)).call();
        }
        StringBuilder errors = new StringBuilder();
        diagnostics.getDiagnostics().forEach(d -> errors.append(s).append(" (source line ").append(d.getLineNumber())
                .append("): ").append(d.getMessage(null)).append('\n'));
        assertThat(ok).as("%s does not compile:%n%s%n--- as compiled ---%n%s", s, errors, source).isTrue();

        if (s.program() && s.browserUrl() != null) {
            withBrowser(s, classes);
        } else if (s.program() && s.compileOnlyReason() == null) {
            run(s, classes);
        }
    }

    private Process start(DocSnippet s, Path classes, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path cwd = classes.getParent();
        return new ProcessBuilder(java, "-cp", classes + File.pathSeparator + System.getProperty("java.class.path"),
                s.mainClass())
                .directory(cwd.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /** Starts the program, points headless Chromium at its page, and waits for the line it must print. */
    private void withBrowser(DocSnippet s, Path classes) throws Exception {
        if (!Browser.available()) {
            // In CI the browser must be there (the tests run in their namespace as root).
            assertThat(System.getenv("CI")).as("%s needs root and Chromium, which CI has", s).isNull();
            Assumptions.abort("needs root (own network namespace) and /usr/bin/chromium");
        }
        Path log = classes.resolveSibling("run.log");
        Process p = start(s, classes, log);
        try {
            waitFor(log, p, "open " + s.browserUrl(), 30);
            try (Browser browser = new Browser(s.browserUrl())) {
                waitFor(log, p, s.expect(), RUN_SECONDS);
            }
        } finally {
            p.destroyForcibly().waitFor();
            System.out.printf("--- %s printed:%n%s", s, Files.readString(log));
        }
    }

    private static void waitFor(Path log, Process p, String text, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!Files.readString(log).contains(text)) {
            assertThat(p.isAlive()).as("the program exited before printing '%s':%n%s", text, Files.readString(log))
                    .isTrue();
            assertThat(System.nanoTime() < deadline).as("no '%s' within %d s:%n%s", text, seconds, Files.readString(log))
                    .isTrue();
            Thread.sleep(100);
        }
    }

    private void run(DocSnippet s, Path classes) throws Exception {
        Path log = classes.resolveSibling("run.log");
        Process p = start(s, classes, log);
        boolean exited = p.waitFor(RUN_SECONDS, TimeUnit.SECONDS);
        if (!exited) {
            p.destroyForcibly().waitFor();
        }
        String output = Files.readString(log);
        System.out.printf("--- %s printed:%n%s", s, output);
        assertThat(exited).as("%s still running after %d s:%n%s", s, RUN_SECONDS, output).isTrue();
        assertThat(p.exitValue()).as("%s exited with %d:%n%s", s, p.exitValue(), output).isZero();
    }
}
