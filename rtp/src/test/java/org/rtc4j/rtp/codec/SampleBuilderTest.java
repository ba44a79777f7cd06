package org.rtc4j.rtp.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.rtp.RtpHeader;

class SampleBuilderTest {
    private static byte[] frame(int size, boolean key) {
        byte[] f = new byte[size];
        java.util.Arrays.fill(f, (byte) 3);
        f[0] = (byte) (key ? 0x00 : 0x01);
        return f;
    }

    private static void push(SampleBuilder b, byte[] pkt) {
        b.push(pkt, 0, pkt.length);
    }

    private static List<Frame> drain(SampleBuilder b) {
        List<Frame> out = new ArrayList<>();
        for (Frame f; (f = b.poll()) != null;) {
            out.add(f);
        }
        return out;
    }

    @Test
    void paddingOnlyPacketsAreNeitherMediaNorLoss() {
        Packetizer pk = new Packetizer(new Vp8Payloader(), 96, 1, 100);
        SampleBuilder b = new SampleBuilder(new Vp8Payloader());
        pk.packetize(frame(3000, true), 0).forEach(p -> push(b, p));
        byte[] padding = new byte[255];
        int n = new RtpHeader().payloadType(96).ssrc(1).sequenceNumber(pk.nextSequenceNumber()).timestamp(0)
                .write(padding, 0, new byte[0], 0, 0, 200);
        push(b, java.util.Arrays.copyOf(padding, n));
        new Packetizer(new Vp8Payloader(), 96, 1, pk.nextSequenceNumber() + 1).packetize(frame(100, false), 3000)
                .forEach(p -> push(b, p));
        List<Frame> frames = drain(b);
        assertThat(frames).hasSize(2);
        assertThat(frames.get(0).keyFrame()).isTrue();
        assertThat(frames.get(1).afterGap()).isFalse();
        assertThat(b.droppedPackets()).isZero();
    }

    @Test
    void givesUpAHoleAfterMaxLateAndFlagsTheGap() {
        Packetizer pk = new Packetizer(new Vp8Payloader(), 96, 1, 65530);
        SampleBuilder b = new SampleBuilder(new Vp8Payloader(), 64, 8);
        List<List<byte[]>> frames = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            frames.add(pk.packetize(frame(1500, i == 0), i * 3000L)); // two packets per frame
        }
        for (int i = 0; i < 10; i++) {
            for (int k = 0; k < 2; k++) {
                if (!(i == 2 && k == 1)) { // lose the second half of frame 2
                    push(b, frames.get(i).get(k));
                }
            }
        }
        List<Frame> out = drain(b);
        assertThat(out).extracting(Frame::timestamp).containsExactly(0L, 3000L, 9000L, 12000L, 15000L, 18000L, 21000L, 24000L, 27000L);
        assertThat(out.get(2).afterGap()).isTrue();
        assertThat(out.get(3).afterGap()).isFalse();
        // the late retransmission of the given-up packet is dropped, not emitted as a frame
        push(b, frames.get(2).get(1));
        assertThat(b.poll()).isNull();
        assertThat(b.droppedPackets()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aHoleGivenUpByLossRepairStopsHoldingTheFramesBehindIt() {
        Packetizer pk = new Packetizer(new Vp8Payloader(), 96, 1, 65534);
        SampleBuilder b = new SampleBuilder(new Vp8Payloader(), 512, 160);
        List<List<byte[]>> frames = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            frames.add(pk.packetize(frame(1500, i == 0), i * 3000L)); // two packets per frame
        }
        int lost = new org.rtc4j.rtp.RtpPacket().wrap(frames.get(1).get(1), 0, frames.get(1).get(1).length)
                .sequenceNumber();
        for (int i = 0; i < 6; i++) {
            for (int k = 0; k < 2; k++) {
                if (!(i == 1 && k == 1)) {
                    push(b, frames.get(i).get(k));
                }
            }
        }
        // Far inside maxLate: only frame 0 comes out, the rest waits for the repair.
        assertThat(drain(b)).extracting(Frame::timestamp).containsExactly(0L);
        b.giveUpThrough(lost - 1);
        assertThat(b.poll()).as("giving up what came before the hole changes nothing").isNull();
        b.giveUpThrough(lost);
        List<Frame> out = drain(b);
        assertThat(out).extracting(Frame::timestamp).containsExactly(6000L, 9000L, 12000L, 15000L);
        assertThat(out.get(0).afterGap()).isTrue();
        assertThat(out.get(1).afterGap()).isFalse();
    }

    @Test
    void memoryIsBoundedByTheRing() {
        Packetizer pk = new Packetizer(new Vp8Payloader(), 96, 1, 0);
        SampleBuilder b = new SampleBuilder(new Vp8Payloader(), 16, 8);
        push(b, pk.packetize(frame(100, true), 0).get(0));
        assertThat(drain(b)).hasSize(1);
        // a frame that never completes (no marker arrives) followed by a flood of later packets
        List<byte[]> big = pk.packetize(frame(40_000, false), 3000);
        for (int i = 0; i < big.size() - 1; i++) {
            push(b, big.get(i));
        }
        assertThat(drain(b)).isEmpty();
        assertThat(b.droppedPackets()).isPositive();
        // the hole left by the unfinished frame holds later frames back until it is maxLate old
        for (int i = 0; i < 10; i++) {
            pk.packetize(frame(100, i == 0), 6000 + i * 3000L).forEach(p -> push(b, p));
        }
        List<Frame> later = drain(b);
        assertThat(later).hasSizeGreaterThanOrEqualTo(2);
        assertThat(later.get(0).timestamp()).isEqualTo(6000L);
        assertThat(later.get(0).afterGap()).isTrue();
        assertThat(later.get(0).keyFrame()).isTrue();
    }
}
