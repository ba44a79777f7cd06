package org.rtc4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.rtc4j.rtp.RtpHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the media path does with packets it must not deliver: a forger on the path sends SRTP
 * with bad tags, replays and truncations; a peer with the keys sends RTP for an SSRC no section
 * announced (no mid, a payload type nobody negotiated) and RTCP that does not parse. All are
 * dropped and counted in getStats, and the call keeps every frame.
 */
class MediaSecurityTest {

    private static final Logger LOG = LoggerFactory.getLogger(MediaSecurityTest.class);

    @Test
    void forgedReplayedTruncatedUnroutableAndGarbageAreDroppedCountedAndTheCallGoesOn() throws Exception {
        try (PeerConnectionFactory factory = PeerConnectionFactory.create(2);
             ImpairmentRelay relay = new ImpairmentRelay(0, 0, 0, 1);
             RTCPeerConnection a = factory.createPeerConnection(LoopbackPair.defaultConfig());
             RTCPeerConnection b = factory.createPeerConnection(LoopbackPair.defaultConfig())) {
            InetSocketAddress[] real = new InetSocketAddress[2];
            HeldCandidates toA = new HeldCandidates(a);
            HeldCandidates toB = new HeldCandidates(b);
            a.onIceCandidate(c -> {
                if (c != null) {
                    real[0] = LossyNetworkTest.address(c);
                    relay.peers(real[0], real[1]);
                    toB.add(LossyNetworkTest.rewrite(c, LossyNetworkTest.facing(relay, false)));
                }
            });
            b.onIceCandidate(c -> {
                if (c != null) {
                    real[1] = LossyNetworkTest.address(c);
                    relay.peers(real[0], real[1]);
                    toA.add(LossyNetworkTest.rewrite(c, LossyNetworkTest.facing(relay, true)));
                }
            });
            AtomicInteger rtp = new AtomicInteger();
            AtomicInteger rtcp = new AtomicInteger();
            relay.injectFromA(d -> {
                int b0 = d[0] & 0xff;
                int b1 = d[1] & 0xff;
                if (b0 < 128 || b0 > 191) {
                    return List.of();
                }
                boolean isRtcp = b1 >= 192 && b1 <= 223;
                int n = (isRtcp ? rtcp : rtp).incrementAndGet();
                if (n % 5 != 0) {
                    return List.of();
                }
                // A forgery needs a fresh index, or the replay check (which comes first) takes it.
                byte[] tampered = d.clone();
                tampered[isRtcp ? tampered.length - 1 : 3] ^= 0x40;
                tampered[tampered.length / 2] ^= 0x40;
                byte[] truncated = java.util.Arrays.copyOf(d, isRtcp ? 9 : 11);
                // a replay, a forgery and a truncated copy
                return List.of(d.clone(), tampered, truncated);
            });
            LocalFrameTrack video = LocalFrameTrack.create(RTCRtpCodecCapability.VP8);
            a.addTrack(video, "s");
            LinkedBlockingQueue<EncodedFrame> frames = new LinkedBlockingQueue<>();
            b.onTrack(e -> e.track().onFrame(frames::add));

            LoopbackPair.await(a.setLocalDescription());
            LoopbackPair.await(b.setRemoteDescription(LossyNetworkTest.stripCandidates(a.localDescription())));
            toB.release();
            LoopbackPair.await(b.setLocalDescription());
            LoopbackPair.await(a.setRemoteDescription(LossyNetworkTest.stripCandidates(b.localDescription())));
            toA.release();
            MediaLoopbackTest.awaitConnected(a);
            MediaLoopbackTest.awaitConnected(b);

            Random r = new Random(3);
            List<byte[]> sent = new ArrayList<>();
            for (int i = 0; i < 75; i++) {
                byte[] f = MediaLoopbackTest.vp8Frame(r, 2500 + r.nextInt(2000), i == 0);
                sent.add(f);
                video.writeFrame(EncodedFrame.of(f, Duration.ofMillis(33), i == 0));
                if (i == 30) {
                    injectWithTheKeys(a);
                }
                Thread.sleep(33);
            }
            List<EncodedFrame> got = MediaLoopbackTest.take(frames, 74);
            for (int i = 0; i < got.size(); i++) {
                assertThat(got.get(i).data()).as("frame %d", i).isEqualTo(sent.get(i));
                assertThat(got.get(i).afterGap()).isFalse();
            }
            RTCStats t = LoopbackPair.await(b.getStats()).ofType("transport").get(0);
            LOG.info("dropped at the receiver: {}", t.members());
            assertThat((Long) t.get("srtpAuthenticationFailures")).isPositive();
            assertThat((Long) t.get("srtpReplaysDropped")).isPositive();
            assertThat((Long) t.get("srtpTruncatedDropped")).isPositive();
            assertThat((Long) t.get("rtpPacketsUnroutable")).isEqualTo(3L);
            assertThat((Long) t.get("rtcpPacketsMalformed")).isEqualTo(1L);
            RTCStats in = LoopbackPair.await(b.getStats()).ofType("inbound-rtp").get(0);
            assertThat((Long) in.get("framesReceived")).isGreaterThanOrEqualTo(74L);
        }
    }

    /** As a peer holding the keys: RTP for an SSRC nobody announced, and RTCP that does not parse. */
    private static void injectWithTheKeys(RTCPeerConnection a) throws Exception {
        LoopbackPair.await(a.call(() -> {
            MediaSession m = a.media();
            for (int i = 0; i < 3; i++) {
                byte[] payload = new byte[100];
                // payload type 127: in no section, so routing by payload type cannot take it either
                RtpHeader h = new RtpHeader().payloadType(127).ssrc(0x5EC0000L + i).sequenceNumber(i).timestamp(i);
                byte[] pkt = new byte[h.length() + payload.length + m.srtpOverhead()];
                int len = h.write(pkt, 0, payload, 0, payload.length, 0);
                m.sendRtp(pkt, len);
            }
            // an RTCP header whose length runs past the datagram
            byte[] garbage = new byte[] {(byte) 0x80, (byte) 200, 0, 40, 1, 2, 3, 4, 9, 9, 9, 9};
            byte[] buf = java.util.Arrays.copyOf(garbage, garbage.length + m.srtp().profile().srtcpOverhead());
            int n = m.srtp().protectRtcp(buf, 0, garbage.length);
            a.stackForTests().sendMedia(buf, 0, n);
            a.flushTransport();
            return null;
        }));
    }
}
