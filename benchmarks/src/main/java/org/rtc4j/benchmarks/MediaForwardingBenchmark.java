package org.rtc4j.benchmarks;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.rtc4j.LocalRtpTrack;
import org.rtc4j.PeerConnectionFactory;
import org.rtc4j.RTCConfiguration;
import org.rtc4j.RTCPeerConnection;
import org.rtc4j.RTCPeerConnectionState;
import org.rtc4j.RTCRtpCodecCapability;
import org.rtc4j.dtls.SrtpProfile;
import org.rtc4j.rtp.RtpHeader;
import org.rtc4j.srtp.SrtpSession;
import org.rtc4j.transport.InterfaceFilter;

/**
 * The SFU forwarding path through real connections: a source connection sends RTP of
 * 1,200-byte payloads to a relay, whose remote track hands each packet to a {@link LocalRtpTrack}
 * sent on to a destination. The relay's event loop does the whole path — receive from its
 * socket, ICE, SRTP unprotect, route by SSRC, deliver, rewrite SSRC/payload type/sequence/
 * timestamp, SRTP protect, send to its socket — and this measures that thread's CPU time and
 * allocation per packet (so the figure is per core, whatever else the machine runs), beside
 * the bare SRTP unprotect+protect floor on the same packets in the same JVM.
 *
 * <p>Not JMH: the path spans sockets and three event loops; per-thread CPU time is the unit.
 *
 * <p>The relay forwards with {@link org.rtc4j.RemoteTrack#onRtpPacket} (the packet lent, not
 * copied), as an SFU would. Allocation is the relay thread's whole allocation divided by the
 * packets it forwarded, Netty's receive objects included.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.rtc4j.benchmarks.MediaForwardingBenchmark [packets] [profile] [rate] [burst]</pre>
 */
public final class MediaForwardingBenchmark {

    private static final int PAYLOAD = 1200;
    // The source's pace: packets per second, sent in bursts of this many (a video frame's packets
    // leave together, and a busy relay reads several per wake-up).
    private static int rate;
    private static int burst;

