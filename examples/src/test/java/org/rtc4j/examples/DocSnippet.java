package org.rtc4j.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code ```java} block of a Markdown page, with what the comment line before it says about it.
 *
 * <p>The markers are HTML comments, invisible on the rendered page, on the line just before the
 * fence:
 * <ul>
 *   <li>{@code <!-- snippet: given Type name; Type name -->} — a fragment uses these variables, which
 *       the page introduced in prose or in an earlier block; the check declares them as parameters.
 *   <li>{@code <!-- snippet: compile-only REASON -->} — a whole program that cannot run in CI on its
 *       own; it is compiled, not run, and the reason is kept.
 *   <li>{@code <!-- snippet: browser URL prints TEXT -->} — a program that serves a page and runs
 *       until stopped: the check starts it, opens headless Chromium at URL, waits for TEXT in the
 *       program's output, then stops it.
 * </ul>
 * A block declaring a top-level type is a compilation unit; one with {@code main} is also run.
 * Anything else is a fragment: statements, compiled inside a method.
 */
record DocSnippet(Path page, int line, String code, String given, String compileOnlyReason, String browserUrl,
                  String expect) {
    private static final Pattern MARKER = Pattern.compile(
            "<!--\\s*snippet:\\s*(given|compile-only|browser)\\s*(.*?)\\s*-->");
    private static final Pattern BROWSER = Pattern.compile("(\\S+)\\s+prints\\s+(.+)");
    private static final Pattern TYPE = Pattern.compile(
            "(?m)^(?:public\\s+)?(?:final\\s+|abstract\\s+)?(class|record|interface|enum)\\s+(\\w+)");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "(?m)^public\\s+(?:final\\s+|abstract\\s+)?(?:class|record|interface|enum)\\s+(\\w+)");
    private static final Pattern MAIN = Pattern.compile("static\\s+void\\s+main\\s*\\(");

    /** Every Java block of the page, in order. */
    static List<DocSnippet> read(Path page) throws IOException {
        List<String> lines = Files.readAllLines(page);
        List<DocSnippet> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```java")) {
                continue;
            }
            String given = "";
            String compileOnly = null;
            String browserUrl = null;
            String expect = null;
            // Markers may stack on the lines just above the fence.
            for (int j = i - 1; j >= 0 && lines.get(j).strip().startsWith("<!--"); j--) {
                Matcher m = MARKER.matcher(lines.get(j));
                if (!m.find()) {
                    throw new IllegalStateException(page + ":" + (j + 1) + ": unknown snippet marker: " + lines.get(j));
                }
                if (m.group(1).equals("given")) {
                    given = m.group(2);
                } else if (m.group(1).equals("browser")) {
                    Matcher b = BROWSER.matcher(m.group(2));
                    if (!b.matches()) {
                        throw new IllegalStateException(page + ":" + (j + 1) + ": want 'browser URL prints TEXT'");
                    }
                    browserUrl = b.group(1);
                    expect = b.group(2);
                } else {
                    compileOnly = m.group(2).isEmpty() ? "(no reason given)" : m.group(2);
                }
            }
            int start = i + 1;
            StringBuilder code = new StringBuilder();
            int k = start;
            while (k < lines.size() && !lines.get(k).strip().equals("```")) {
                code.append(lines.get(k)).append('\n');
                k++;
            }
            if (k == lines.size()) {
                throw new IllegalStateException(page + ":" + (i + 1) + ": unterminated java block");
            }
            out.add(new DocSnippet(page, start, code.toString(), given, compileOnly, browserUrl, expect));
            i = k;
        }
        return out;
    }

    /** Whether the block is a whole compilation unit rather than statements. */
    boolean compilationUnit() {
        return TYPE.matcher(code).find();
    }

    /** Whether the block is a program to run. */
    boolean program() {
        return compilationUnit() && MAIN.matcher(code).find();
    }

    /** The file name javac needs: the public top-level type's, or the first type's. */
    String fileName() {
        Matcher pub = PUBLIC_TYPE.matcher(code);
        if (pub.find()) {
            return pub.group(1) + ".java";
        }
        Matcher any = TYPE.matcher(code);
        return (any.find() ? any.group(2) : "Snippet") + ".java";
    }

    /** The program's main class, package-qualified. */
    String mainClass() {
        Matcher pkg = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;").matcher(code);
        String simple = fileName().replace(".java", "");
        return pkg.find() ? pkg.group(1) + "." + simple : simple;
    }

    /**
     * The source to compile: the block itself, or for a fragment a class around it with the
     * imports a reader of that page has in mind and the given variables as parameters.
     */
    String source(List<String> imports) {
        if (compilationUnit()) {
            return code;
        }
        StringBuilder head = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String l : code.split("\n", -1)) {
            if (l.startsWith("import ")) {
                head.append(l).append('\n');
            } else {
                body.append("        ").append(l).append('\n');
            }
        }
        for (String imp : imports) {
            head.append("import ").append(imp).append(";\n");
        }
        String params = String.join(", ", given.isBlank() ? List.of() : List.of(given.split("\\s*;\\s*")));
        return head + "\n@SuppressWarnings(\"all\")\nclass Snippet {\n    void run(" + params + ") throws Exception {\n"
                + body + "    }\n}\n";
    }

    @Override
    public String toString() {
        return page.getFileName() + ":" + line;
    }
}
