package org.rtc4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loss repair between two rtc4j connections on real sockets: the impairment relay drops 5% of
 * the RTP and RTCP datagrams both ways; the receiver NACKs what is missing, the sender answers on
 * RTX, and the frames arrive whole. The same call with the receiver's NACKs turned off loses the
 * frames that lost a packet, which is what the repair is measured against.
 */
class MediaLossRepairTest {

    private static final Logger LOG = LoggerFactory.getLogger(MediaLossRepairTest.class);
    private static final int FRAMES = 150;

    record Outcome(int sent, int whole, long nacksSent, long rtxReceived, long nacksReceived, long retransmitted,
                   long relayDropped) {
    }

    @Test
    void nacksRepairFivePercentLossAndTheCallWithoutThemLosesFrames() throws Exception {
        Outcome repaired = call(true);
        Outcome unrepaired = call(false);
        LOG.info("5% media loss, {} frames: with NACK {} whole ({} NACKs, {} RTX received); without {} whole",
                FRAMES, repaired.whole(), repaired.nacksSent(), repaired.rtxReceived(), unrepaired.whole());

        assertThat(repaired.relayDropped()).as("the relay really dropped media").isGreaterThan(10);
        assertThat(repaired.whole()).as("frames delivered whole with NACK").isGreaterThanOrEqualTo(FRAMES * 98 / 100);
        assertThat(repaired.nacksSent()).isPositive();
        assertThat(repaired.nacksReceived()).isPositive();
        assertThat(repaired.retransmitted()).isPositive();
        assertThat(repaired.rtxReceived()).isPositive();

        assertThat(unrepaired.relayDropped()).isGreaterThan(10);
        assertThat(unrepaired.nacksSent()).isZero();
        assertThat(unrepaired.retransmitted()).isZero();
        assertThat(unrepaired.whole()).as("frames delivered whole without NACK")
                .isLessThan(FRAMES * 95 / 100).isLessThan(repaired.whole());
    }

