package org.rtc4j.sctp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Interop with an SCTP stack nobody here wrote: aiortc's pure-Python SCTP and DCEP, over UDP on
 * 127.0.0.1 with the DTLS layer left out (a stub DTLS transport on the Python side), so the wire
 * format, handshake, SACKs, fragmentation, DCEP and stream reset meet a foreign implementation.
 */
class AiortcInteropTest {
    private Process python;
    private DatagramSocket socket;
    private InetSocketAddress peer;
    private SctpAssociation sctp;
    private final List<SctpEvent> events = new ArrayList<>();
    private final long start = System.nanoTime();

    private long now() {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private boolean drive(BooleanSupplier done, long maxMs) throws Exception {
        long deadline = now() + maxMs;
        byte[] buf = new byte[65536];
        while (!done.getAsBoolean() && now() < deadline) {
            byte[] out;
            while ((out = sctp.pollTransmit(now())) != null) {
                socket.send(new DatagramPacket(out, out.length, peer));
            }
            SctpEvent e;
            while ((e = sctp.pollEvent()) != null) {
                events.add(e);
            }
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
                sctp.handle(Arrays.copyOf(p.getData(), p.getLength()), now());
            } catch (SocketTimeoutException idle) {
                // timers below
            }
            if (sctp.nextTimeout() <= now()) {
                sctp.handleTimeout(now());
            }
        }
        return done.getAsBoolean();
    }

    private List<SctpEvent.ChannelMessage> messagesOn(String label) {
        List<SctpEvent.ChannelMessage> out = new ArrayList<>();
        for (SctpEvent e : events) {
            if (e instanceof SctpEvent.ChannelMessage m && m.channel().label().equals(label)) {
                out.add(m);
            }
        }
        return out;
    }

    @Test
    void talksToAiortc() throws Exception {
        Path python3 = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python3), "python3 with aiortc is part of the test environment");
        Path script = Path.of(getClass().getResource("aiortc_sctp_echo.py").toURI());
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(5);
        python = new ProcessBuilder(python3.toString(), script.toString(), String.valueOf(socket.getLocalPort()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8));
            String line = r.readLine();
            assumeTrue(line != null && line.startsWith("PORT "), "aiortc importable");
            peer = new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(line.substring(5).trim()));
            // aiortc (acting as SCTP server) uses even ids; we take the odd ones.
            sctp = new SctpAssociation(SctpConfig.defaults().dtlsClient(false).remoteMaxMessageSize(65536)
                    .random(new Random(1)));
            sctp.connect(now());
            assertThat(drive(() -> sctp.state() == SctpAssociationState.ESTABLISHED, 10_000)).isTrue();

            DataChannel echo = sctp.createDataChannel("echo", DataChannelInit.reliable().protocol("p"));
            DataChannel unordered = sctp.createDataChannel("unordered", DataChannelInit.reliable().ordered(false));
            byte[] big = new byte[50_000];
            new Random(2).nextBytes(big);
            echo.send("hello aiortc");
            echo.send(new byte[] {1, 2, 3});
            echo.send("");
            echo.send(new byte[0]);
            echo.send(big);
            for (int i = 0; i < 20; i++) {
                unordered.send("u" + i);
            }
            assertThat(drive(() -> messagesOn("echo").size() == 5 && messagesOn("unordered").size() == 20
                    && !messagesOn("from-aiortc").isEmpty(), 20_000)).as("events %s", events).isTrue();
            List<SctpEvent.ChannelMessage> got = messagesOn("echo");
            assertThat(got.get(0).text()).isEqualTo("hello aiortc");
            assertThat(got.get(0).binary()).isFalse();
            assertThat(got.get(1).data()).containsExactly(1, 2, 3);
            assertThat(got.get(1).binary()).isTrue();
            assertThat(got.get(2).data()).isEmpty();
            assertThat(got.get(2).binary()).isFalse();
            assertThat(got.get(3).data()).isEmpty();
            assertThat(got.get(3).binary()).isTrue();
            assertThat(got.get(4).data()).isEqualTo(big);
            assertThat(messagesOn("unordered")).extracting(SctpEvent.ChannelMessage::text)
                    .containsExactlyInAnyOrderElementsOf(() -> java.util.stream.IntStream.range(0, 20)
                            .mapToObj(i -> "u" + i).iterator());
            SctpEvent.ChannelMessage hello = messagesOn("from-aiortc").get(0);
            assertThat(hello.text()).isEqualTo("hello from aiortc");
            assertThat(hello.channel().id() % 2).isZero();

            // aiortc closes this one after echoing: its stream reset must close our channel.
            DataChannel closeMe = sctp.createDataChannel("close-me", null);
            closeMe.send("bye");
            assertThat(drive(() -> closeMe.readyState() == DataChannelState.CLOSED, 10_000)).isTrue();
            // And we close one ourselves; the others keep working.
            unordered.close();
            assertThat(drive(() -> unordered.readyState() == DataChannelState.CLOSED, 10_000)).isTrue();
            echo.send("still here");
            assertThat(drive(() -> messagesOn("echo").size() == 6, 10_000)).isTrue();
            assertThat(sctp.stats().packetsDropped()).isZero();
        } finally {
            byte[] quit = "quit".getBytes(StandardCharsets.US_ASCII);
            if (peer != null) {
                socket.send(new DatagramPacket(quit, quit.length, peer));
            }
            if (!python.waitFor(5, TimeUnit.SECONDS)) {
                python.destroyForcibly();
            }
            socket.close();
        }
    }
}
