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
    @Spec
    protected CommandSpec spec;

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

    /** The command's work; returns the exit code. */
    protected abstract int run(PeerConnectionFactory factory, RTCConfiguration config, Events events) throws Exception;

    /** Standard input (replaceable for in-process runs). */
    protected InputStream stdin() {
        Object root = spec.root().userObject();
        return root instanceof Rtc4jCli cli ? cli.in() : System.in;
    }

    /** Joins the room these options name. */
    protected String join(SignalingPeer peer) throws InterruptedException {
        return peer.join(options.signal, options.token, options.room);
    }
}
