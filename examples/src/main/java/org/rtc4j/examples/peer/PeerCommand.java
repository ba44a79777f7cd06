package org.rtc4j.examples.peer;

import java.io.InputStream;
import java.util.concurrent.Callable;
import org.rtc4j.PeerConnectionFactory;
import org.rtc4j.RTCConfiguration;
import org.rtc4j.examples.Rtc4jCli;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that joins a room as a WebRTC peer: shared flags, one connection factory, and the
 * exit codes (a {@link CliFailure} becomes one line and its code; an interrupt ends with 0).
 */
public abstract class PeerCommand implements Callable<Integer> {
    /** The picocli model of this command, injected before {@link #call()}. */
    @Spec
    protected CommandSpec spec;

    /** The shared peer flags, filled in by picocli before {@link #call()}. */
    @Mixin
    protected PeerOptions options;

    @Override
    public final Integer call() {
        Events events = new Events(spec.commandLine().getOut(), spec.commandLine().getErr(), options.json);
        try {
            RTCConfiguration config = options.configuration();
            try (PeerConnectionFactory factory = PeerConnectionFactory.create()) {
                return run(factory, config, events);
            }
        } catch (CliFailure e) {
            events.error(e.getMessage());
            return e.exitCode();
        } catch (InterruptedException e) {
            return 0;
        } catch (Exception e) {
            events.error(e.toString());
            return 1;
        }
    }

    /**
     * The command's work; returns the exit code. Throw {@link CliFailure} to end with its code
     * and message; any other exception ends with exit code 1 and its {@code toString()}.
     *
     * @param factory the connection factory, closed after this returns
     * @param config  the configuration the peer flags describe
     * @param events  the output of this run
     * @return the exit code, normally 0
     * @throws InterruptedException ends the command with exit code 0
     * @throws Exception            ends the command with exit code 1
     */
    protected abstract int run(PeerConnectionFactory factory, RTCConfiguration config, Events events) throws Exception;

    /**
     * Standard input (replaceable for in-process runs).
     *
     * @return the input given to {@link Rtc4jCli#execute(InputStream, java.io.PrintWriter,
     *         java.io.PrintWriter, String...)}, or {@link System#in}
     */
    protected InputStream stdin() {
        Object root = spec.root().userObject();
        return root instanceof Rtc4jCli cli ? cli.in() : System.in;
    }

    /**
     * Joins the room these options name ({@code --signal}, {@code --token}, {@code --room}).
     *
     * @param peer the signaling peer to join with
     * @return this side's signaling id
     * @throws InterruptedException if interrupted while waiting for the server
     * @throws CliFailure           exit 2 if the server refuses, 1 if it cannot be reached
     */
    protected String join(SignalingPeer peer) throws InterruptedException {
        return peer.join(options.signal, options.token, options.room);
    }
}
