package org.rtc4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.rtc4j.PeerConnectionFactory;
import org.rtc4j.RTCConfiguration;
import org.rtc4j.RTCDataChannel;
import org.rtc4j.RTCPeerConnection;
import org.rtc4j.transport.InterfaceFilter;

/**
 * Heap retained per idle, connected {@code RTCPeerConnection} with one open data channel: N
 * connections (N/2 loopback pairs) are set up and left idle, and the heap after full GCs is
 * compared with the heap before. Not JMH: this measures a state, not an operation.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.rtc4j.benchmarks.IdleConnectionFootprint 1000</pre>
 */
public final class IdleConnectionFootprint {

    private IdleConnectionFootprint() {
    }

    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        RTCConfiguration config = RTCConfiguration.builder().interfaceFilter(InterfaceFilter.loopbackOnly()).build();
        try (PeerConnectionFactory factory = PeerConnectionFactory.create(2)) {
            // Warm up class loading and the JIT so they do not count as per-connection heap.
            List<RTCPeerConnection> warm = connectPairs(factory, config, 10);
            warm.forEach(RTCPeerConnection::close);
            long before = usedHeapAfterGc();
            List<RTCPeerConnection> open = connectPairs(factory, config, connections / 2);
            long after = usedHeapAfterGc();
            double perConnection = (after - before) / (double) open.size();
            System.out.printf("connections=%d heap_before_kib=%d heap_after_kib=%d per_connection_kib=%.1f%n",
                    open.size(), before >> 10, after >> 10, perConnection / 1024);
            open.forEach(RTCPeerConnection::close);
        }
    }

    private static List<RTCPeerConnection> connectPairs(PeerConnectionFactory factory, RTCConfiguration config,
            int pairs) throws Exception {
        List<RTCPeerConnection> all = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            RTCPeerConnection a = factory.createPeerConnection(config);
            RTCPeerConnection b = factory.createPeerConnection(config);
            RTCDataChannel ch = a.createDataChannel("idle");
            CompletableFuture<Void> opened = new CompletableFuture<>();
            ch.onOpen(() -> opened.complete(null));
            a.setLocalDescription().get(10, TimeUnit.SECONDS);
            waitGathered(a);
            b.setRemoteDescription(a.localDescription()).get(10, TimeUnit.SECONDS);
            b.setLocalDescription().get(10, TimeUnit.SECONDS);
            waitGathered(b);
            a.setRemoteDescription(b.localDescription()).get(10, TimeUnit.SECONDS);
            opened.get(30, TimeUnit.SECONDS);
            all.add(a);
            all.add(b);
        }
        return all;
    }

    // Exchanging complete descriptions (no trickle) keeps this driver free of signaling.
    static void waitGathered(RTCPeerConnection pc) throws InterruptedException {
        for (int i = 0; i < 500 && !pc.localDescription().sdp().contains("a=end-of-candidates"); i++) {
            Thread.sleep(2);
        }
    }

    static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
