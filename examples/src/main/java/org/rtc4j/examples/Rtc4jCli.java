package org.rtc4j.examples;

import java.io.PrintWriter;
import org.rtc4j.examples.sdp.SdpCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code rtc4j} command line. Each command is its own class listed in {@code subcommands}
 * (later: demo, echo, chat, send, receive, bench, signal-server, token).
 *
 * <p>Exit codes: 0 success, 1 the command ran and something failed, 2 bad usage.
 */
@Command(name = "rtc4j",
        mixinStandardHelpOptions = true,
        versionProvider = Rtc4jCli.Version.class,
        description = "rtc4j: a pure-Java WebRTC peer. Run a command with --help for its options.",
        subcommands = {SdpCommand.class, CommandLine.HelpCommand.class})
public final class Rtc4jCli implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** @return a fresh command line (tests run it in-process) */
    public static CommandLine commandLine() {
        return new CommandLine(new Rtc4jCli());
    }

    /** Runs in-process with the given output streams and returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Entry point of {@code ./rtc4j} and {@code java -jar rtc4j.jar}. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** Reads the version from the jar manifest when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Rtc4jCli.class.getPackage().getImplementationVersion();
            return new String[] {"rtc4j " + (v == null ? "0.1.0-SNAPSHOT" : v)};
        }
    }
}
