package org.rtc4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rtc4j.transport.UdpSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Faults on real sockets, each ending in the W3C state a browser would show and nothing leaked:
 * the peer killed mid-transfer, a 10-second blackout on the path, the peer's address changing
 * under it (NAT rebinding). Timings are logged, not asserted beyond what separates the
 * behaviours (the machines are shared).
 */
class FaultsTest {
    private static final Logger LOG = LoggerFactory.getLogger(FaultsTest.class);
    private static PeerConnectionFactory factory;

    @BeforeAll
    static void start() {
        factory = PeerConnectionFactory.create(2);
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    @Test
    void aPeerKilledMidTransferIsDisconnectedThenFailedAndCloseFreesEverything() throws Exception {
        int before = factory.openConnections();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ChildPeer.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        RTCPeerConnection pc = factory.createPeerConnection(LoopbackPair.defaultConfig());
        try {
            List<RTCPeerConnectionState> states = new CopyOnWriteArrayList<>();
            CompletableFuture<Long> disconnected = new CompletableFuture<>();
            CompletableFuture<Long> failed = new CompletableFuture<>();
            pc.onConnectionStateChange(s -> {
                states.add(s);
                if (s == RTCPeerConnectionState.DISCONNECTED) {
                    disconnected.complete(System.nanoTime());
                } else if (s == RTCPeerConnectionState.FAILED) {
                    failed.complete(System.nanoTime());
                }
            });
            RTCDataChannel ch = pc.createDataChannel("bulk");
            CompletableFuture<Void> open = new CompletableFuture<>();
            ch.onOpen(() -> open.complete(null));
            CompletableFuture<Void> gathered = new CompletableFuture<>();
            pc.onIceGatheringStateChange(s -> {
                if (s == RTCIceGatheringState.COMPLETE) {
                    gathered.complete(null);
                }
            });
            LoopbackPair.await(pc.setLocalDescription());
            LoopbackPair.await(gathered);
            OutputStream toChild = child.getOutputStream();
            toChild.write((pc.localDescription().toJson() + "\n").getBytes(StandardCharsets.UTF_8));
            toChild.flush();
            BufferedReader fromChild = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String answer = fromChild.readLine();
            assertThat(answer).as("the child's answer").startsWith("answer ");
            LoopbackPair.await(pc.setRemoteDescription(RTCSessionDescription.fromJson(answer.substring(7))));
            LoopbackPair.await(open);

            AtomicLong sent = new AtomicLong();
            Thread sender = new Thread(() -> {
                byte[] chunk = new byte[64 * 1024];
                while (ch.readyState() == RTCDataChannelState.OPEN) {
                    if (ch.bufferedAmount() > (1 << 20)) {
                        Thread.onSpinWait();
                        continue;
                    }
                    try {
                        ch.send(chunk);
                    } catch (RTCException e) {
                        return; // closed between the check and the send
                    }
                    sent.addAndGet(chunk.length);
                }
            }, "bulk");
            sender.setDaemon(true);
            sender.start();
            // Mid-transfer: once the child has taken 4 MiB.
            for (String line; (line = fromChild.readLine()) != null; ) {
                if (line.startsWith("received ") && Long.parseLong(line.substring(9)) >= 4 << 20) {
                    break;
                }
            }
            long killed = System.nanoTime();
            child.destroyForcibly(); // SIGKILL: no ABORT, no close_notify, the port simply goes silent
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

            long disconnectedMs = (disconnected.get(15, TimeUnit.SECONDS) - killed) / 1_000_000;
            long failedMs = (failed.get(45, TimeUnit.SECONDS) - killed) / 1_000_000;
            LOG.info("peer killed after {} MiB sent: disconnected after {} ms, failed after {} ms (states {})",
                    sent.get() >> 20, disconnectedMs, failedMs, states);
            assertThat(states).containsSubsequence(RTCPeerConnectionState.CONNECTED,
                    RTCPeerConnectionState.DISCONNECTED, RTCPeerConnectionState.FAILED);
            // Disconnected after seconds of silence; failed when consent expires, 30 s after the last answer.
            assertThat(disconnectedMs).isLessThan(failedMs);
            assertThat(failedMs).isGreaterThan(20_000);
            assertThat(pc.iceConnectionState()).isEqualTo(RTCIceConnectionState.FAILED);

            // A failed connection sends nothing more: consent has stopped and nothing else has a path.
            long datagrams = onLoop(pc, () -> pc.stackForTests().sockets().stream().mapToLong(UdpSocket::datagramsSent).sum());
            Thread.sleep(3000);
            assertThat(onLoop(pc, () -> pc.stackForTests().sockets().stream().mapToLong(UdpSocket::datagramsSent).sum()))
                    .isEqualTo(datagrams);
        } finally {
            child.destroyForcibly();
            pc.close();
        }
        TransportStack stack = pc.stackForTests();
        assertThat(onLoop(pc, () -> !stack.timerArmed())).as("no timer left").isTrue();
        for (int i = 0; i < 100 && stack.sockets().stream().anyMatch(UdpSocket::isOpen); i++) {
            Thread.sleep(20);
        }
        assertThat(stack.sockets()).noneMatch(UdpSocket::isOpen);
        assertThat(factory.openConnections()).isEqualTo(before);
        assertThat(pc.connectionState()).isEqualTo(RTCPeerConnectionState.CLOSED);
    }

    @Test
    void aTenSecondBlackoutIsDisconnectedThenConnectedAndTheTransferCompletesWhole() throws Exception {
        try (ImpairmentRelay relay = new ImpairmentRelay(0, 0, 0, 1);
             LoopbackPair pair = new LoopbackPair(factory)) {
            Watch a = new Watch(pair.offerer);
            Watch b = new Watch(pair.answerer);
            RTCDataChannel ch = pair.offerer.createDataChannel("bulk");
            CompletableFuture<Void> open = new CompletableFuture<>();
            ch.onOpen(() -> open.complete(null));
            long total = 24L << 20;
            Receiver in = new Receiver(pair.answerer, total);
            relay.connect(pair.offerer, pair.answerer);
            LoopbackPair.await(open);
            MessageDigest sentDigest = MessageDigest.getInstance("SHA-256");
            Thread sender = sender(ch, total, sentDigest);
            sender.start();

            in.fourMiB.get(30, TimeUnit.SECONDS);
            long down = System.nanoTime();
            relay.blackout(true);
            long aDown = (a.disconnected.get(10, TimeUnit.SECONDS) - down) / 1_000_000;
            long bDown = (b.disconnected.get(10, TimeUnit.SECONDS) - down) / 1_000_000;
            long atBlackout = in.received.get();
            Thread.sleep(Math.max(0, 10_000 - (System.nanoTime() - down) / 1_000_000));
            long up = System.nanoTime();
            relay.blackout(false);
            long aUp = (a.reconnected.get(15, TimeUnit.SECONDS) - up) / 1_000_000;
            long bUp = (b.reconnected.get(15, TimeUnit.SECONDS) - up) / 1_000_000;
            long completed = (in.done.get(60, TimeUnit.SECONDS) - up) / 1_000_000;
            sender.join(10_000);
            LOG.info("10 s blackout ({} datagrams dropped) after {} MiB: disconnected after {} / {} ms, connected "
                    + "{} / {} ms after it lifted, the 24 MiB complete {} ms after it lifted", relay.blackedOut.get(),
                    atBlackout >> 20, aDown, bDown, aUp, bUp, completed);
            assertThat(in.received.get()).isEqualTo(total);
            assertThat(in.digest.digest()).isEqualTo(sentDigest.digest());
            assertThat(aDown).isLessThan(10_000);
            assertThat(a.states).containsSubsequence(RTCPeerConnectionState.CONNECTED,
                    RTCPeerConnectionState.DISCONNECTED, RTCPeerConnectionState.CONNECTED)
                    .doesNotContain(RTCPeerConnectionState.FAILED);
            assertThat(b.states).containsSubsequence(RTCPeerConnectionState.CONNECTED,
                    RTCPeerConnectionState.DISCONNECTED, RTCPeerConnectionState.CONNECTED)
                    .doesNotContain(RTCPeerConnectionState.FAILED);
            assertThat(ch.readyState()).isEqualTo(RTCDataChannelState.OPEN);
        }
    }

    @Test
    void whenThePeersAddressChangesTheConnectionFollowsItAfterAValidCheck() throws Exception {
        try (ImpairmentRelay relay = new ImpairmentRelay(0, 0, 0, 1);
             LoopbackPair pair = new LoopbackPair(factory)) {
            Watch a = new Watch(pair.offerer);
            Watch b = new Watch(pair.answerer);
            RTCDataChannel ch = pair.offerer.createDataChannel("bulk");
            CompletableFuture<Void> open = new CompletableFuture<>();
            ch.onOpen(() -> open.complete(null));
            long total = 24L << 20;
            Receiver in = new Receiver(pair.answerer, total);
            relay.connect(pair.offerer, pair.answerer);
            LoopbackPair.await(open);
            String before = remoteAddressOfSelectedPair(pair.answerer);
            MessageDigest sentDigest = MessageDigest.getInstance("SHA-256");
            Thread sender = sender(ch, total, sentDigest);
            sender.start();
            in.fourMiB.get(30, TimeUnit.SECONDS);
            long rebound = System.nanoTime();
            InetSocketAddress now = relay.rebindA();
            long completed = (in.done.get(60, TimeUnit.SECONDS) - rebound) / 1_000_000;
            sender.join(10_000);
            String after = remoteAddressOfSelectedPair(pair.answerer);
            LOG.info("the offerer's address changed ({} -> {}) with {} MiB received: the answerer's selected pair now "
                    + "ends at {}; 24 MiB complete {} ms after the change; states {} / {}", before, now,
                    in.received.get() >> 20, after, completed, a.states, b.states);
            assertThat(after).isEqualTo(now.getAddress().getHostAddress() + ":" + now.getPort());
            assertThat(in.received.get()).isEqualTo(total);
            assertThat(in.digest.digest()).isEqualTo(sentDigest.digest());
            assertThat(a.states).doesNotContain(RTCPeerConnectionState.FAILED);
            assertThat(b.states).doesNotContain(RTCPeerConnectionState.FAILED);
        }
    }

    private static String remoteAddressOfSelectedPair(RTCPeerConnection pc) throws Exception {
        RTCStatsReport r = LoopbackPair.await(pc.getStats());
        String pairId = (String) r.ofType("transport").get(0).get("selectedCandidatePairId");
        String remoteId = (String) r.get(pairId).orElseThrow().get("remoteCandidateId");
        RTCStats c = r.get(remoteId).orElseThrow();
        return c.get("address") + ":" + c.get("port");
    }

    /** The receiving end of a transfer: what arrived, its digest, and when 4 MiB and all of it had. */
    private static final class Receiver {
        final MessageDigest digest = sha256();
        final AtomicLong received = new AtomicLong();
        final CompletableFuture<Long> fourMiB = new CompletableFuture<>();
        final CompletableFuture<Long> done = new CompletableFuture<>();

        Receiver(RTCPeerConnection pc, long total) {
            pc.onDataChannel(r -> r.onMessage(m -> {
                digest.update(m.data());
                long n = received.addAndGet(m.data().length);
                if (n >= 4 << 20) {
                    fourMiB.complete(System.nanoTime());
                }
                if (n >= total) {
                    done.complete(System.nanoTime());
                }
            }));
        }
    }

    /** The connection states one side goes through, with when it was disconnected and connected again. */
    private static final class Watch {
        final List<RTCPeerConnectionState> states = new CopyOnWriteArrayList<>();
        final CompletableFuture<Long> disconnected = new CompletableFuture<>();
        final CompletableFuture<Long> reconnected = new CompletableFuture<>();

        Watch(RTCPeerConnection pc) {
            pc.onConnectionStateChange(s -> {
                states.add(s);
                if (s == RTCPeerConnectionState.DISCONNECTED) {
                    disconnected.complete(System.nanoTime());
                } else if (s == RTCPeerConnectionState.CONNECTED && disconnected.isDone()) {
                    reconnected.complete(System.nanoTime());
                }
            });
        }
    }

    /** Sends {@code total} pseudo-random bytes in 64 KiB messages, with 1 MiB in the buffer at most. */
    static Thread sender(RTCDataChannel ch, long total, MessageDigest digest) {
        Thread t = new Thread(() -> {
            SplittableRandom random = new SplittableRandom(17);
            for (long sent = 0; sent < total; ) {
                if (ch.bufferedAmount() > (1 << 20)) {
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                    continue;
                }
                byte[] chunk = new byte[(int) Math.min(64 * 1024, total - sent)];
                random.nextBytes(chunk);
                digest.update(chunk);
                ch.send(chunk);
                sent += chunk.length;
            }
        }, "bulk");
        t.setDaemon(true);
        return t;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T onLoop(RTCPeerConnection pc, java.util.function.Supplier<T> s) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        pc.loop().execute(() -> f.complete(s.get()));
        return LoopbackPair.await(f);
    }
}
