package org.rtc4j.interop;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.rtc4j.PeerConnectionFactory;
import org.rtc4j.RTCConfiguration;
import org.rtc4j.RTCDataChannel;
import org.rtc4j.RTCDataChannelInit;
import org.rtc4j.RTCDataChannelMessage;
import org.rtc4j.RTCIceCandidate;
import org.rtc4j.RTCIceGatheringState;
import org.rtc4j.RTCPeerConnection;
import org.rtc4j.RTCPeerConnectionState;
import org.rtc4j.RTCSdpType;
import org.rtc4j.RTCSessionDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rtc4j side of an interop run against a real peer (a page in Chromium, an aiortc script),
 * which plays its part of the same script over a {@link PeerLink}:
 * <ul>
 * <li>{@code chat}: opened in-band by the real peer; rtc4j echoes each message with its type;
 *     the peer checks the echoes, then closes the channel (rtc4j must see it close).</li>
 * <li>{@code neg}: pre-negotiated with id 5 on both sides; the peer echoes; rtc4j sends a text
 *     and a binary message, checks the echoes, then closes it (the peer reports it closed).</li>
 * <li>{@code unordered} ({@code ordered: false}) and {@code lossy} ({@code maxRetransmits: 0}):
 *     opened in-band by the real peer; rtc4j echoes a text and a binary message on each and
 *     records the options it saw.</li>
 * <li>{@code bulk}: opened in-band by rtc4j; rtc4j sends pseudo-random bytes, the peer reports
 *     their SHA-256.</li>
 * </ul>
 * The peer ends by sending a flat {@code result} object.
 */
