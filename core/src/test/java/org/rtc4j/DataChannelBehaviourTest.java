package org.rtc4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** rtc4j to rtc4j over loopback: the data-channel behaviours a W3C user relies on. */
class DataChannelBehaviourTest {

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
    void messagesFromZeroBytesTo256KiBArriveWithTheirType() throws Exception {
        try (LoopbackPair pair = new LoopbackPair(factory)) {
            RTCDataChannel ch = openedChannel(pair, "sizes", RTCDataChannelInit.reliable());
            LinkedBlockingQueue<RTCDataChannelMessage> got = new LinkedBlockingQueue<>();
            RTCDataChannel remote = remoteOf(pair);
            remote.onMessage(got::add);
            int[] sizes = {0, 1, 1159, 1160, 1161, 65535, 65536, 256 * 1024};
            for (int size : sizes) {
                byte[] data = new byte[size];
                for (int i = 0; i < size; i++) {
                    data[i] = (byte) (i * 7 + size);
                }
                ch.send(data);
                RTCDataChannelMessage m = got.poll(20, TimeUnit.SECONDS);
                assertThat(m).as("binary message of %d bytes", size).isNotNull();
                assertThat(m.binary()).isTrue();
                assertThat(m.data()).isEqualTo(data);
            }
            ch.send("");
            RTCDataChannelMessage empty = got.poll(20, TimeUnit.SECONDS);
            assertThat(empty.binary()).isFalse();
            assertThat(empty.text()).isEmpty();
            assertThatThrownBy(() -> ch.send(new byte[256 * 1024 + 1]))
                    .isInstanceOfSatisfying(RTCException.class, e -> assertThat(e.name()).isEqualTo(RTCException.Name.TypeError));
        }
    }