    @Test
    void aPacketNoRetransmissionRepairsCostsItsFrameAndNeverStallsTheRest() throws Exception {
        try (PeerConnectionFactory factory = PeerConnectionFactory.create(2);
             ImpairmentRelay relay = new ImpairmentRelay(0, 0, 0, 1);
             RTCPeerConnection a = factory.createPeerConnection(LoopbackPair.defaultConfig());
             RTCPeerConnection b = factory.createPeerConnection(LoopbackPair.defaultConfig())) {
            LocalFrameTrack video = LocalFrameTrack.create(RTCRtpCodecCapability.VP8);
            a.addTrack(video, "s");
            LinkedBlockingQueue<EncodedFrame> frames = new LinkedBlockingQueue<>();
            b.onTrack(e -> e.track().onFrame(frames::add));
            relay.connect(a, b);
            // The 40th media packet is lost, and so is every retransmission (all RTX).
            long[] mediaSsrc = {-1};
            int[] count = {0};
            relay.dropFromA(d -> {
                int b0 = d[0] & 0xff;
                int pt = d[1] & 0x7f;
                if (b0 < 128 || b0 > 191 || (pt >= 64 && pt <= 95)) {
                    return false; // not RTP (RTCP's packet types read as 64-95 here)
                }
                long ssrc = ((d[8] & 0xffL) << 24) | ((d[9] & 0xff) << 16) | ((d[10] & 0xff) << 8) | (d[11] & 0xff);
                if (mediaSsrc[0] < 0) {
                    mediaSsrc[0] = ssrc;
                }
                return ssrc != mediaSsrc[0] || ++count[0] == 40;
            });
            // 60 frames of two packets each, then silence: far fewer packets follow the hole than
            // the 160 a frame may wait for its repair, so only giving the hole up lets them out.
            Random r = new Random(5);
            java.util.List<byte[]> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 60; i++) {
                byte[] f = MediaLoopbackTest.vp8Frame(r, 1500 + r.nextInt(500), i == 0);
                sent.add(f);
                video.writeFrame(EncodedFrame.of(f, Duration.ofMillis(33), i == 0));
                Thread.sleep(33);
            }
            java.util.List<EncodedFrame> got = new java.util.ArrayList<>();
            for (EncodedFrame f; got.size() < 59 && (f = frames.poll(10, TimeUnit.SECONDS)) != null; ) {
                got.add(f);
            }
            assertThat(got).as("every frame but the one that lost a packet").hasSize(59);
            int lostFrame = -1;
            for (int i = 0, k = 0; i < sent.size(); i++) {
                if (k < got.size() && java.util.Arrays.equals(got.get(k).data(), sent.get(i))) {
                    k++;
                } else {
                    assertThat(lostFrame).as("one frame lost").isEqualTo(-1);
                    lostFrame = i;
                }
            }
            assertThat(lostFrame).isBetween(15, 25);
            assertThat(got.get(lostFrame).afterGap()).as("the frame after the hole says so").isTrue();
            RTCStats in = b.getStats().get(10, TimeUnit.SECONDS).ofType("inbound-rtp").get(0);
            assertThat((Long) in.get("nackCount")).as("the hole was asked for again and again").isGreaterThan(3);
        }
    }

    private static Outcome call(boolean nack) throws Exception {
        RTCConfiguration config = LoopbackPair.defaultConfig().toBuilder().sendNack(nack).build();
        try (PeerConnectionFactory factory = PeerConnectionFactory.create(2);
             ImpairmentRelay relay = new ImpairmentRelay(0.05, 0, 0, 7).mediaOnly();
             RTCPeerConnection a = factory.createPeerConnection(config);
             RTCPeerConnection b = factory.createPeerConnection(config)) {
            LocalFrameTrack video = LocalFrameTrack.create(RTCRtpCodecCapability.VP8);
            RTCRtpSender sender = a.addTrack(video, "s");
            AtomicBoolean keyWanted = new AtomicBoolean();
            sender.onKeyFrameRequest(() -> keyWanted.set(true));
            LinkedBlockingQueue<EncodedFrame> frames = new LinkedBlockingQueue<>();
            b.onTrack(e -> e.track().onFrame(frames::add));
            relay.connect(a, b);

            // 30 frames a second of 3-6 KB (3-5 packets), a key frame first, every 2 s and on request.
            Random r = new Random(11);
            Set<ByteBuffer> sent = new HashSet<>();
            long start = System.nanoTime();
            for (int i = 0; i < FRAMES; i++) {
                boolean key = i % 60 == 0 || keyWanted.getAndSet(false);
                byte[] f = MediaLoopbackTest.vp8Frame(r, key ? 9000 : 3000 + r.nextInt(3000), key);
                sent.add(ByteBuffer.wrap(f));
                video.writeFrame(EncodedFrame.of(f, Duration.ofMillis(33), key));
                long due = start + (i + 1) * 33_333_333L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            // Let the last repairs land (ten retries at the default 100 ms spacing at most).
            Thread.sleep(1500);
            int whole = 0;
            for (EncodedFrame f; (f = frames.poll()) != null; ) {
                assertThat(sent).as("a delivered frame is one that was sent, byte for byte")
                        .contains(ByteBuffer.wrap(f.data()));
                whole++;
            }
            RTCStats in = b.getStats().get(10, TimeUnit.SECONDS).ofType("inbound-rtp").stream()
                    .filter(s -> "video".equals(s.get("kind"))).findFirst().orElseThrow();
            RTCStats out = a.getStats().get(10, TimeUnit.SECONDS).ofType("outbound-rtp").stream()
                    .filter(s -> "video".equals(s.get("kind"))).findFirst().orElseThrow();
            LOG.info("NACK {}: inbound {}; outbound {}", nack, in, out);
            // Stopping the sender frees its retransmission history.
            assertThat(a.loop().submit(() -> sender.stream().hasHistory()).get(10, TimeUnit.SECONDS)).isTrue();
            a.getTransceivers().get(0).stop();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (a.loop().submit(() -> sender.stream().hasHistory()).get(10, TimeUnit.SECONDS)
                    && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertThat(a.loop().submit(() -> sender.stream().hasHistory()).get(10, TimeUnit.SECONDS)).isFalse();
            return new Outcome(FRAMES, whole, (Long) in.get("nackCount"), (Long) in.get("retransmittedPacketsReceived"),
                    (Long) out.get("nackCount"), (Long) out.get("retransmittedPacketsSent"), relay.mediaDropped.get());
        }
    }
}