    private MediaForwardingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int packets = args.length > 0 ? Integer.parseInt(args[0]) : 400_000;
        SrtpProfile profile = args.length > 1 ? SrtpProfile.valueOf(args[1]) : SrtpProfile.AES128_CM_HMAC_SHA1_80;
        rate = args.length > 2 ? Integer.parseInt(args[2]) : 25_000;
        burst = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        floor(profile, 200_000); // warm-up
        double floor = floor(profile, packets);
        // Warm-up long enough for the JIT to finish with the whole path (it compiles for some
        // 20 s at these rates; a shorter one measured the relay partly interpreted).
        Result r = forward(profile, Math.max(300_000, rate * 10));
        r = forward(profile, packets);
        System.out.printf("profile=%s payload=%d packets=%d rate=%d/s burst=%d%n", profile, PAYLOAD, packets, rate, burst);
        System.out.printf("floor (unprotect+protect, one thread): %.0f packets/s per core%n", floor);
        System.out.printf("relay loop: %.0f packets/s per core (%.2f us CPU/packet, %.0f%% of it in user mode), "
                + "%.0f B allocated/packet, forwarded %d, delivered %d of %d (%.1f%%)%n", r.perCore, 1e6 / r.perCore,
                100 * r.userShare, r.bytesPerPacket, r.forwarded, r.delivered, packets,
                100.0 * r.delivered / packets);
        System.out.printf("relay / floor: %.2f%n", r.perCore / floor);
    }

    /** Per-core rate and allocation per packet the relay forwarded; the share of its CPU time in user mode. */
    record Result(double perCore, double bytesPerPacket, long delivered, long forwarded, double userShare) {
    }

    /** Unprotect then protect each packet again, as the relay must, on one thread. */
    static double floor(SrtpProfile profile, int packets) {
        org.rtc4j.srtp.SrtpProfile p = org.rtc4j.srtp.SrtpProfile.fromId(profile.id());
        byte[] key = new byte[p.keyLength()];
        byte[] salt = new byte[p.saltLength()];
        SrtpSession sender = SrtpSession.create(p, key, salt, key, salt);
        SrtpSession relayIn = SrtpSession.create(p, key, salt, key, salt);
        SrtpSession relayOut = SrtpSession.create(p, key, salt, key, salt);
        byte[] payload = new byte[PAYLOAD];
        RtpHeader h = new RtpHeader().payloadType(96).ssrc(1234);
        int over = p.srtpOverhead();
        byte[][] wire = new byte[1024][];
        int[] len = new int[1024];
        long ns = 0;
        for (int i = 0; i < packets; i++) {
            int k = i & 1023;
            if (wire[k] == null) {
                wire[k] = new byte[12 + PAYLOAD + over + 16];
            }
            h.sequenceNumber(i & 0xFFFF).timestamp(i * 3000L);
            int n = h.write(wire[k], 0, payload, 0, PAYLOAD, 0);
            len[k] = sender.protectRtp(wire[k], 0, n);
            if (k == 1023 || i == packets - 1) {
                long t0 = System.nanoTime();
                for (int j = 0; j <= k; j++) {
                    relayIn.unprotectRtp(wire[j], 0, len[j]);
                    relayOut.protectRtp(wire[j], 0, len[j] - over);
                }
                ns += System.nanoTime() - t0;
            }
        }
        return packets / (ns / 1e9);
    }

    static Result forward(SrtpProfile profile, int packets) throws Exception {
        RTCConfiguration config = RTCConfiguration.builder().interfaceFilter(InterfaceFilter.loopbackOnly())
                .srtpProfiles(profile).build();
        try (PeerConnectionFactory sourceSide = PeerConnectionFactory.create(1);
             PeerConnectionFactory relaySide = PeerConnectionFactory.create(1);
             PeerConnectionFactory sinkSide = PeerConnectionFactory.create(1);
             RTCPeerConnection source = sourceSide.createPeerConnection(config);
             RTCPeerConnection relayIn = relaySide.createPeerConnection(config);
             RTCPeerConnection relayOut = relaySide.createPeerConnection(config);
             RTCPeerConnection sink = sinkSide.createPeerConnection(config)) {
            LocalRtpTrack sourceTrack = LocalRtpTrack.create(RTCRtpCodecCapability.VP8);
            source.addTrack(sourceTrack, "s");
            LocalRtpTrack forwarded = LocalRtpTrack.create(RTCRtpCodecCapability.VP8);
            relayOut.addTrack(forwarded, "s");
            CompletableFuture<Thread> relayThread = new CompletableFuture<>();
            AtomicLong forwardedCount = new AtomicLong();
            relayIn.onTrack(e -> {
                relayThread.complete(Thread.currentThread());
                // Lent, not copied: the SFU's way (the packet is read before writeRtp returns).
                e.track().onRtpPacket((buf, off, len) -> {
                    forwardedCount.incrementAndGet();
                    forwarded.writeRtp(buf, off, len);
                });
            });
            AtomicLong delivered = new AtomicLong();
            sink.onTrack(e -> e.track().onRtp(p -> delivered.incrementAndGet()));
            connect(source, relayIn);
            connect(relayOut, sink);
            Thread relay = relayThread.get(10, TimeUnit.SECONDS);
            ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
            byte[] payload = new byte[PAYLOAD];
            RtpHeader h = new RtpHeader().payloadType(96).ssrc(99);
            byte[] buf = new byte[12 + PAYLOAD];
            long cpu0 = mx.getThreadCpuTime(relay.getId());
            long user0 = mx.getThreadUserTime(relay.getId());
            long fwd0 = forwardedCount.get();
            long alloc0 = mx.getThreadAllocatedBytes(relay.getId());
            long start = System.nanoTime();
            long interval = 1_000_000_000L / rate;
            for (int i = 0; i < packets; i++) {
                h.sequenceNumber(i & 0xFFFF).timestamp(i / 4 * 3000L).marker(i % 4 == 3);
                int n = h.write(buf, 0, payload, 0, PAYLOAD, 0);
                sourceTrack.writeRtp(buf, 0, n);
                if ((i + 1) % burst == 0) {
                    long wait = start + (i + 1) * interval - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
            }
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (delivered.get() < packets && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            long cpu = mx.getThreadCpuTime(relay.getId()) - cpu0;
            long user = mx.getThreadUserTime(relay.getId()) - user0;
            long fwd = forwardedCount.get() - fwd0;
            long alloc = mx.getThreadAllocatedBytes(relay.getId()) - alloc0;
            long got = delivered.get();
            return new Result(fwd / (cpu / 1e9), alloc / (double) Math.max(1, fwd), got, fwd, user / (double) cpu);
        }
    }

    /** Negotiates {@code a} (offering) with {@code b} on loopback and waits until both are keyed. */
    public static void connect(RTCPeerConnection a, RTCPeerConnection b) throws Exception {
        a.onIceCandidate(c -> b.addIceCandidate(c));
        b.onIceCandidate(c -> a.addIceCandidate(c));
        CompletableFuture<Void> up = new CompletableFuture<>();
        a.onConnectionStateChange(s -> {
            if (s == RTCPeerConnectionState.CONNECTED) {
                up.complete(null);
            }
        });
        a.setLocalDescription().get(10, TimeUnit.SECONDS);
        b.setRemoteDescription(a.localDescription()).get(10, TimeUnit.SECONDS);
        b.setLocalDescription().get(10, TimeUnit.SECONDS);
        a.setRemoteDescription(b.localDescription()).get(10, TimeUnit.SECONDS);
        up.get(20, TimeUnit.SECONDS);
        Thread.sleep(300); // the answerer's side keyed too
    }
}
