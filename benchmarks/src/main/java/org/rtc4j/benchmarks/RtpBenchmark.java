package org.rtc4j.benchmarks;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.rtc4j.rtp.RtpHeader;
import org.rtc4j.rtp.RtpPacket;
import org.rtc4j.rtp.codec.H264Payloader;
import org.rtc4j.rtp.codec.Packetizer;
import org.rtc4j.rtp.codec.Vp8Payloader;

/**
 * RTP header parse and write (allocation-free, expect ~0 B/op with {@code -prof gc}) and VP8 /
 * H.264 packetization of a 10 kB frame at MTU 1200.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RtpBenchmark {
    private final RtpPacket view = new RtpPacket();
    private final RtpHeader header = new RtpHeader();
    private byte[] packet;
    private final byte[] out = new byte[1500];
    private byte[] vp8Frame;
    private byte[] h264AccessUnit;
    private Packetizer vp8;
    private Packetizer h264;
    private int seq;

    @Setup
    public void setup() {
        Random rnd = new Random(1);
        byte[] payload = new byte[1100];
        rnd.nextBytes(payload);
        // a typical browser video packet: mid, abs-send-time and transport-cc extensions
        packet = new RtpHeader().payloadType(96).sequenceNumber(4711).timestamp(90000).ssrc(0x12345678L).marker(true)
                .addExtension(1, new byte[] {'0'}).addExtension(2, new byte[] {1, 2, 3})
                .addExtension(3, new byte[] {0, 42}).toPacket(payload);
        vp8Frame = new byte[10_000];
        rnd.nextBytes(vp8Frame);
        h264AccessUnit = new byte[10_000];
        rnd.nextBytes(h264AccessUnit);
        for (int i = 0; i < h264AccessUnit.length; i++) {
            if (h264AccessUnit[i] == 0) {
                h264AccessUnit[i] = 1; // no emulated start codes inside the fake slice
            }
        }
        h264AccessUnit[0] = 0;
        h264AccessUnit[1] = 0;
        h264AccessUnit[2] = 0;
        h264AccessUnit[3] = 1;
        h264AccessUnit[4] = 0x65; // IDR slice
        vp8 = new Packetizer(new Vp8Payloader(), 96, 1, 0);
        h264 = new Packetizer(new H264Payloader(), 102, 1, 0);
    }

    /** Parse and validate header, CSRCs, extensions and padding; read a few fields. */
    @Benchmark
    public long parse() {
        view.wrap(packet, 0, packet.length);
        return view.sequenceNumber() + view.timestamp() + view.extensionOffset(3) + view.payloadLength();
    }

    /** Parse, then serialize the same header and payload into another buffer. */
    @Benchmark
    public int parseAndWrite() {
        view.wrap(packet, 0, packet.length);
        header.copyFrom(view).sequenceNumber(++seq);
        return header.write(out, 0, packet, view.payloadOffset(), view.payloadLength(), 0);
    }

    /** Parse and rewrite sequence number and timestamp in place (what an SFU does per packet). */
    @Benchmark
    public int parseAndRewriteInPlace() {
        view.wrap(packet, 0, packet.length);
        view.setSequenceNumber(++seq);
        view.setTimestamp(seq * 3000L);
        return view.sequenceNumber();
    }

    /** Packetize a 10 kB VP8 frame into RTP packets at MTU 1200. */
    @Benchmark
    public List<byte[]> vp8Packetize() {
        return vp8.packetize(vp8Frame, 0, vp8Frame.length, 90000);
    }

    /** Packetize a 10 kB H.264 IDR access unit (FU-A) at MTU 1200. */
    @Benchmark
    public List<byte[]> h264Packetize() {
        return h264.packetize(h264AccessUnit, 0, h264AccessUnit.length, 90000);
    }
}
