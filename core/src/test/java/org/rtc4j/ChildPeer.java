package org.rtc4j;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.rtc4j.transport.InterfaceFilter;

/**
 * An rtc4j peer in a process of its own, for tests that kill it (kill -9): reads one offer (the
 * JSON form, candidates inline) from stdin, answers on stdout once gathering is complete, and
 * takes whatever arrives on its data channels, printing {@code received N} every MiB.
 */
public final class ChildPeer {

    private ChildPeer() {
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (PeerConnectionFactory factory = PeerConnectionFactory.create(1)) {
            RTCPeerConnection pc = factory.createPeerConnection(
                    RTCConfiguration.builder().interfaceFilter(InterfaceFilter.loopbackOnly()).build());
            long[] received = {0};
            pc.onDataChannel(ch -> ch.onMessage(m -> {
                long before = received[0];
                received[0] += m.data().length;
                if (received[0] >> 20 != before >> 20) {
                    out.println("received " + received[0]);
                }
            }));
            CompletableFuture<Void> gathered = new CompletableFuture<>();
            pc.onIceGatheringStateChange(s -> {
                if (s == RTCIceGatheringState.COMPLETE) {
                    gathered.complete(null);
                }
            });
            pc.setRemoteDescription(RTCSessionDescription.fromJson(in.readLine())).get(20, TimeUnit.SECONDS);
            pc.setLocalDescription().get(20, TimeUnit.SECONDS);
            gathered.get(20, TimeUnit.SECONDS);
            out.println("answer " + pc.localDescription().toJson());
            // Until killed, or until the test closes stdin.
            while (in.readLine() != null) {
                Thread.onSpinWait();
            }
            pc.close();
        }
    }
}
