package org.rtc4j.examples.server;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rtc4j.signaling.service.SignalingTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Mints an HS256 token for a signaling server started with {@code --secret}. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Print a signaling token (HS256 JWT) that allows the given rooms.",
        footer = {"", "Examples:", "  rtc4j token --secret \"$SECRET\" --room demo",
                "  rtc4j token --secret \"$SECRET\" --room a --room b --ttl 15m"})
public final class TokenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--secret", paramLabel = "S", required = true, description = "The server's secret (at least 32 bytes).")
    String secret;

    @Option(names = "--room", paramLabel = "R", required = true, description = "A room the token allows; repeatable.")
    List<String> rooms;

    @Option(names = "--ttl", defaultValue = "1h", description = "Lifetime: 90s, 15m, 1h, 2d or ISO-8601 (default: ${DEFAULT-VALUE}).")
    String ttl;

    @Override
    public Integer call() {
        Duration d = parseDuration(ttl);
        SignalingTokens tokens;
        try {
            tokens = new SignalingTokens(secret);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--secret: " + e.getMessage());
        }
        spec.commandLine().getOut().println(tokens.mint(rooms, d));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private Duration parseDuration(String s) {
        try {
            String t = s.trim().toLowerCase(Locale.ROOT);
            if (t.startsWith("p")) {
                return positive(Duration.parse(t.toUpperCase(Locale.ROOT)));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return positive(switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new NumberFormatException();
            });
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new ParameterException(spec.commandLine(), "--ttl " + s + ": expected e.g. 90s, 15m, 1h, 2d or PT1H");
        }
    }

    private Duration positive(Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new NumberFormatException();
        }
        return d;
    }
}
