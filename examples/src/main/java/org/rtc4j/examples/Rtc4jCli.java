package org.rtc4j.examples;

import java.io.PrintWriter;
import java.io.InputStream;
import org.rtc4j.examples.bench.BenchCommand;
import org.rtc4j.examples.chat.ChatCommand;
import org.rtc4j.examples.demo.DemoCommand;
import org.rtc4j.examples.echo.EchoCommand;
import org.rtc4j.examples.files.ReceiveCommand;
import org.rtc4j.examples.files.SendCommand;
import org.rtc4j.examples.server.SignalServerCommand;
import org.rtc4j.examples.server.TokenCommand;
import org.rtc4j.examples.sdp.SdpCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code rtc4j} command line. Each command is its own class listed in {@code subcommands}
 * ({@code play} and {@code record} come later).
 *
 * <p>Exit codes: 0 success, 1 the command ran and something failed (one line says why), 2 bad
 * usage or refused by the signaling server (bad token, room not allowed).
 */
@Command(name = "rtc4j",
        mixinStandardHelpOptions = true,
        versionProvider = Rtc4jCli.Version.class,
        description = "rtc4j: a pure-Java WebRTC peer. Run a command with --help for its options.",
        subcommands = {DemoCommand.class, SignalServerCommand.class, TokenCommand.class, EchoCommand.class,
                ChatCommand.class, SendCommand.class, ReceiveCommand.class, BenchCommand.class, SdpCommand.class, CommandLine.HelpCommand.class})
public final class Rtc4jCli implements Runnable {
    @Spec
    CommandSpec spec;

    private static final java.util.List<String> LEVELS = java.util.List.of("trace", "debug", "info", "warn", "error", "off");

    private InputStream in = System.in;

    /**
     * The CLI carries slf4j-simple (warnings and errors to stderr by default, set in
     * simplelogger.properties). The level is fixed when the first logger is made, which in this
     * process happens after the arguments are parsed, so the option can still change it.
     */
    @CommandLine.Option(names = "--log-level", paramLabel = "LEVEL", scope = CommandLine.ScopeType.INHERIT,
            description = "Library log lines on stderr at this level and above: trace, debug, info, warn (default), "
                    + "error or off. Per package: -Dorg.slf4j.simpleLogger.log.org.rtc4j.sctp=debug in RTC4J_JAVA_OPTS.")
    void logLevel(String level) {
        String l = level.toLowerCase(java.util.Locale.ROOT);
        if (!LEVELS.contains(l)) {
            throw new ParameterException(spec.commandLine(), "--log-level must be trace, debug, info, warn, error or off");
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", l);
    }

    /**
     * Shorthand for {@code --log-level debug}.
     *
     * @param on whether the flag was given
     */
    @CommandLine.Option(names = {"-v", "--verbose"}, scope = CommandLine.ScopeType.INHERIT,
            description = "Library log lines at debug level and above on stderr (same as --log-level debug).")
    void verbose(boolean on) {
        if (on) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
        }
    }

    /**
     * Standard input of the peer commands ({@code chat} reads it).
     *
     * @return the stream given to
     *         {@link #execute(InputStream, PrintWriter, PrintWriter, String...)}, or
     *         {@link System#in}
     */
    public InputStream in() {
        return in;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** @return a fresh command line (tests run it in-process) */
    public static CommandLine commandLine() {
        return new CommandLine(new Rtc4jCli());
    }

    /**
     * Runs in-process with the given output streams and returns the exit code; standard input
     * is {@link System#in}.
     *
     * @param out  receives the command's standard output (flushed before returning)
     * @param err  receives the command's standard error (flushed before returning)
     * @param args the command line, without the program name, e.g. {@code "token", "--help"}
     * @return the exit code: 0 success, 1 failure, 2 bad usage or refused
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return execute(System.in, out, err, args);
    }

    /**
     * Runs in-process with the given input and output streams and returns the exit code.
     *
     * @param in   the standard input of the peer commands
     * @param out  receives the command's standard output (flushed before returning)
     * @param err  receives the command's standard error (flushed before returning)
     * @param args the command line, without the program name
     * @return the exit code: 0 success, 1 failure, 2 bad usage or refused
     */
    public static int execute(InputStream in, PrintWriter out, PrintWriter err, String... args) {
        Rtc4jCli root = new Rtc4jCli();
        root.in = in;
        CommandLine cl = new CommandLine(root);
        cl.setOut(out);
        cl.setErr(err);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Entry point of {@code ./rtc4j} and {@code java -jar rtc4j.jar}: runs the command and exits
     * the JVM with its exit code. The {@code RTC4J_LOG} environment variable sets the default log
     * level unless the system property is already set.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        // RTC4J_LOG=debug does what --log-level debug does, for scripts that cannot add a flag;
        // the flag, parsed later, wins.
        String env = System.getenv("RTC4J_LOG");
        if (env != null && !env.isBlank() && System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            String level = env.trim().toLowerCase(java.util.Locale.ROOT);
            if (!LEVELS.contains(level)) {
                System.err.println("rtc4j: RTC4J_LOG must be trace, debug, info, warn, error or off, not '" + env + "'");
                System.exit(2);
            }
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
        }
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
