package org.rtc4j.examples.sdp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.rtc4j.sdp.SdpParseException;
import org.rtc4j.sdp.SessionDescription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rtc4j sdp check [--json] FILE...}: parses each file, formats it again and compares.
 * Prints {@code FILE: OK round-trip exact}, the first difference, or the parse error with its line.
 */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = {"Parse each SDP file, write it back and compare byte for byte.",
            "Exit 0 only if every file parsed and round-tripped; 1 otherwise; 2 for bad usage."})
public final class SdpCheckCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object per file (the typed model) instead of text.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "SDP files to check.")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        boolean allOk = true;
        for (Path file : files) {
            CheckResult r = check(file);
            allOk &= r.ok();
            if (json) {
                out.println(JSON.writeValueAsString(r.toJson(file)));
            } else {
                out.println(file + ": " + r.message());
            }
        }
        out.flush();
        return allOk ? 0 : 1;
    }

    static CheckResult check(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return CheckResult.unreadable(e.toString());
        }
        SessionDescription sdp;
        try {
            sdp = SessionDescription.parse(bytes);
        } catch (SdpParseException e) {
            return CheckResult.parseError(e);
        }
        return CheckResult.compared(new String(bytes, StandardCharsets.UTF_8), sdp);
    }

    /** The outcome for one file. */
    record CheckResult(boolean ok, String message, SessionDescription sdp, SdpParseException error,
                       int diffLine, String expected, String got) {

        static CheckResult unreadable(String why) {
            return new CheckResult(false, "ERROR cannot read: " + why, null, null, 0, null, null);
        }

        static CheckResult parseError(SdpParseException e) {
            return new CheckResult(false, "ERROR " + e.getMessage(), null, e, 0, null, null);
        }

        static CheckResult compared(String input, SessionDescription sdp) {
            String output = sdp.format();
            if (output.equals(input)) {
                return new CheckResult(true, "OK round-trip exact", sdp, null, 0, null, null);
            }
            String in = input.replace("\r\n", "\n");
            String outLf = output.replace("\r\n", "\n");
            // A pure-LF file is accepted and written back with CRLF by design; mixed files are a real diff.
            if (input.indexOf('\r') < 0 && (outLf.equals(in) || outLf.equals(in + "\n"))) {
                return new CheckResult(true, "OK round-trip exact except line endings (written back with CRLF)",
                        sdp, null, 0, null, null);
            }
            String[] a = input.split("\n", -1);
            String[] b = output.split("\n", -1);
            int i = 0;
            while (i < a.length && i < b.length && a[i].equals(b[i])) {
                i++;
            }
            String expected = i < a.length ? a[i] : "<end of file>";
            String got = i < b.length ? b[i] : "<end of file>";
            return new CheckResult(false, "DIFF at line " + (i + 1) + ": expected \"" + escape(expected)
                    + "\" got \"" + escape(got) + "\"", sdp, null, i + 1, expected, got);
        }

        ObjectNode toJson(Path file) {
            ObjectNode n = JSON.createObjectNode();
            n.put("file", file.toString());
            n.put("ok", ok);
            n.put("result", message);
            if (error != null) {
                ObjectNode e = n.putObject("error");
                e.put("line", error.lineNumber());
                e.put("reason", error.reason());
                e.put("text", error.line());
            }
            if (diffLine > 0) {
                ObjectNode d = n.putObject("difference");
                d.put("line", diffLine);
                d.put("expected", expected);
                d.put("got", got);
            }
            if (sdp != null) {
                n.set("sdp", SdpJson.toJson(sdp));
            }
            return n;
        }
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\r", "\\r").replace("\t", "\\t");
    }
}
