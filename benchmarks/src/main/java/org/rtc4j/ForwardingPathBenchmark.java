package org.rtc4j;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.rtc4j.rtp.RtpHeader;
import org.rtc4j.srtp.SrtpSession;
import org.rtc4j.transport.InterfaceFilter;

/**
 * The SFU forwarding path in process, under JMH: real connections (ICE, DTLS, negotiated VP8
 * with RTX and the mid and abs-send-time extensions) source → relay → sink on one event loop,
 * then each operation is one packet of 1,200 payload bytes that the source protects and the
 * relay takes from there as if its socket had read it: SRTP unprotect in place, route by SSRC,
 * the receive statistics, {@link RemoteTrack#onRtpPacket} lending it to a {@link LocalRtpTrack}
 * of the second connection, which rewrites SSRC, payload type, sequence number, timestamp and
 * extensions, keeps it for RTX, protects it in place and hands it to its transport — diverted
 * here to a counter, so what is measured is rtc4j's path without the kernel's share (the
 * end-to-end {@link org.rtc4j.benchmarks.MediaForwardingBenchmark} has that).
 *
 * <p>{@code floor} does the bare SRTP work of the same operation on the same loop: protect,
 * unprotect, protect. Both run in batches of {@value #BATCH} on the loop thread (the relay's
 * code is loop-confined), the benchmark thread waiting for each batch.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar ForwardingPathBenchmark -prof gc</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ForwardingPathBenchmark {

    static final int BATCH = 256;
    private static final int PAYLOAD = 1200;

    @Param({"AES128_CM_HMAC_SHA1_80", "AEAD_AES_128_GCM"})
    public String profile;

    private PeerConnectionFactory factory;
    private RTCPeerConnection source;
    private RTCPeerConnection relayIn;
    private RTCPeerConnection relayOut;
    private RTCPeerConnection sink;
    private SrtpSession sourceSrtp;
    private MediaSession relaySession;
    private LoopClock relayClock;
    private final byte[] payload = new byte[PAYLOAD];
    private final byte[] wire = new byte[12 + PAYLOAD + 16];
    private final RtpHeader header = new RtpHeader().payloadType(96).ssrc(0x1234_5678L);
    private int sequence;
    private long packetsOut;
    private long packetsIn;
    private Runnable forwardBatch;
    private Runnable floorBatch;
    private SrtpSession floorSender;
    private SrtpSession floorIn;
    private SrtpSession floorOut;

    @Setup(Level.Trial)
    public void connect() throws Exception {
        org.rtc4j.dtls.SrtpProfile p = org.rtc4j.dtls.SrtpProfile.valueOf(profile);
        RTCConfiguration config = RTCConfiguration.builder().interfaceFilter(InterfaceFilter.loopbackOnly())
                .srtpProfiles(p).build();
        factory = PeerConnectionFactory.create(1);
        source = factory.createPeerConnection(config);
        relayIn = factory.createPeerConnection(config);
        relayOut = factory.createPeerConnection(config);
        sink = factory.createPeerConnection(config);
        source.addTrack(LocalRtpTrack.create(RTCRtpCodecCapability.VP8), "s");
        LocalRtpTrack forwarded = LocalRtpTrack.create(RTCRtpCodecCapability.VP8);
        relayOut.addTrack(forwarded, "s");
        relayIn.onTrack(e -> e.track().onRtpPacket((buf, off, len) -> {
            packetsIn++;
            forwarded.writeRtp(buf, off, len);
        }));
        org.rtc4j.benchmarks.MediaForwardingBenchmark.connect(source, relayIn);
        org.rtc4j.benchmarks.MediaForwardingBenchmark.connect(relayOut, sink);
        relayIn.call(() -> {
            sourceSrtp = source.media().srtp();
            relaySession = relayIn.media();
            relayOut.media().divertTransport((b, off, len) -> packetsOut++);
            return null;
        }).get(10, TimeUnit.SECONDS);
        relayClock = relayIn.clock();
        forwardBatch = this::forwardOnLoop;

        org.rtc4j.srtp.SrtpProfile sp = org.rtc4j.srtp.SrtpProfile.fromId(p.id());
        byte[] key = new byte[sp.keyLength()];
        byte[] salt = new byte[sp.saltLength()];
        floorSender = SrtpSession.create(sp, key, salt, key, salt);
        floorIn = SrtpSession.create(sp, key, salt, key, salt);
        floorOut = SrtpSession.create(sp, key, salt, key, salt);
        floorBatch = this::floorOnLoop;
    }

    // What the socket path does per read burst: one clock turn, a datagram at a time.
    private void forwardOnLoop() {
        relayClock.enter();
        try {
            for (int i = 0; i < BATCH; i++) {
                relayClock.datagram();
                int n = nextPacket();
                relaySession.handleRtp(wire, 0, sourceSrtp.protectRtp(wire, 0, n));
            }
        } finally {
            relayClock.exit();
        }
    }

    private void floorOnLoop() {
        int over = floorSender.profile().srtpOverhead();
        for (int i = 0; i < BATCH; i++) {
            int n = floorSender.protectRtp(wire, 0, nextPacket());
            floorIn.unprotectRtp(wire, 0, n);
            floorOut.protectRtp(wire, 0, n - over);
        }
    }

    private int nextPacket() {
        sequence++;
        header.sequenceNumber(sequence & 0xFFFF).timestamp((sequence >> 2) * 3000L).marker((sequence & 3) == 3);
        return header.write(wire, 0, payload, 0, PAYLOAD, 0);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long forward() throws Exception {
        relayIn.loop().submit(forwardBatch).get();
        return packetsOut;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long floor() throws Exception {
        relayIn.loop().submit(floorBatch).get();
        return sequence;
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        long in = relayIn.call(() -> packetsIn).get(10, TimeUnit.SECONDS);
        long out = relayIn.call(() -> packetsOut).get(10, TimeUnit.SECONDS);
        factory.close();
        if (out == 0 || out < in) {
            // A path that stopped forwarding would measure nothing: fail the run loudly.
            throw new IllegalStateException("relay forwarded " + out + " of " + in + " packets");
        }
    }
}
