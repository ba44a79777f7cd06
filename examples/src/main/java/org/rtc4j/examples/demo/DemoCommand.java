package org.rtc4j.examples.demo;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import me.tongfei.progressbar.ProgressBar;
import org.rtc4j.PeerConnectionFactory;
import org.rtc4j.RTCConfiguration;
import org.rtc4j.RTCDataChannel;
import org.rtc4j.examples.peer.ChannelSender;
import org.rtc4j.examples.peer.CliFailure;
import org.rtc4j.examples.peer.ConnectionSummary;
import org.rtc4j.examples.peer.Events;
import org.rtc4j.examples.peer.Progress;
import org.rtc4j.examples.peer.RemotePeer;
import org.rtc4j.examples.peer.SignalingPeer;
import org.rtc4j.signaling.server.SocketIoServer;
import org.rtc4j.signaling.service.SignalingOptions;
import org.rtc4j.signaling.service.SignalingService;
import org.rtc4j.transport.InterfaceFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Two rtc4j peers meet through an in-process signaling server on loopback and move generated data
 * over a data channel; prints setup time, throughput, the candidate pair and the cipher suite.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start a signaling server and two peers on 127.0.0.1, send generated data over a data channel, "
                + "verify its SHA-256 and print the figures.",
        footer = {"", "Examples:", "  rtc4j demo", "  rtc4j demo --mb 512", "  rtc4j demo --mb 4 --json"})
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--mb", paramLabel = "N", defaultValue = "64", description = "MiB to send (default: ${DEFAULT-VALUE}).")
    int mb;

    @Option(names = "--json", description = "Print the summary as one JSON object (event \"summary\") and the peers' events.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Events events = new Events(spec.commandLine().getOut(), spec.commandLine().getErr(), json);
        if (mb <= 0) {
            events.error("--mb must be at least 1");
            return 2;
        }
        try {
            return run(events);
        } catch (CliFailure e) {
            events.error(e.getMessage());
            return e.exitCode();
        }
    }

    private int run(Events events) throws Exception {
        long total = (long) mb << 20;
        SocketIoServer server = SocketIoServer.builder().host("127.0.0.1").port(0).build().start();
        SignalingService.install(server, SignalingOptions.defaults());
        URI url = URI.create("http://127.0.0.1:" + server.port());
        RTCConfiguration config = RTCConfiguration.builder().interfaceFilter(InterfaceFilter.loopbackOnly()).build();
        String room = "demo";
        events.status("signal-server", "signaling server on " + url + " (in-process), room '" + room + "'", "url", url.toString());

        CompletableFuture<byte[]> receivedHash = new CompletableFuture<>();
        CompletableFuture<Long> receivedAt = new CompletableFuture<>();
        CompletableFuture<Sent> opened = new CompletableFuture<>();
        ProgressBar[] recvBar = new ProgressBar[1];
        try (PeerConnectionFactory factory = PeerConnectionFactory.create();
                SignalingPeer receiver = new SignalingPeer(factory, config, "demo", events, new SignalingPeer.Handler() {
                    @Override
                    public void channelOpen(RemotePeer peer, RTCDataChannel ch) {
                        MessageDigest md = sha256();
                        long[] got = {0};
                        ch.onMessage(m -> {
                            md.update(m.data());
                            got[0] += m.data().length;
                            if (recvBar[0] != null) {
                                recvBar[0].stepTo(got[0]);
                            }
                            if (got[0] >= total && !receivedHash.isDone()) {
                                receivedAt.complete(System.nanoTime());
                                receivedHash.complete(md.digest());
                            }
                        });
                    }

                    @Override
                    public void peerGone(RemotePeer peer, String why) {
                        receivedHash.completeExceptionally(new CliFailure(1, why));
                    }
                });
                SignalingPeer sender = new SignalingPeer(factory, config, "demo", events, new SignalingPeer.Handler() {
                    @Override
                    public void channelOpen(RemotePeer peer, RTCDataChannel ch) {
                        opened.complete(new Sent(peer, ch));
                    }

                    @Override
                    public void peerGone(RemotePeer peer, String why) {
                        opened.completeExceptionally(new CliFailure(1, why));
                    }
                })) {
            receiver.join(url, null, room);
            sender.join(url, null, room);
            Sent s = await(opened, 30, "the data channel did not open");

            Runnable report;
            MessageDigest sentHash = sha256();
            byte[] chunk = new byte[ChannelSender.CHUNK];
            Random random = new Random(20261125L);
            ChannelSender out = new ChannelSender(s.channel);
            long start = System.nanoTime();
            try (ProgressBar sendBar = Progress.bytes("send   ", total); ProgressBar rb = Progress.bytes("receive", total)) {
                recvBar[0] = rb;
                for (long done = 0; done < total; ) {
                    int n = (int) Math.min(chunk.length, total - done);
                    random.nextBytes(chunk);
                    sentHash.update(chunk, 0, n);
                    out.send(chunk, n);
                    done += n;
                    sendBar.stepTo(done);
                }
                byte[] got = await(receivedHash, 120, "the data did not all arrive");
                rb.stepTo(total);
                byte[] want = sentHash.digest();
                if (!MessageDigest.isEqual(got, want)) {
                    throw new CliFailure(1, "SHA-256 mismatch: sent " + HexFormat.of().formatHex(want)
                            + ", received " + HexFormat.of().formatHex(got));
                }
                recvBar[0] = null;
                double seconds = (receivedAt.get() - start) / 1e9;
                double mbit = total * 8 / seconds / 1e6;
                ConnectionSummary summary = ConnectionSummary.of(s.peer.connection());
                String hex = HexFormat.of().formatHex(want);
                sendBar.stepTo(total);
                rb.stepTo(total);
                report = () -> events.content("summary", String.join(System.lineSeparator(),
                        "rtc4j demo: " + mb + " MiB between two rtc4j peers on 127.0.0.1",
                        String.format("  setup          %.1f ms (createOffer to data channel open)", s.peer.setupMillis()),
                        String.format("  transfer       %d MiB in %.2f s = %.1f Mbit/s", mb, seconds, mbit),
                        "  sha-256        " + hex + " (verified)",
                        "  candidate pair " + summary.candidatePair(),
                        "  dtls           " + summary.dtlsCipherSuite()),
                        "setup_ms", round(s.peer.setupMillis()), "mb", mb, "seconds", round(seconds),
                        "throughput_mbit_s", round(mbit), "sha256", hex, "verified", true,
                        "candidate_pair", summary.candidatePair(), "dtls_cipher_suite", summary.dtlsCipherSuite());
            }
            report.run(); // after the bars have closed
            events.quietStatus(); // the peers leaving each other on shutdown is not news
            return 0;
        } finally {
            server.close();
        }
    }

    private record Sent(RemotePeer peer, RTCDataChannel channel) {
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static <T> T await(CompletableFuture<T> f, int seconds, String what) throws InterruptedException {
        try {
            return f.get(seconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CliFailure c) {
                throw c;
            }
            throw new CliFailure(1, what + ": " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new CliFailure(1, what + " within " + seconds + " s");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