    @Test
    void aHundredChannelsFromBothSidesAndPreNegotiatedOnes() throws Exception {
        try (LoopbackPair pair = new LoopbackPair(factory)) {
            Map<String, RTCDataChannel> atAnswerer = new ConcurrentHashMap<>();
            Map<String, RTCDataChannel> atOfferer = new ConcurrentHashMap<>();
            pair.answerer.onDataChannel(c -> atAnswerer.put(c.label(), c));
            pair.offerer.onDataChannel(c -> atOfferer.put(c.label(), c));
            CountDownLatch open = new CountDownLatch(52);
            List<RTCDataChannel> mine = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                RTCDataChannel c = pair.offerer.createDataChannel("o" + i,
                        i % 2 == 0 ? RTCDataChannelInit.reliable() : RTCDataChannelInit.reliable().ordered(false));
                c.onOpen(open::countDown);
                mine.add(c);
            }
            RTCDataChannel negotiatedA = pair.offerer.createDataChannel("neg", RTCDataChannelInit.reliable().negotiated(5));
            RTCDataChannel negotiatedB = pair.answerer.createDataChannel("neg", RTCDataChannelInit.reliable().negotiated(5));
            negotiatedA.onOpen(open::countDown);
            negotiatedB.onOpen(open::countDown);
            LoopbackPair.await(pair.negotiate());
            // channels created after the connection is up open at once, from the answerer too
            CountDownLatch later = new CountDownLatch(50);
            for (int i = 0; i < 50; i++) {
                RTCDataChannel c = pair.answerer.createDataChannel("a" + i,
                        RTCDataChannelInit.reliable().maxRetransmits(3));
                c.onOpen(later::countDown);
                mine.add(c);
            }
            assertThat(open.await(20, TimeUnit.SECONDS)).as("negotiated: %s %s", negotiatedA, negotiatedB).isTrue();
            assertThat(later.await(20, TimeUnit.SECONDS)).isTrue();
            List<String> notOpen = new ArrayList<>();
            for (RTCDataChannel c : mine) {
                if (c.readyState() != RTCDataChannelState.OPEN) {
                    notOpen.add(c.toString());
                }
            }
            assertThat(notOpen).as("channels not open").isEmpty();
            awaitSize(atAnswerer, 50);
            awaitSize(atOfferer, 50);
            assertThat(atAnswerer.get("o1").ordered()).isFalse();
            assertThat(atOfferer.get("a7").maxRetransmits()).isEqualTo(3);
            // offerer is the DTLS server here (it said actpass, the answerer chose active): odd ids
            assertThat(mine.get(0).id() % 2).isEqualTo(1);
            assertThat(mine.get(60).id() % 2).isEqualTo(0);
            assertThat(negotiatedA.id()).isEqualTo(5);

            // one message on an unordered channel and on a partially reliable one, each way
            CompletableFuture<String> viaUnordered = new CompletableFuture<>();
            atAnswerer.get("o1").onMessage(m -> viaUnordered.complete(m.text()));
            mine.get(1).send("unordered");
            assertThat(LoopbackPair.await(viaUnordered)).isEqualTo("unordered");
            CompletableFuture<byte[]> viaPartial = new CompletableFuture<>();
            atOfferer.get("a7").onMessage(m -> viaPartial.complete(m.data()));
            mine.get(57).send(new byte[] {7, 7, 7});
            assertThat(LoopbackPair.await(viaPartial)).containsExactly(7, 7, 7);

            CompletableFuture<String> viaNegotiated = new CompletableFuture<>();
            negotiatedB.onMessage(m -> viaNegotiated.complete(m.text()));
            negotiatedA.send("pre-negotiated");
            assertThat(LoopbackPair.await(viaNegotiated)).isEqualTo("pre-negotiated");
        }
    }

    @Test
    void closingOneChannelFromEitherSideLeavesTheOthersFlowing() throws Exception {
        try (LoopbackPair pair = new LoopbackPair(factory)) {
            Map<String, RTCDataChannel> remote = new ConcurrentHashMap<>();
            pair.answerer.onDataChannel(c -> remote.put(c.label(), c));
            RTCDataChannel a = pair.offerer.createDataChannel("a");
            RTCDataChannel b = pair.offerer.createDataChannel("b");
            RTCDataChannel keep = pair.offerer.createDataChannel("keep");
            CountDownLatch open = new CountDownLatch(3);
            for (RTCDataChannel c : List.of(a, b, keep)) {
                c.onOpen(open::countDown);
            }
            LoopbackPair.await(pair.negotiate());
            assertThat(open.await(20, TimeUnit.SECONDS)).isTrue();
            awaitSize(remote, 3);

            CompletableFuture<Void> aClosedRemotely = new CompletableFuture<>();
            List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
            RTCDataChannel aThere = remote.get("a");
            // W3C: closing announces a close the other side started, in state closing, before close
            aThere.onClosing(() -> events.add("closing there in " + aThere.readyState()));
            aThere.onClose(() -> {
                events.add("closed there");
                aClosedRemotely.complete(null);
            });
            a.onClosing(() -> events.add("closing here"));
            a.close(); // from the side that created it
            LoopbackPair.await(aClosedRemotely);
            assertThat(events).containsExactly("closing there in " + RTCDataChannelState.CLOSING, "closed there");

            CompletableFuture<Void> bClosedHere = new CompletableFuture<>();
            b.onClose(() -> bClosedHere.complete(null));
            remote.get("b").close(); // from the other side
            LoopbackPair.await(bClosedHere);
            assertThat(b.readyState()).isEqualTo(RTCDataChannelState.CLOSED);
            assertThatThrownBy(() -> b.send("x")).isInstanceOf(RTCException.class);

            CompletableFuture<String> stillFlowing = new CompletableFuture<>();
            remote.get("keep").onMessage(m -> stillFlowing.complete(m.text()));
            keep.send("still here");
            assertThat(LoopbackPair.await(stillFlowing)).isEqualTo("still here");
        }
    }

    @Test
    void closingTheConnectionClosesItsChannelsAndIsIdempotent() throws Exception {
        LoopbackPair pair = new LoopbackPair(factory);
        RTCDataChannel ch = openedChannel(pair, "bye", RTCDataChannelInit.reliable());
        CompletableFuture<Void> closed = new CompletableFuture<>();
        ch.onClose(() -> closed.complete(null));
        pair.offerer.close();
        LoopbackPair.await(closed);
        assertThat(pair.offerer.connectionState()).isEqualTo(RTCPeerConnectionState.CLOSED);
        assertThat(pair.offerer.signalingState()).isEqualTo(RTCSignalingState.CLOSED);
        pair.offerer.close();
        assertThatThrownBy(() -> LoopbackPair.await(pair.offerer.createOffer()))
                .hasCauseInstanceOf(RTCException.class);
        pair.close();
    }

    @Test
    void closeTellsThePeerAtOnce() throws Exception {
        // close() must put the SCTP ABORT and the DTLS close_notify on the wire before the socket
        // goes; otherwise the peer learns of it only when consent freshness expires (30 s).
        try (LoopbackPair pair = new LoopbackPair(factory)) {
            openedChannel(pair, "bye", RTCDataChannelInit.reliable());
            RTCDataChannel remote = remoteOf(pair);
            CompletableFuture<Void> remoteClosed = new CompletableFuture<>();
            remote.onClose(() -> remoteClosed.complete(null));
            pair.offerer.close();
            // 5 s only separates "told" from "found out by consent expiry" (30 s); it times nothing.
            remoteClosed.get(5, TimeUnit.SECONDS);
            assertThat(remote.readyState()).isEqualTo(RTCDataChannelState.CLOSED);
        }
    }

    @Test
    void zeroChecksumIsUsedByDefaultAndEitherSideCanStopOfferingIt() throws Exception {
        RTCConfiguration on = LoopbackPair.defaultConfig();
        RTCConfiguration off = RTCConfiguration.builder().interfaceFilter(org.rtc4j.transport.InterfaceFilter.loopbackOnly())
                .sctpZeroChecksum(false).build();
        assertThat(on.sctpZeroChecksum()).isTrue();
        RTCConfiguration[][] cases = {{on, on}, {off, on}, {on, off}};
        for (RTCConfiguration[] c : cases) {
            try (LoopbackPair pair = new LoopbackPair(factory, c[0], c[1])) {
                RTCDataChannel ch = openedChannel(pair, "crc", RTCDataChannelInit.reliable());
                LinkedBlockingQueue<RTCDataChannelMessage> got = new LinkedBlockingQueue<>();
                remoteOf(pair).onMessage(got::add);
                ch.send("checked");
                assertThat(got.poll(20, TimeUnit.SECONDS)).as("message").isNotNull();
                boolean expected = c[0] == on && c[1] == on;
                // Zero checksum is used only when both offered it (RFC 9653 §5): the INIT of a side
                // that is off carries no 0x8001, and one that is off ignores the peer's.
                assertThat(zeroChecksumInUse(pair.offerer)).as("offerer, case %s/%s", c[0] == on, c[1] == on)
                        .isEqualTo(expected);
                assertThat(zeroChecksumInUse(pair.answerer)).as("answerer, case %s/%s", c[0] == on, c[1] == on)
                        .isEqualTo(expected);
            }
        }
    }

    private static boolean zeroChecksumInUse(RTCPeerConnection pc) throws Exception {
        CompletableFuture<Boolean> f = new CompletableFuture<>();
        pc.loop().execute(() -> f.complete(pc.stackForTests().sctp().stats().zeroChecksum()));
        return LoopbackPair.await(f);
    }

    static RTCDataChannel openedChannel(LoopbackPair pair, String label, RTCDataChannelInit init) throws Exception {
        RTCDataChannel ch = pair.offerer.createDataChannel(label, init);
        CompletableFuture<Void> opened = new CompletableFuture<>();
        ch.onOpen(() -> opened.complete(null));
        CompletableFuture<RTCDataChannel> remote = new CompletableFuture<>();
        pair.answerer.onDataChannel(remote::complete);
        LoopbackPair.await(pair.negotiate());
        LoopbackPair.await(opened);
        REMOTE.put(pair, LoopbackPair.await(remote));
        return ch;
    }

    private static final Map<LoopbackPair, RTCDataChannel> REMOTE = new ConcurrentHashMap<>();

    static RTCDataChannel remoteOf(LoopbackPair pair) {
        return REMOTE.remove(pair);
    }

    private static void awaitSize(Map<?, ?> m, int n) throws InterruptedException {
        for (int i = 0; i < 200 && m.size() < n; i++) {
            Thread.sleep(50);
        }
        assertThat(m).hasSize(n);
    }
}
