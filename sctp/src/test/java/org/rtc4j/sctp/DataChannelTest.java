package org.rtc4j.sctp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DataChannelTest {
    private static SimNetwork connected(long seed, SctpConfig a, SctpConfig b) {
        SimNetwork n = new SimNetwork(new SctpAssociation(a), new SctpAssociation(b),
                new SimNetwork.Link().delayMs(5, 0), new SimNetwork.Link().delayMs(5, 0), seed);
        assertThat(n.connectBoth()).isTrue();
        return n;
    }

    private static SimNetwork connected(long seed) {
        return connected(seed, SimNetwork.config(true, seed), SimNetwork.config(false, seed + 1));
    }

    private static List<SctpEvent.ChannelMessage> messages(SimNetwork.Peer p) {
        List<SctpEvent.ChannelMessage> out = new ArrayList<>();
        for (SctpEvent e : p.log) {
            if (e instanceof SctpEvent.ChannelMessage m) {
                out.add(m);
            }
        }
        return out;
    }

    @Test
    void thousandChannelsOpenCarryAndClose() {
        SimNetwork n = connected(21);
        n.a.keepLog = false;
        n.b.keepLog = false;
        Map<Integer, DataChannel> remote = new HashMap<>();
        Map<Integer, Integer> got = new HashMap<>();
        List<DataChannel> closedAtB = new ArrayList<>();
        List<DataChannel> closedAtA = new ArrayList<>();
        n.b.onEvent = e -> {
            if (e instanceof SctpEvent.ChannelOpen o && o.remote()) {
                remote.put(o.channel().id(), o.channel());
            } else if (e instanceof SctpEvent.ChannelMessage m) {
                assertThat(m.text()).isEqualTo("m" + m.channel().id());
                got.merge(m.channel().id(), 1, Integer::sum);
            } else if (e instanceof SctpEvent.ChannelClosed c) {
                closedAtB.add(c.channel());
            }
        };
        n.a.onEvent = e -> {
            if (e instanceof SctpEvent.ChannelClosed c) {
                closedAtA.add(c.channel());
            }
        };
        List<DataChannel> local = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            DataChannel c = n.a.assoc.createDataChannel("ch" + i, null);
            assertThat(c.readyState()).isEqualTo(DataChannelState.OPEN);
            c.send("m" + c.id());
            local.add(c);
        }
        assertThat(local).extracting(DataChannel::id).doesNotHaveDuplicates().allMatch(id -> id % 2 == 0);
        assertThat(n.runUntil(() -> got.size() == 1000, 30_000)).isTrue();
        assertThat(remote).hasSize(1000);
        assertThat(got.values()).containsOnly(1);
        for (DataChannel c : local) {
            c.close();
            assertThat(c.readyState()).isEqualTo(DataChannelState.CLOSING);
        }
        assertThat(n.runUntil(() -> closedAtA.size() == 1000 && closedAtB.size() == 1000, 60_000)).isTrue();
        assertThat(local).allMatch(c -> c.readyState() == DataChannelState.CLOSED);
        assertThat(remote.values()).allMatch(c -> c.readyState() == DataChannelState.CLOSED);
        assertThat(n.a.assoc.channels()).isEmpty();
        assertThat(n.b.assoc.channels()).isEmpty();
        // Ids are free again and the association still works.
        DataChannel again = n.a.assoc.createDataChannel("again", null);
        assertThat(again.id() % 2).isZero();
        again.send("m" + again.id());
        assertThat(n.runUntil(() -> got.containsKey(again.id()), 10_000)).isTrue();
    }

    @Test
    void messageSizesFromEmptyToMaxMessageSize() {
        SimNetwork n = connected(22);
        DataChannel ca = n.a.assoc.createDataChannel("sizes", null);
        int frag = 1200 - 12 - 16;
        int max = 256 * 1024;
        int[] sizes = {0, 1, frag - 1, frag, frag + 1, 2 * frag, 65536, max - 1, max};
        Random r = new Random(5);
        List<byte[]> sent = new ArrayList<>();
        for (int s : sizes) {
            byte[] m = new byte[s];
            r.nextBytes(m);
            sent.add(m);
            ca.send(m);
        }
        ca.send("");
        ca.send(ByteBuffer.wrap(new byte[] {9, 8, 7}));
        assertThat(n.runUntil(() -> messages(n.b).size() == sizes.length + 2, 30_000)).isTrue();
        List<SctpEvent.ChannelMessage> got = messages(n.b);
        for (int i = 0; i < sizes.length; i++) {
            assertThat(got.get(i).binary()).isTrue();
            assertThat(got.get(i).data()).as("size " + sizes[i]).isEqualTo(sent.get(i));
        }
        assertThat(got.get(sizes.length).binary()).isFalse();
        assertThat(got.get(sizes.length).text()).isEmpty();
        assertThat(got.get(sizes.length + 1).data()).containsExactly(9, 8, 7);
        assertThat(ca.bufferedAmount()).isZero();
    }

    @Test
    void handedOverArraysKeepTheirKind() {
        SimNetwork n = connected(24);
        DataChannel ca = n.a.assoc.createDataChannel("owned", null);
        ca.sendOwned("héllo".getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
        ca.sendOwned(new byte[] {1, 2, 3}, true);
        ca.sendOwned(new byte[0], false);
        ca.sendOwned(new byte[0], true);
        assertThat(ca.bufferedAmount()).isEqualTo(5 + 1 + 3);
        assertThat(n.runUntil(() -> messages(n.b).size() == 4, 10_000)).isTrue();
        List<SctpEvent.ChannelMessage> got = messages(n.b);
        assertThat(got.get(0).binary()).isFalse();
        assertThat(got.get(0).text()).isEqualTo("héllo");
        assertThat(got.get(1).binary()).isTrue();
        assertThat(got.get(1).data()).containsExactly(1, 2, 3);
        assertThat(got.get(2).binary()).isFalse();
        assertThat(got.get(2).text()).isEmpty();
        assertThat(got.get(3).binary()).isTrue();
        assertThat(got.get(3).data()).isEmpty();
        assertThat(ca.bufferedAmount()).isZero();
    }

    @Test
    void overTheLimitIsRefusedWithAClearError() {
        SimNetwork n = connected(23);
        DataChannel ca = n.a.assoc.createDataChannel("big", null);
        assertThatThrownBy(() -> ca.send(new byte[256 * 1024 + 1])).isInstanceOf(MessageTooLargeException.class)
                .hasMessageContaining("262145").hasMessageContaining("max-message-size of 262144");
        n.a.assoc.setRemoteMaxMessageSize(65536);
        assertThatThrownBy(() -> ca.send(new byte[65537])).isInstanceOf(MessageTooLargeException.class);
        assertThat(ca.bufferedAmount()).isZero();
        ca.send(new byte[65536]);
        assertThat(n.runUntil(() -> messages(n.b).size() == 1, 10_000)).isTrue();
        n.a.assoc.setRemoteMaxMessageSize(0);
        assertThat(n.a.assoc.maxSendMessageSize()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void closingOneChannelLeavesOthersFlowing() {
        SimNetwork n = connected(24);
        n.a.keepLog = false;
        DataChannel keep = n.a.assoc.createDataChannel("keep", null);
        DataChannel close = n.a.assoc.createDataChannel("close", null);
        Map<String, Integer> got = new HashMap<>();
        List<String> closedAtB = new ArrayList<>();
        List<String> closingAtA = new ArrayList<>();
        n.b.keepLog = false;
        n.b.onEvent = e -> {
            if (e instanceof SctpEvent.ChannelMessage m) {
                got.merge(m.channel().label(), 1, Integer::sum);
            } else if (e instanceof SctpEvent.ChannelClosing c) {
                // announced to the side that did not call close(), while the channel is closing
                assertThat(c.channel().readyState()).isEqualTo(DataChannelState.CLOSING);
                closedAtB.add("closing:" + c.channel().label());
            } else if (e instanceof SctpEvent.ChannelClosed c) {
                closedAtB.add(c.channel().label());
            }
        };
        n.a.onEvent = e -> {
            if (e instanceof SctpEvent.ChannelClosing c) {
                closingAtA.add(c.channel().label());
            }
        };
        for (int i = 0; i < 20; i++) {
            keep.send("k" + i);
            close.send("c" + i);
        }
        close.close();
        assertThatThrownBy(() -> close.send("late")).isInstanceOf(IllegalStateException.class);
        assertThat(n.runUntil(() -> closedAtB.contains("close"), 10_000)).isTrue();
        // Messages queued before close() still arrive (W3C closing procedure).
        assertThat(got.get("close")).isEqualTo(20);
        for (int i = 0; i < 20; i++) {
            keep.send("k" + i);
        }
        assertThat(n.runUntil(() -> got.get("keep") == 40, 10_000)).isTrue();
        assertThat(keep.readyState()).isEqualTo(DataChannelState.OPEN);
        assertThat(close.readyState()).isEqualTo(DataChannelState.CLOSED);
        assertThat(closedAtB).containsExactly("closing:close", "close");
        assertThat(closingAtA).as("no closing event for the side that closed").isEmpty();
    }

    @Test
    void negotiatedChannelsAndParity() {
        SimNetwork n = connected(25);
        DataChannel a = n.a.assoc.createDataChannel("neg", DataChannelInit.reliable().negotiated(7));
        DataChannel b = n.b.assoc.createDataChannel("neg", DataChannelInit.reliable().negotiated(7));
        assertThat(a.readyState()).isEqualTo(DataChannelState.OPEN);
        assertThat(a.negotiated()).isTrue();
        a.send("to b");
        b.send("to a");
        assertThat(n.runUntil(() -> messages(n.a).size() == 1 && messages(n.b).size() == 1, 5_000)).isTrue();
        assertThat(messages(n.b).get(0).channel()).isSameAs(b);
        assertThat(n.b.log).noneMatch(e -> e instanceof SctpEvent.ChannelOpen o && o.remote());
        DataChannel odd = n.b.assoc.createDataChannel("odd", null);
        DataChannel even = n.a.assoc.createDataChannel("even", null);
        assertThat(odd.id() % 2).isEqualTo(1);
        assertThat(even.id() % 2).isEqualTo(0);
        assertThatThrownBy(() -> n.a.assoc.createDataChannel("dup", DataChannelInit.reliable().negotiated(7)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void channelOptionsTravelInDcep() {
        SimNetwork n = connected(26);
        List<DataChannel> remote = new ArrayList<>();
        n.b.onEvent = e -> {
            if (e instanceof SctpEvent.ChannelOpen o && o.remote()) {
                remote.add(o.channel());
            }
        };
        n.a.assoc.createDataChannel("u", DataChannelInit.reliable().ordered(false).maxRetransmits(3).priority(512));
        n.a.assoc.createDataChannel("t", DataChannelInit.reliable().maxPacketLifeTime(250).protocol("chat/1"));
        n.a.assoc.createDataChannel("ünïcode", null);
        assertThat(n.runUntil(() -> remote.size() == 3, 5_000)).isTrue();
        DataChannel u = remote.get(0);
        assertThat(u.ordered()).isFalse();
        assertThat(u.maxRetransmits()).isEqualTo(3);
        assertThat(u.maxPacketLifeTime()).isNull();
        assertThat(u.priority()).isEqualTo(512);
        DataChannel t = remote.get(1);
        assertThat(t.ordered()).isTrue();
        assertThat(t.maxPacketLifeTime()).isEqualTo(250);
        assertThat(t.protocol()).isEqualTo("chat/1");
        assertThat(remote.get(2).label()).isEqualTo("ünïcode");
        assertThatThrownBy(() -> n.a.assoc.createDataChannel("x",
                DataChannelInit.reliable().maxRetransmits(1).maxPacketLifeTime(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bufferedAmountAndLowThresholdEvent() {
        SimNetwork n = connected(27);
        DataChannel ca = n.a.assoc.createDataChannel("buf", null);
        ca.bufferedAmountLowThreshold(10_000);
        for (int i = 0; i < 50; i++) {
            ca.send(new byte[1000]);
        }
        assertThat(ca.bufferedAmount()).isEqualTo(50_000);
        assertThat(n.runUntil(() -> messages(n.b).size() == 50, 10_000)).isTrue();
        assertThat(ca.bufferedAmount()).isZero();
        assertThat(n.a.log.stream().filter(e -> e instanceof SctpEvent.BufferedAmountLow).count()).isEqualTo(1);
    }

    @Test
    void channelsCreatedBeforeTheAssociationOpenWithIt() {
        SimNetwork n = new SimNetwork(new SctpAssociation(SimNetwork.config(false, 31)),
                new SctpAssociation(SimNetwork.config(true, 32)), new SimNetwork.Link().delayMs(5, 0),
                new SimNetwork.Link().delayMs(5, 0), 31);
        DataChannel early = n.a.assoc.createDataChannel("early", null);
        assertThat(early.readyState()).isEqualTo(DataChannelState.CONNECTING);
        assertThat(early.id()).isEqualTo(-1);
        assertThatThrownBy(() -> early.send("x")).isInstanceOf(IllegalStateException.class);
        assertThat(n.connectBoth()).isTrue();
        assertThat(early.readyState()).isEqualTo(DataChannelState.OPEN);
        assertThat(early.id() % 2).isEqualTo(1);
        early.send("x");
        assertThat(n.runUntil(() -> messages(n.b).size() == 1, 5_000)).isTrue();
    }
}
