package org.rtc4j.rtp.media;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;
import java.util.Random;
import org.rtc4j.rtp.RtpPacket;
import org.rtc4j.rtp.codec.Depacketizer;
import org.rtc4j.rtp.codec.Frame;
import org.rtc4j.rtp.codec.SampleBuilder;
import org.rtc4j.rtp.repair.NackGenerator;
import org.rtc4j.rtp.repair.RtxSendBuffer;

/**
 * Test network: sends RTP packets with reordering and loss, repairs the loss with NACK + RTX
 * and feeds a sample builder; returns the frames in the order the builder emits them.
 */
final class LossyTransport {
    private LossyTransport() {
    }

    static final class Stats {
        int lost;
        int retransmitted;
    }

    static List<Frame> carry(List<byte[]> packets, Depacketizer depacketizer, long seed, double loss, Stats stats) {
        Random rnd = new Random(seed);
        RtxSendBuffer history = new RtxSendBuffer(4096, 1500, 97, 0xABCD, 0);
        NackGenerator nacks = new NackGenerator(10, 1, 0, 4000);
        nacks.setRtt(1);
        SampleBuilder builder = new SampleBuilder(depacketizer, 4096, 3000, 6);
        List<Frame> frames = new ArrayList<>();
        RtpPacket view = new RtpPacket();
        // arrival queue: shuffle in windows of 6, drop some (never the last few, so holes are seen)
        LinkedList<byte[]> inFlight = new LinkedList<>();
        for (int i = 0; i < packets.size(); i += 6) {
            List<byte[]> w = new ArrayList<>(packets.subList(i, Math.min(packets.size(), i + 6)));
            java.util.Collections.shuffle(w, rnd);
            for (byte[] p : w) {
                history.store(p, 0, p.length);
                view.wrap(p, 0, p.length);
                // the first and last windows are never lost: a receiver cannot NACK what it never knew of
                boolean edge = i == 0 || packets.size() - i <= 6;
                if (!edge && rnd.nextDouble() < loss) {
                    stats.lost++;
                } else {
                    inFlight.add(p);
                }
            }
        }
        long now = 0;
        byte[] rtx = new byte[1500];
        byte[] restored = new byte[1500];
        while (!inFlight.isEmpty()) {
            byte[] p = inFlight.removeFirst();
            now++;
            view.wrap(p, 0, p.length);
            nacks.onPacket(view.sequenceNumber(), now);
            builder.push(view);
            for (Frame f; (f = builder.poll()) != null;) {
                frames.add(f);
            }
            for (int seq : nacks.poll(now)) {
                int n = history.retransmit(seq, rtx, 0);
                int m = RtxSendBuffer.unwrapRtx(rtx, 0, n, view.payloadType(), view.ssrc(), restored, 0);
                stats.retransmitted++;
                // arrives a few packets later
                inFlight.add(Math.min(inFlight.size(), 3), Arrays.copyOf(restored, m));
            }
        }
        return frames;
    }
}
