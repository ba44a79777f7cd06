package org.rtc4j.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.EventLoop;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UdpSocketTest {

    private static EventLoops loops;

    @BeforeAll
    static void start() {
        loops = EventLoops.create(2, true);
    }

    @AfterAll
    static void stop() {
        loops.close();
    }

    @Test
    void datagramsCrossOnTheOwningLoop() throws Exception {
        InetAddress lo = InetAddress.getLoopbackAddress();
        EventLoop loop = loops.next();
        LinkedBlockingQueue<String> got = new LinkedBlockingQueue<>();
        try (UdpSocket a = UdpSocket.bind(loops, loop, lo, PortRange.ANY, (s, from, d, o, n) -> { }).join();
             UdpSocket b = UdpSocket.bind(loops, loop, lo, PortRange.ANY, (s, from, d, o, n) -> got.add(
                     (loop.inEventLoop() ? "on-loop " : "off-loop ") + from.getPort() + " "
                             + new String(d, o, n, StandardCharsets.UTF_8))).join()) {
            byte[] msg = "xhello".getBytes(StandardCharsets.UTF_8);
            a.send(msg, 1, msg.length - 1, b.localAddress());
            assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo("on-loop " + a.localAddress().getPort() + " hello");
            assertThat(a.datagramsSent()).isEqualTo(1);
            assertThat(b.datagramsReceived()).isEqualTo(1);
        }
    }

    @Test
    void aBurstFromTheLoopArrivesAsTheSameDatagramsInOrder() throws Exception {
        // On epoll this burst leaves as GSO sends (runs of one size, a shorter datagram ending a run,
        // a change of destination) and may arrive through GRO; either way the receiver must see
        // exactly the datagrams that were sent, each once, in order, and one read-complete per burst.
        InetAddress lo = InetAddress.getLoopbackAddress();
        EventLoop loop = loops.next();
        LinkedBlockingQueue<byte[]> atB = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<byte[]> atC = new LinkedBlockingQueue<>();
        java.util.concurrent.atomic.AtomicInteger readsCompleted = new java.util.concurrent.atomic.AtomicInteger();
        DatagramHandler toB = new DatagramHandler() {
            @Override
            public void onDatagram(UdpSocket socket, InetSocketAddress from, byte[] buffer, int offset, int length) {
                atB.add(java.util.Arrays.copyOfRange(buffer, offset, offset + length));
            }

            @Override
            public void onReadComplete(UdpSocket socket) {
                readsCompleted.incrementAndGet();
            }
        };
        int[] sizes = new int[150];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = i == 70 ? 300 : i == 71 ? 1197 : i % 40 == 39 ? 500 : 1197;
        }
        try (UdpSocket a = UdpSocket.bind(loops, loop, lo, PortRange.ANY, (s, from, d, o, n) -> { }).join();
             UdpSocket b = UdpSocket.bind(loops, loop, lo, PortRange.ANY, toB).join();
             UdpSocket c = UdpSocket.bind(loops, loop, lo, PortRange.ANY, (s, from, d, o, n) -> atC.add(java.util.Arrays.copyOfRange(d, o, o + n))).join()) {
            loop.submit(() -> {
                for (int i = 0; i < sizes.length; i++) {
                    byte[] d = new byte[sizes[i]];
                    java.util.Arrays.fill(d, (byte) i);
                    a.send(d, 0, d.length, i == 100 ? c.localAddress() : b.localAddress());
                }
            }).sync();
            for (int i = 0; i < sizes.length; i++) {
                byte[] d = (i == 100 ? atC : atB).poll(5, TimeUnit.SECONDS);
                assertThat(d).as("datagram %d", i).isNotNull().hasSize(sizes[i]);
                assertThat(d[0]).as("datagram %d", i).isEqualTo((byte) i);
            }
            assertThat(atB.poll(200, TimeUnit.MILLISECONDS)).isNull();
            assertThat(a.datagramsSent()).isEqualTo(sizes.length);
            assertThat(b.datagramsReceived()).isEqualTo(sizes.length - 1);
            assertThat(readsCompleted.get()).isBetween(1, sizes.length - 1);
            assertThat(a.segmentationOffload())
                    .isEqualTo(loops.isEpoll() && io.netty.channel.epoll.EpollDatagramChannel.isSegmentedDatagramPacketSupported());
        }
    }

    @Test
    void portRangeIsHonouredAndExhaustionFails() {
        InetAddress lo = InetAddress.getLoopbackAddress();
        EventLoop loop = loops.next();
        try (UdpSocket first = UdpSocket.bind(loops, loop, lo, PortRange.ANY, (s, f, d, o, n) -> { }).join()) {
            int p = first.localAddress().getPort();
            // a one-port range that is taken cannot bind
            assertThatThrownBy(() -> UdpSocket.bind(loops, loop, lo, PortRange.of(p, p), (s, f, d, o, n) -> { }).join())
                    .isInstanceOf(CompletionException.class);
            // a two-port range with one taken binds the other
            int q = p == 65535 ? p - 1 : p + 1;
            PortRange two = PortRange.of(Math.min(p, q), Math.max(p, q));
            try (UdpSocket second = UdpSocket.bind(loops, loop, lo, two, (s, f, d, o, n) -> { }).join()) {
                assertThat(second.localAddress().getPort()).isEqualTo(q);
            } catch (CompletionException e) {
                // q was taken by another process on this machine: nothing to conclude
                assertThat(e.getCause()).isNotNull();
            }
        }
    }

    @Test
    void closeReleasesThePort() {
        InetAddress lo = InetAddress.getLoopbackAddress();
        UdpSocket s = UdpSocket.bind(loops, loops.next(), lo, PortRange.ANY, (x, f, d, o, n) -> { }).join();
        InetSocketAddress at = s.localAddress();
        s.close();
        assertThat(s.isOpen()).isFalse();
        try (UdpSocket again = UdpSocket.bind(loops, loops.next(), lo, PortRange.of(at.getPort(), at.getPort()),
                (x, f, d, o, n) -> { }).join()) {
            assertThat(again.localAddress()).isEqualTo(at);
        }
    }

    @Test
    void loopbackFilterSelectsOnlyLoopback() {
        assertThat(InterfaceFilter.loopbackOnly().select()).containsExactly(InetAddress.getLoopbackAddress());
        assertThat(InterfaceFilter.defaults().select()).noneMatch(InetAddress::isLoopbackAddress);
    }
}
