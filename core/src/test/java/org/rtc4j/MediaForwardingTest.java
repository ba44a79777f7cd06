package org.rtc4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rtc4j.rtp.RtpPacket;

/**
 * An SFU's forwarding path through real connections: source → relay → sink, the relay writing
 * each packet its remote track lends ({@link RemoteTrack#onRtpPacket}) into a
 * {@link LocalRtpTrack} on a second connection of the same loop. The packets are decrypted in the
 * socket's receive buffer and re-encrypted in the loop's send buffer, so what this guards is that
 * nothing of one packet leaks into the next: every frame must arrive at the sink byte for byte.
 */
class MediaForwardingTest {

    @Test
    void lentPacketsForwardedOnOneLoopArriveWholeAndCopiesStayIntact() throws Exception {
        // One loop: the relay's two connections share it, which is what makes the hand-over copy-free.
        try (PeerConnectionFactory factory = PeerConnectionFactory.create(1);
             LoopbackPair in = new LoopbackPair(factory);
             LoopbackPair out = new LoopbackPair(factory)) {
            LocalFrameTrack source = LocalFrameTrack.create(RTCRtpCodecCapability.VP8);
            in.offerer.addTrack(source, "s");
            LocalRtpTrack relayed = LocalRtpTrack.create(RTCRtpCodecCapability.VP8);
            out.offerer.addTrack(relayed, "s");

            List<byte[]> kept = new ArrayList<>(); // loop thread only until the end
            List<Boolean> onLoop = new ArrayList<>();
            LinkedBlockingQueue<EncodedFrame> atRelay = new LinkedBlockingQueue<>();
            in.answerer.onTrack(e -> {
                e.track().onRtpPacket((buf, off, len) -> {
                    onLoop.add(Thread.currentThread().getName().startsWith("rtc4j-loop"));
                    relayed.writeRtp(buf, off, len);
                    // Scribble over the lent bytes after use: neither the sink, nor the copy
                    // onRtp got, nor the relay's own frames may see it.
                    Arrays.fill(buf, off, off + len, (byte) 0x5A);
                });
                e.track().onRtp(kept::add);
                e.track().onFrame(atRelay::add);
            });
            LinkedBlockingQueue<EncodedFrame> atSink = new LinkedBlockingQueue<>();
            out.answerer.onTrack(e -> e.track().onFrame(atSink::add));

            LoopbackPair.await(in.negotiate());
            LoopbackPair.await(out.negotiate());
            MediaLoopbackTest.awaitConnected(in.offerer);
            MediaLoopbackTest.awaitConnected(out.offerer);
            MediaLoopbackTest.awaitConnected(out.answerer);

            Random r = new Random(11);
            List<byte[]> sent = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                // several packets a frame, so one socket read holds many of them
                byte[] f = MediaLoopbackTest.vp8Frame(r, i % 20 == 0 ? 12_000 : 2_000 + r.nextInt(4_000), i % 20 == 0);
                sent.add(f);
                source.writeFrame(EncodedFrame.of(f, Duration.ofNanos(33_333_333), i % 20 == 0));
                Thread.sleep(4);
            }
            List<EncodedFrame> got = MediaLoopbackTest.take(atSink, 39);
            for (int i = 0; i < got.size(); i++) {
                assertThat(got.get(i).data()).as("frame %d", i).isEqualTo(sent.get(i));
                assertThat(got.get(i).afterGap()).isFalse();
            }
            List<EncodedFrame> relayFrames = MediaLoopbackTest.take(atRelay, 39);
            for (int i = 0; i < relayFrames.size(); i++) {
                assertThat(relayFrames.get(i).data()).as("frame %d at the relay", i).isEqualTo(sent.get(i));
            }
            List<byte[]> copies = in.answerer.call(() -> new ArrayList<>(kept)).join();
            assertThat(in.answerer.call(() -> List.copyOf(onLoop)).join()).isNotEmpty().containsOnly(true);
            // The copies are whole RTP packets in sequence, untouched by the scribbling.
            RtpPacket view = new RtpPacket();
            int prev = -1;
            for (byte[] p : copies) {
                view.wrap(p, 0, p.length);
                assertThat(view.payloadType()).isEqualTo(96);
                assertThat(p[view.payloadOffset()]).isNotEqualTo((byte) 0x5A); // the VP8 descriptor's first byte
                if (prev >= 0) {
                    assertThat(view.sequenceNumber()).isEqualTo((prev + 1) & 0xFFFF);
                }
                prev = view.sequenceNumber();
            }
            assertThat(copies.size()).isGreaterThan(got.size());
        }
    }
}
