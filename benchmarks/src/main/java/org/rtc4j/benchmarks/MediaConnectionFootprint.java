package org.rtc4j.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.rtc4j.EncodedFrame;
import org.rtc4j.LocalFrameTrack;
import org.rtc4j.PeerConnectionFactory;
import org.rtc4j.RTCConfiguration;
import org.rtc4j.RTCPeerConnection;
import org.rtc4j.RTCPeerConnectionState;
import org.rtc4j.RTCRtpCodecCapability;
import org.rtc4j.transport.InterfaceFilter;

/**
 * Heap retained per connected {@code RTCPeerConnection} that sends and receives one audio
 * (Opus) and one video (VP8) track: N connections (N/2 loopback pairs, every connection sending
 * both tracks and reassembling both of its peer's), media sent on all of them (so RTX history,
 * sample builders and report state exist), then the heap after full GCs compared with before.
 * Not JMH: this measures a state, not an operation.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.rtc4j.benchmarks.MediaConnectionFootprint 200</pre>
 */
public final class MediaConnectionFootprint {

    private MediaConnectionFootprint() {
    }

    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        RTCConfiguration config = RTCConfiguration.builder().interfaceFilter(InterfaceFilter.loopbackOnly()).build();
        try (PeerConnectionFactory factory = PeerConnectionFactory.create(2)) {
            LocalFrameTrack video = LocalFrameTrack.create(RTCRtpCodecCapability.VP8);
            LocalFrameTrack audio = LocalFrameTrack.create(RTCRtpCodecCapability.OPUS);
            AtomicLong frames = new AtomicLong();
            List<RTCPeerConnection> warm = connectPairs(factory, config, 5, frames, video, audio);
            send(video, audio, 60);
            warm.forEach(RTCPeerConnection::close);
            long before = IdleConnectionFootprint.usedHeapAfterGc();
            List<RTCPeerConnection> open = connectPairs(factory, config, connections / 2, frames, video, audio);
            // Three seconds of media on every connection: 30 fps of 3-5 KB video frames, 50 fps of Opus.
            long f0 = frames.get();
            send(video, audio, 90);
            Thread.sleep(1500);
            long received = frames.get() - f0;
            long after = IdleConnectionFootprint.usedHeapAfterGc();
            double perConnection = (after - before) / (double) open.size();
            System.out.printf("connections=%d frames_received=%d heap_before_kib=%d heap_after_kib=%d "
                    + "per_connection_kib=%.1f%n", open.size(), received, before >> 10, after >> 10, perConnection / 1024);
            open.forEach(RTCPeerConnection::close);
        }
    }

    private static void send(LocalFrameTrack video, LocalFrameTrack audio, int videoFrames) throws InterruptedException {
        Random r = new Random(1);
        for (int i = 0; i < videoFrames; i++) {
            byte[] v = new byte[3000 + r.nextInt(2000)];
            r.nextBytes(v);
            boolean key = i % 30 == 0;
            v[0] = (byte) (key ? v[0] & ~1 : v[0] | 1);
            video.writeFrame(EncodedFrame.of(v, Duration.ofMillis(33), key));
            for (int k = 0; k < 2; k++) {
                byte[] a = new byte[120];
                r.nextBytes(a);
                audio.writeFrame(EncodedFrame.of(a, Duration.ofMillis(20), true));
            }
            Thread.sleep(33);
        }
    }

    /** Connects {@code pairs} loopback pairs, each side sending {@code tracks} and counting frames received. */
    static List<RTCPeerConnection> connectPairs(PeerConnectionFactory factory, RTCConfiguration config,
            int pairs, AtomicLong frames, LocalFrameTrack... tracks) throws Exception {
        List<RTCPeerConnection> all = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            RTCPeerConnection a = factory.createPeerConnection(config);
            RTCPeerConnection b = factory.createPeerConnection(config);
            for (RTCPeerConnection pc : List.of(a, b)) {
                for (LocalFrameTrack t : tracks) {
                    pc.addTrack(t, "s");
                }
                pc.onTrack(e -> e.track().onFrame(f -> frames.incrementAndGet()));
            }
            CompletableFuture<Void> up = new CompletableFuture<>();
            a.onConnectionStateChange(s -> {
                if (s == RTCPeerConnectionState.CONNECTED) {
                    up.complete(null);
                }
            });
            a.setLocalDescription().get(10, TimeUnit.SECONDS);
            IdleConnectionFootprint.waitGathered(a);
            b.setRemoteDescription(a.localDescription()).get(10, TimeUnit.SECONDS);
            b.setLocalDescription().get(10, TimeUnit.SECONDS);
            IdleConnectionFootprint.waitGathered(b);
            a.setRemoteDescription(b.localDescription()).get(10, TimeUnit.SECONDS);
            up.get(30, TimeUnit.SECONDS);
            all.add(a);
            all.add(b);
        }
        return all;
    }
}
