package org.rtc4j.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.rtc4j.EncodedFrame;
import org.rtc4j.LocalFrameTrack;
import org.rtc4j.PeerConnectionFactory;
import org.rtc4j.RTCConfiguration;
import org.rtc4j.RTCPeerConnection;
import org.rtc4j.RTCRtpCodecCapability;
import org.rtc4j.transport.InterfaceFilter;

/**
 * Whether a long call's retransmission state stays bounded: one loopback pair, each side sending
 * VP8 at the given bit rate (30 fps) to the other, NACK and RTX negotiated, for the given minutes;
 * the heap after full GCs is printed every minute, then once more after both senders stop (their
 * RTX histories are released). Not JMH: this measures a state over time.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.rtc4j.benchmarks.MediaHistoryFootprint 10 2500</pre>
 */
public final class MediaHistoryFootprint {

    private MediaHistoryFootprint() {
    }

    public static void main(String[] args) throws Exception {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int kbps = args.length > 1 ? Integer.parseInt(args[1]) : 2500;
        int frameBytes = kbps * 1000 / 8 / 30;
        RTCConfiguration config = RTCConfiguration.builder().interfaceFilter(InterfaceFilter.loopbackOnly()).build();
        try (PeerConnectionFactory factory = PeerConnectionFactory.create(2)) {
            LocalFrameTrack video = LocalFrameTrack.create(RTCRtpCodecCapability.VP8);
            AtomicLong frames = new AtomicLong();
            List<RTCPeerConnection> pair = MediaConnectionFootprint.connectPairs(factory, config, 1, frames, video);
            long start = System.nanoTime();
            long nextReport = start;
            Random r = new Random(1);
            long sent = 0;
            long first = -1;
            long min = Long.MAX_VALUE;
            long max = 0;
            while (System.nanoTime() - start < TimeUnit.MINUTES.toNanos(minutes)) {
                byte[] v = new byte[frameBytes];
                r.nextBytes(v);
                boolean key = sent % 60 == 0;
                v[0] = (byte) (key ? v[0] & ~1 : v[0] | 1);
                video.writeFrame(EncodedFrame.of(v, Duration.ofMillis(33), key));
                sent++;
                long due = start + sent * 33_333_333L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                if (System.nanoTime() >= nextReport) {
                    long heap = IdleConnectionFootprint.usedHeapAfterGc();
                    if (first < 0) {
                        first = heap;
                    } else {
                        min = Math.min(min, heap);
                        max = Math.max(max, heap);
                    }
                    System.out.printf("minute=%.1f frames_sent=%d frames_received=%d heap_kib=%d%n",
                            (System.nanoTime() - start) / 60e9, sent * 2, frames.get(), heap >> 10);
                    nextReport += TimeUnit.SECONDS.toNanos(60);
                }
            }
            long beforeStop = IdleConnectionFootprint.usedHeapAfterGc();
            for (RTCPeerConnection pc : pair) {
                pc.getTransceivers().forEach(t -> t.stop());
            }
            Thread.sleep(1000);
            long afterStop = IdleConnectionFootprint.usedHeapAfterGc();
            System.out.printf("kbps=%d minutes=%d frames_sent=%d frames_received=%d heap_first_kib=%d "
                            + "heap_min_kib=%d heap_max_kib=%d heap_end_kib=%d heap_after_senders_stop_kib=%d%n",
                    kbps, minutes, sent * 2, frames.get(), first >> 10, min >> 10, max >> 10, beforeStop >> 10,
                    afterStop >> 10);
            pair.forEach(RTCPeerConnection::close);
        }
    }
}
