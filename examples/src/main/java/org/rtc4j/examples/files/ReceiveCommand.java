package org.rtc4j.examples.files;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.rtc4j.PeerConnectionFactory;
import org.rtc4j.RTCConfiguration;
import org.rtc4j.RTCDataChannel;
import org.rtc4j.RTCDataChannelMessage;
import org.rtc4j.RTCException;
import org.rtc4j.examples.peer.CliFailure;
import org.rtc4j.examples.peer.Events;
import org.rtc4j.examples.peer.PeerCommand;
import org.rtc4j.examples.peer.RemotePeer;
import org.rtc4j.examples.peer.SignalingPeer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Receives the files of one `send` peer into a directory. */
@Command(name = "receive", mixinStandardHelpOptions = true,
        description = "Receive files from the first `rtc4j send` peer in the room into DIR; each file's SHA-256 is "
                + "checked before it is renamed into place. Never overwrites without --force, refuses names with "
                + "path separators, and leaves no partial file on failure. Ends when the sender is done.",
        footer = {"", "Examples:", "  rtc4j receive . --room files",
                "  rtc4j receive /srv/inbox --room files --force --json"})
public final class ReceiveCommand extends PeerCommand {
    @Parameters(index = "0", paramLabel = "DIR", description = "Directory to save into.")
    Path dir;

    @Option(names = "--force", description = "Overwrite existing files.")
    boolean force;

    private final CompletableFuture<Integer> result = new CompletableFuture<>();
    private RemotePeer sender;
    private IncomingFile current;

    @Override
    protected int run(PeerConnectionFactory factory, RTCConfiguration config, Events events) throws Exception {
        if (!Files.isDirectory(dir)) {
            throw new CliFailure(2, dir + ": not a directory");
        }
        try {
            Files.delete(Files.createTempFile(dir, ".rtc4j-probe-", ".tmp"));
        } catch (IOException e) {
            throw new CliFailure(1, "cannot write in " + dir + ": " + e);
        }
        SignalingPeer.Handler handler = new SignalingPeer.Handler() {
            @Override
            public void channelOpen(RemotePeer peer, RTCDataChannel ch) {
                accept(peer, ch, events);
            }

            @Override
            public void peerGone(RemotePeer peer, String why) {
                gone(peer, why);
            }
        };
        try (SignalingPeer sp = new SignalingPeer(factory, config, "files", events, handler)) {
            join(sp);
            return result.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof CliFailure c ? c : new CliFailure(1, String.valueOf(e.getCause()));
        } finally {
            abortCurrent();
        }
    }

    private synchronized void accept(RemotePeer peer, RTCDataChannel ch, Events events) {
        if (sender != null) {
            return; // one sender per run
        }
        sender = peer;
        ch.onMessage(m -> onMessage(ch, m, events));
    }

    private synchronized void onMessage(RTCDataChannel ch, RTCDataChannelMessage m, Events events) {
        if (result.isDone()) {
            return;
        }
        try {
            if (m.binary()) {
                if (current == null) {
                    throw new CliFailure(1, "data without a file header");
                }
                if (current.write(m.data())) {
                    saved(ch, events);
                }
                return;
            }
            JsonNode j = FileMessages.parseOrNull(m.text());
            if (j == null) {
                // Not the file protocol (a chat line from a web page peer): shown, not fatal.
                events.status("message", "message from " + sender.id() + ": " + m.text(), "peer", sender.id(), "text", m.text());
                return;
            }
            switch (j.path("type").asText()) {
                case "file" -> {
                    if (current != null) {
                        throw new CliFailure(1, "a new file began before " + current.name + " was complete");
                    }
                    current = new IncomingFile(dir, j.path("name").asText(null), j.path("size").asLong(-1),
                            j.path("sha256").asText(null), force);
                    if (current.complete()) {
                        saved(ch, events); // an empty file
                    }
                }
                case "end" -> {
                    reply(ch, FileMessages.json("type", "bye"));
                    result.complete(0);
                }
                default -> throw new CliFailure(1, "unexpected message: " + FileMessages.abbreviate(m.text()));
            }
        } catch (CliFailure e) {
            abortCurrent();
            reply(ch, FileMessages.json("type", "error", "message", e.getMessage()));
            result.completeExceptionally(e);
        }
    }

    private void saved(RTCDataChannel ch, Events events) {
        IncomingFile f = current;
        current = null;
        Path p = f.finish();
        reply(ch, FileMessages.json("type", "ok"));
        events.content("file-received", "received " + p + " (" + f.size + " bytes, sha256 " + f.sha256 + " verified)",
                "name", f.name, "path", p.toString(), "size", f.size, "sha256", f.sha256);
    }

    private synchronized void gone(RemotePeer peer, String why) {
        if (peer != sender || result.isDone()) {
            return;
        }
        String during = current != null ? " during " + current.name : " before the end of the transfer";
        abortCurrent();
        result.completeExceptionally(new CliFailure(1, why + during));
    }

    private synchronized void abortCurrent() {
        if (current != null) {
            current.abort();
            current = null;
        }
    }

    private static void reply(RTCDataChannel ch, String text) {
        try {
            ch.send(text);
        } catch (RTCException e) {
            // The sender is gone; the failure is reported here anyway.
        }
    }
}
