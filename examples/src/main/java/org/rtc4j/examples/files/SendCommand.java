package org.rtc4j.examples.files;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ProgressBar;
import org.rtc4j.PeerConnectionFactory;
import org.rtc4j.RTCConfiguration;
import org.rtc4j.RTCDataChannel;
import org.rtc4j.examples.peer.ChannelSender;
import org.rtc4j.examples.peer.CliFailure;
import org.rtc4j.examples.peer.Events;
import org.rtc4j.examples.peer.PeerCommand;
import org.rtc4j.examples.peer.Progress;
import org.rtc4j.examples.peer.RemotePeer;
import org.rtc4j.examples.peer.SignalingPeer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Sends files to the first `receive` peer in the room. */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Send files over a data channel to the first peer in the room (run `rtc4j receive DIR` there). "
                + "Name, size and SHA-256 go first; the receiver checks the hash and answers for each file.",
        footer = {"", "Examples:", "  rtc4j receive ~/Downloads --room files     # on one machine",
                "  rtc4j send report.pdf photos.tar --room files --signal http://host:8080   # on the other"})
public final class SendCommand extends PeerCommand {
    private static final JsonNode GONE = FileMessages.JSON.createObjectNode().put("type", "gone");

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to send.")
    List<Path> files;

    private record Link(RemotePeer peer, RTCDataChannel channel) {
    }

    @Override
    protected int run(PeerConnectionFactory factory, RTCConfiguration config, Events events) throws Exception {
        for (Path f : files) {
            if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
                throw new CliFailure(2, f + ": not a readable file");
            }
            String why = FileMessages.refuseName(f.getFileName().toString());
            if (why != null) {
                throw new CliFailure(2, why);
            }
        }
        CompletableFuture<Link> link = new CompletableFuture<>();
        BlockingQueue<JsonNode> replies = new LinkedBlockingQueue<>();
        SignalingPeer.Handler handler = new SignalingPeer.Handler() {
            @Override
            public void channelOpen(RemotePeer peer, RTCDataChannel ch) {
                if (link.isDone()) {
                    return; // one receiver per run
                }
                ch.onMessage(m -> {
                    if (!m.binary()) {
                        replies.add(FileMessages.parse(m.text()));
                    }
                });
                ch.onClose(() -> replies.add(GONE));
                link.complete(new Link(peer, ch));
            }

            @Override
            public void peerGone(RemotePeer peer, String why) {
                if (link.isDone() && link.join().peer() == peer) {
                    replies.add(GONE);
                }
            }
        };
        try (SignalingPeer sp = new SignalingPeer(factory, config, "files", events, handler)) {
            join(sp);
            Link l = link.get(); // waits for a receiver to join (until interrupted)
            ChannelSender out = new ChannelSender(l.channel());
            for (Path f : files) {
                sendFile(f, out, replies, events);
            }
            out.send(FileMessages.json("type", "end"));
            JsonNode bye = replies.poll(30, TimeUnit.SECONDS);
            if (bye == null || !"bye".equals(bye.path("type").asText())) {
                throw new CliFailure(1, "the receiver did not confirm the end of the transfer");
            }
            return 0;
        }
    }

    private void sendFile(Path f, ChannelSender out, BlockingQueue<JsonNode> replies, Events events) throws Exception {
        String name = f.getFileName().toString();
        long size = Files.size(f);
        String sha = FileMessages.sha256(f);
        out.send(FileMessages.json("type", "file", "name", name, "size", size, "sha256", sha));
        long start = System.nanoTime();
        byte[] buf = new byte[ChannelSender.CHUNK];
        long done = 0;
        try (InputStream in = Files.newInputStream(f); ProgressBar bar = Progress.bytes(name, size)) {
            for (int n; done < size && (n = in.readNBytes(buf, 0, (int) Math.min(buf.length, size - done))) > 0; ) {
                if (!replies.isEmpty()) {
                    break; // the receiver refused or left: stop sending, read why below
                }
                out.send(buf, n);
                done += n;
                bar.stepTo(done);
            }
        }
        JsonNode reply = replies.poll(120, TimeUnit.SECONDS);
        if (reply == null) {
            throw new CliFailure(1, "no answer from the receiver about " + name);
        }
        // The signaling server's peer-left and the channel's close travel other paths than the
        // receiver's last message, and can overtake it: give that message a moment, it says why.
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2); "gone".equals(reply.path("type").asText()); ) {
            JsonNode next = replies.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            reply = next;
        }
        switch (reply.path("type").asText()) {
            case "ok" -> {
                double s = (System.nanoTime() - start) / 1e9;
                double mbit = size * 8 / s / 1e6;
                events.content("file-sent", String.format("sent %s (%d bytes, sha256 %s) in %.2f s, %.1f Mbit/s",
                        name, size, sha, s, mbit), "name", name, "size", size, "sha256", sha,
                        "seconds", Math.round(s * 100) / 100.0, "throughput_mbit_s", Math.round(mbit * 10) / 10.0);
            }
            case "error" -> throw new CliFailure(1, "the receiver refused " + name + ": " + reply.path("message").asText());
            case "gone" -> throw new CliFailure(1, "the receiver left during " + name);
            default -> throw new CliFailure(1, "unexpected answer about " + name + ": " + reply);
        }
    }
}
