package org.rtc4j.examples.sdp;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rtc4j sdp ...}: tools for session descriptions. */
@Command(name = "sdp",
        mixinStandardHelpOptions = true,
        description = "Session description (SDP) tools.",
        subcommands = {SdpCheckCommand.class})
public final class SdpCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