final class EchoScenario implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EchoScenario.class);

    static final String TEXT = "hello from rtc4j: grüße, 世界 \uD83D\uDE80";
    static final byte[] BINARY = binary();
    static final int NEGOTIATED_ID = 5;

    final RTCPeerConnection pc;
    private final PeerLink link;
    private final boolean trickle;
    private final long bulkBytes;
    private final int chunk;
    private final long highWater;
    private UnaryOperator<RTCSessionDescription> remoteFilter = UnaryOperator.identity();

    private final long t0 = System.nanoTime();
    final CompletableFuture<Long> connectedMs = new CompletableFuture<>();
    final CompletableFuture<Long> failedMs = new CompletableFuture<>();
    final CompletableFuture<Void> gathered = new CompletableFuture<>();
    final CompletableFuture<Map<String, Object>> result = new CompletableFuture<>();
    /** When (System.nanoTime) the page reported that its channel closed after ours was closed. */
    final CompletableFuture<Long> peerClosed = new CompletableFuture<>();
    final CompletableFuture<Object> chatClosed = new CompletableFuture<>();
    /** The state chat was in when its closing event fired (the peer closes chat), or null. */
    volatile Object chatClosingState;
    final CompletableFuture<Object> negClosed = new CompletableFuture<>();
    final CompletableFuture<List<RTCDataChannelMessage>> negEchoes = new CompletableFuture<>();
    final CompletableFuture<byte[]> bulkSent = new CompletableFuture<>();
    /** SHA-256 of what the peer sent back on {@code bulk}, once {@code bulkBytes} arrived. */
    final CompletableFuture<byte[]> bulkReceived = new CompletableFuture<>();
    volatile long bulkReceiveMs;
    /** Bytes of the peer's upload on {@code bulk} so far (for a failure's message). */
    volatile long bulkBytesReceived;
    final List<RTCPeerConnectionState> states = new CopyOnWriteArrayList<>();
    final List<String> unexpected = new CopyOnWriteArrayList<>();
    final List<Throwable> failures = new CopyOnWriteArrayList<>();
    final AtomicInteger chatEchoed = new AtomicInteger();
    /** Messages echoed on the unordered and lossy channels, by label. */
    final Map<String, AtomicInteger> partialEchoed = Map.of("unordered", new AtomicInteger(), "lossy", new AtomicInteger());
    /** The options of the unordered and lossy channels as rtc4j adopted them, by label. */
    final Map<String, String> partialOptions = new java.util.concurrent.ConcurrentHashMap<>();
    final AtomicInteger messagesReceived = new AtomicInteger();
    volatile long bulkSendMs;
    volatile long gatheredMs = -1;
    volatile long localDescSentMs = -1;
    volatile long remoteDescMs = -1;
    volatile long iceConnectedMs = -1;
    volatile long chatOpenMs = -1;

    private final List<RTCIceCandidate> heldCandidates = new ArrayList<>();
    private boolean remoteSet;
    private RTCDataChannel neg;
    private RTCDataChannel bulk;

    /**
     * @param trickle   send our candidates one by one (else the whole description once gathered)
     * @param bulkBytes how much to send on {@code bulk}
     * @param chunk     message size on {@code bulk}
     */
    EchoScenario(PeerConnectionFactory factory, RTCConfiguration config, PeerLink link, boolean trickle,
            long bulkBytes, int chunk) {
        this.pc = factory.createPeerConnection(config);
        this.link = link;
        this.trickle = trickle;
        this.bulkBytes = bulkBytes;
        this.chunk = chunk;
        this.highWater = Math.max(4L * chunk, 1L << 20);
    }

    /** Changes the peer's descriptions before rtc4j applies them (for tampering tests). */
    EchoScenario remoteFilter(UnaryOperator<RTCSessionDescription> filter) {
        this.remoteFilter = filter;
        return this;
    }

    long elapsedMs() {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** Wires everything up; offers if {@code offer}, else waits for the peer's offer. */
    void start(boolean offer) {
        pc.onConnectionStateChange(s -> {
            states.add(s);
            if (s == RTCPeerConnectionState.CONNECTED) {
                connectedMs.complete(elapsedMs());
            } else if (s == RTCPeerConnectionState.FAILED) {
                failedMs.complete(elapsedMs());
            }
        });
        pc.onIceConnectionStateChange(s -> {
            if (s == org.rtc4j.RTCIceConnectionState.CONNECTED && iceConnectedMs < 0) {
                iceConnectedMs = elapsedMs();
            }
        });
        pc.onIceGatheringStateChange(s -> {
            if (s == RTCIceGatheringState.COMPLETE) {
                gatheredMs = elapsedMs();
                gathered.complete(null);
            }
        });
        pc.onIceCandidate(c -> {
            if (trickle) {
                link.send(new Envelope("candidate", c == null ? "null" : c.toJson()));
            }
        });
        pc.onDataChannel(ch -> {
            if (partialEchoed.containsKey(ch.label())) {
                partialOptions.put(ch.label(), "ordered=" + ch.ordered() + " maxRetransmits=" + ch.maxRetransmits());
                ch.onMessage(m -> {
                    messagesReceived.incrementAndGet();
                    if (m.binary()) {
                        ch.send(m.data());
                    } else {
                        ch.send(m.text());
                    }
                    partialEchoed.get(ch.label()).incrementAndGet();
                });
                return;
            }
            if (!ch.label().equals("chat")) {
                unexpected.add(ch.label());
                return;
            }
            chatOpenMs = elapsedMs();
            ch.onMessage(m -> {
                messagesReceived.incrementAndGet();
                if (m.binary()) {
                    ch.send(m.data());
                } else {
                    ch.send(m.text());
                }
                chatEchoed.incrementAndGet();
            });
            ch.onClosing(() -> chatClosingState = ch.readyState());
            ch.onClose(() -> chatClosed.complete(ch.readyState()));
        });

        neg = pc.createDataChannel("neg", RTCDataChannelInit.reliable().negotiated(NEGOTIATED_ID));
        List<RTCDataChannelMessage> echoes = new CopyOnWriteArrayList<>();
        neg.onOpen(() -> {
            neg.send(TEXT);
            neg.send(BINARY);
        });
        neg.onMessage(m -> {
            messagesReceived.incrementAndGet();
            echoes.add(m);
            if (echoes.size() == 2) {
                negEchoes.complete(List.copyOf(echoes));
                neg.close();
            }
        });
        neg.onClose(() -> negClosed.complete(neg.readyState()));

        bulk = pc.createDataChannel("bulk");
        MessageDigest uploaded = sha256();
        long[] upload = {0, 0};
        bulk.onMessage(m -> {
            if (upload[0] == 0) {
                upload[1] = System.nanoTime();
            }
            uploaded.update(m.data());
            upload[0] += m.data().length;
            bulkBytesReceived = upload[0];
            if (upload[0] >= bulkBytes && !bulkReceived.isDone()) {
                bulkReceiveMs = (System.nanoTime() - upload[1]) / 1_000_000;
                bulkReceived.complete(upload[0] == bulkBytes ? uploaded.digest() : new byte[0]);
            }
        });
        bulk.onOpen(() -> {
            Thread t = new Thread(this::sendBulk, "bulk-sender");
            t.setDaemon(true);
            t.start();
        });

        link.onMessage(this::received);
        if (offer) {
            pc.setLocalDescription()
                    .thenCompose(v -> described())
                    .thenAccept(this::sendDescription)
                    .exceptionally(this::failed);
        }
    }

    /** Tells the peer something that needs no value (e.g. "finish"). */
    void tell(String kind) {
        link.send(new Envelope(kind, "null"));
    }

    /** The description with the first byte of its first certificate fingerprint changed. */
    static RTCSessionDescription tamperFingerprint(RTCSessionDescription d) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("a=fingerprint:\\S+ ([0-9A-Fa-f]{2})").matcher(d.sdp());
        if (!m.find()) {
            throw new AssertionError("no fingerprint in " + d.sdp());
        }
        int b = Integer.parseInt(m.group(1), 16) ^ 0x5a;
        String sdp = d.sdp().substring(0, m.start(1)) + String.format("%02X", b) + d.sdp().substring(m.end(1));
        return new RTCSessionDescription(d.type(), sdp);
    }

    private void sendDescription(RTCSessionDescription d) {
        localDescSentMs = elapsedMs();
        link.send(new Envelope("desc", d.toJson()));
    }

    /** Milestones on rtc4j's side, in ms since the scenario was created. */
    String timeline() {
        return "gathered " + gatheredMs + ", description sent " + localDescSentMs + ", peer's description "
                + remoteDescMs + ", ICE connected " + iceConnectedMs + ", connected " + connectedMs.getNow(-1L)
                + ", chat open " + chatOpenMs;
    }

    private CompletableFuture<RTCSessionDescription> described() {
        return trickle ? CompletableFuture.completedFuture(pc.localDescription())
                : gathered.thenApply(v -> pc.localDescription());
    }

    private void received(Envelope m) {
        switch (m.kind()) {
            case "desc" -> {
                remoteDescMs = elapsedMs();
                RTCSessionDescription d = remoteFilter.apply(RTCSessionDescription.fromJson(m.value()));
                CompletableFuture<Void> f = pc.setRemoteDescription(d).thenRun(this::remoteReady);
                if (d.type() == RTCSdpType.OFFER) {
                    f = f.thenCompose(v -> pc.setLocalDescription())
                            .thenCompose(v -> described())
                            .thenAccept(this::sendDescription);
                }
                f.exceptionally(this::failed);
            }
            case "candidate" -> candidate(m.value().equals("null") ? null : RTCIceCandidate.fromJson(m.value()));
            case "result" -> result.complete(Envelope.flat(m.value()));
            case "peer_closed" -> peerClosed.complete(System.nanoTime());
            case "log" -> LOG.info("peer: {}", m.value());
            default -> unexpected.add("message " + m.kind());
        }
    }

    private synchronized void candidate(RTCIceCandidate c) {
        if (remoteSet) {
            pc.addIceCandidate(c).exceptionally(this::failed);
        } else {
            heldCandidates.add(c);
        }
    }

    private synchronized void remoteReady() {
        remoteSet = true;
        for (RTCIceCandidate c : heldCandidates) {
            pc.addIceCandidate(c).exceptionally(this::failed);
        }
        heldCandidates.clear();
    }

    private <T> T failed(Throwable t) {
        LOG.warn("interop step failed", t);
        failures.add(t);
        return null;
    }

    private void sendBulk() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            SplittableRandom random = new SplittableRandom(20261125);
            byte[] buf = new byte[chunk];
            long start = System.nanoTime();
            for (long sent = 0; sent < bulkBytes; ) {
                int n = (int) Math.min(chunk, bulkBytes - sent);
                byte[] msg = n == chunk ? buf : new byte[n];
                random.nextBytes(msg);
                while (bulk.bufferedAmount() > highWater) {
                    if (bulk.readyState() != org.rtc4j.RTCDataChannelState.OPEN) {
                        throw new IllegalStateException("bulk channel " + bulk.readyState() + " after " + sent + " bytes");
                    }
                    Thread.sleep(1);
                }
                bulk.send(msg);
                sha.update(msg);
                sent += n;
            }
            bulkSendMs = (System.nanoTime() - start) / 1_000_000;
            bulkSent.complete(sha.digest());
        } catch (Exception | AssertionError e) {
            failed(e);
            bulkSent.completeExceptionally(e);
        }
    }

    /** The peer's result, or an AssertionError with what it printed. */
    Map<String, Object> awaitResult(Duration timeout) throws Exception {
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no result from the peer in " + timeout + "; rtc4j states " + states
                    + ", failures " + failures + ", chat echoed " + chatEchoed + ", neg echoes "
                    + negEchoes.isDone() + ", bulk sent " + bulkSent.isDone() + ", bulk received from the peer "
                    + bulkBytesReceived + " bytes, chat closed " + chatClosed.getNow(null)
                    + ", neg closed " + negClosed.getNow(null) + ", neg state " + neg.readyState()
                    + ", echoed on unordered/lossy " + partialEchoed + "; peer said:\n" + link.transcript());
        }
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    static String text(RTCDataChannelMessage m) {
        return new String(m.data(), StandardCharsets.UTF_8);
    }

    private static byte[] binary() {
        byte[] b = new byte[1500];
        new SplittableRandom(7).nextBytes(b);
        b[0] = 0;
        b[1] = (byte) 0xff;
        return b;
    }

    @Override
    public void close() {
        pc.close();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
