package org.rtc4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * rtc4j to rtc4j media on loopback: audio, video and a data channel on one BUNDLE, frames
 * arriving whole and in order with their timing, RTCP reports measuring the round trip, and
 * the W3C transceiver states on both sides.
 */
class MediaLoopbackTest {

    private static PeerConnectionFactory factory;

    @BeforeAll
    static void start() {
        factory = PeerConnectionFactory.create(2);
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    /** A synthetic VP8 frame: the frame tag's P bit (bit 0 of byte 0) says key (0) or inter (1). */
    static byte[] vp8Frame(Random r, int size, boolean key) {
        byte[] f = new byte[size];
        r.nextBytes(f);
        f[0] = (byte) (key ? f[0] & ~1 : f[0] | 1);
        return f;
    }

    @Test
    void audioVideoAndDataShareOneBundleAndArriveWhole() throws Exception {
        try (LoopbackPair pair = new LoopbackPair(factory)) {
            LocalFrameTrack video = LocalFrameTrack.create("cam", RTCRtpCodecCapability.VP8);
            LocalFrameTrack audio = LocalFrameTrack.create("mic", RTCRtpCodecCapability.OPUS);
            pair.offerer.addTrack(video, "stream-a");
            pair.offerer.addTrack(audio, "stream-a");
            RTCDataChannel chat = pair.offerer.createDataChannel("chat");
            CompletableFuture<Void> chatOpen = new CompletableFuture<>();
            chat.onOpen(() -> chatOpen.complete(null));

            List<RTCTrackEvent> events = new ArrayList<>();
            LinkedBlockingQueue<EncodedFrame> videoIn = new LinkedBlockingQueue<>();
            LinkedBlockingQueue<EncodedFrame> audioIn = new LinkedBlockingQueue<>();
            pair.answerer.onTrack(e -> {
                events.add(e);
                e.track().onFrame(("video".equals(e.track().kind()) ? videoIn : audioIn)::add);
            });
            CompletableFuture<RTCDataChannel> remoteChat = new CompletableFuture<>();
            pair.answerer.onDataChannel(remoteChat::complete);

            LoopbackPair.await(pair.negotiate());
            String offer = pair.offerer.localDescription().sdp();
            assertThat(offer).contains("a=group:BUNDLE 0 1 2", "m=video", "m=audio", "m=application");
            assertThat(events).hasSize(2);
            assertThat(events).allSatisfy(e -> assertThat(e.streamIds()).containsExactly("stream-a"));
            LoopbackPair.await(chatOpen);
            awaitConnected(pair.offerer);

            Random r = new Random(7);
            List<byte[]> sentVideo = new ArrayList<>();
            List<byte[]> sentAudio = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                byte[] v = vp8Frame(r, i % 30 == 0 ? 9000 : 1500 + r.nextInt(3000), i % 30 == 0);
                sentVideo.add(v);
                video.writeFrame(EncodedFrame.of(v, Duration.ofNanos(33_333_333), i % 30 == 0));
                for (int k = 0; k < 2; k++) {
                    byte[] a = new byte[80 + r.nextInt(60)];
                    r.nextBytes(a);
                    sentAudio.add(a);
                    audio.writeFrame(EncodedFrame.of(a, Duration.ofMillis(20), true));
                }
                Thread.sleep(5);
            }
            RTCDataChannel echo = LoopbackPair.await(remoteChat);
            LinkedBlockingQueue<String> texts = new LinkedBlockingQueue<>();
            echo.onMessage(m -> texts.add(m.text()));
            chat.send("during media");

            List<EncodedFrame> gotVideo = take(videoIn, 59);
            List<EncodedFrame> gotAudio = take(audioIn, sentAudio.size());
            // every frame whole and in order (the last video frame waits for the next one's start)
            for (int i = 0; i < gotVideo.size(); i++) {
                assertThat(gotVideo.get(i).data()).as("video frame %d", i).isEqualTo(sentVideo.get(i));
                assertThat(gotVideo.get(i).keyFrame()).isEqualTo(i % 30 == 0);
                assertThat(gotVideo.get(i).afterGap()).isFalse();
            }
            for (int i = 1; i < gotVideo.size(); i++) {
                long step = (gotVideo.get(i).rtpTimestamp() - gotVideo.get(i - 1).rtpTimestamp()) & 0xFFFFFFFFL;
                assertThat(step).isBetween(2999L, 3000L);
            }
            for (int i = 0; i < gotAudio.size(); i++) {
                assertThat(gotAudio.get(i).data()).isEqualTo(sentAudio.get(i));
                if (i > 0) {
                    assertThat((gotAudio.get(i).rtpTimestamp() - gotAudio.get(i - 1).rtpTimestamp()) & 0xFFFFFFFFL)
                            .isEqualTo(960L);
                }
            }
            assertThat(texts.poll(10, TimeUnit.SECONDS)).isEqualTo("during media");

            for (RTCRtpTransceiver t : pair.answerer.getTransceivers()) {
                assertThat(t.currentDirection()).isEqualTo(RTCRtpTransceiverDirection.RECVONLY);
                assertThat(t.receiver().track().readyState()).isEqualTo(MediaStreamTrackState.LIVE);
            }
            for (RTCRtpTransceiver t : pair.offerer.getTransceivers()) {
                assertThat(t.currentDirection()).isEqualTo(RTCRtpTransceiverDirection.SENDONLY);
                assertThat(t.mid()).isNotNull();
            }
            assertThat(pair.offerer.getSenders().get(0).getParameters().codecs().get(0).mimeType())
                    .isEqualTo("video/VP8");
        }
    }

    @Test
    void keyFrameRequestsReachTheSenderAndOneTrackFeedsTwoConnections() throws Exception {
        try (LoopbackPair one = new LoopbackPair(factory); LoopbackPair two = new LoopbackPair(factory)) {
            LocalFrameTrack video = LocalFrameTrack.create(RTCRtpCodecCapability.VP8);
            CompletableFuture<Void> trackAsked = new CompletableFuture<>();
            video.onKeyFrameRequest(() -> trackAsked.complete(null));
            RTCRtpSender s1 = one.offerer.addTrack(video, "s");
            two.offerer.addTrack(video, "s");
            CompletableFuture<Void> senderAsked = new CompletableFuture<>();
            s1.onKeyFrameRequest(() -> senderAsked.complete(null));
            LinkedBlockingQueue<EncodedFrame> in1 = new LinkedBlockingQueue<>();
            LinkedBlockingQueue<EncodedFrame> in2 = new LinkedBlockingQueue<>();
            CompletableFuture<RemoteTrack> remote1 = new CompletableFuture<>();
            one.answerer.onTrack(e -> {
                e.track().onFrame(in1::add);
                remote1.complete(e.track());
            });
            two.answerer.onTrack(e -> e.track().onFrame(in2::add));
            LoopbackPair.await(one.negotiate());
            LoopbackPair.await(two.negotiate());
            awaitConnected(one.offerer);
            awaitConnected(two.offerer);
            Random r = new Random(1);
            List<byte[]> sent = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                byte[] f = vp8Frame(r, 2500, i == 0);
                sent.add(f);
                video.writeFrame(EncodedFrame.of(f, Duration.ofMillis(33), i == 0));
                Thread.sleep(10);
            }
            List<EncodedFrame> a = take(in1, 10);
            List<EncodedFrame> b = take(in2, 10);
            for (int i = 0; i < 10; i++) {
                assertThat(a.get(i).data()).isEqualTo(sent.get(i));
                assertThat(b.get(i).data()).isEqualTo(sent.get(i));
            }
            // the receiver asks (RTCP PLI); the sender and the track hear it
            LoopbackPair.await(remote1).requestKeyFrame();
            senderAsked.get(10, TimeUnit.SECONDS);
            trackAsked.get(10, TimeUnit.SECONDS);
            RTCStats out = LoopbackPair.await(one.offerer.getStats()).ofType("outbound-rtp").get(0);
            assertThat((Long) out.get("pliCount")).isPositive();
            RTCStats in = LoopbackPair.await(one.answerer.getStats()).ofType("inbound-rtp").get(0);
            assertThat((Long) in.get("pliCount")).isPositive();

            // A burst of requests reaches the application about once, not once per PLI.
            java.util.concurrent.atomic.AtomicInteger heard = new java.util.concurrent.atomic.AtomicInteger();
            s1.onKeyFrameRequest(heard::incrementAndGet);
            Thread.sleep(RtpSendStream.KEY_FRAME_REQUEST_MIN_INTERVAL_MS + 100);
            long before = (Long) out.get("pliCount");
            for (int i = 0; i < 10; i++) {
                LoopbackPair.await(remote1).requestKeyFrame();
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            long plis = before;
            while (plis < before + 10 && System.nanoTime() < until) {
                Thread.sleep(20);
                plis = (Long) LoopbackPair.await(one.offerer.getStats()).ofType("outbound-rtp").get(0).get("pliCount");
            }
            assertThat(plis).isEqualTo(before + 10);
            assertThat(heard.get()).as("key frame requests heard of 10 PLIs").isBetween(1, 5);
        }
    }

    @Test
    void rollbackForgetsTheOfferedSectionsAndStatsReportTheCall() throws Exception {
        try (LoopbackPair pair = new LoopbackPair(factory)) {
            LocalFrameTrack audio = LocalFrameTrack.create(RTCRtpCodecCapability.OPUS);
            pair.offerer.addTrack(audio, "s");
            LinkedBlockingQueue<EncodedFrame> in = new LinkedBlockingQueue<>();
            pair.answerer.onTrack(e -> e.track().onFrame(in::add));
            LoopbackPair.await(pair.negotiate());
            awaitConnected(pair.offerer);
            // offer a video section, then take the offer back: the call goes on with audio only
            pair.offerer.addTransceiver("video", RTCRtpTransceiverInit.of(RTCRtpTransceiverDirection.RECVONLY));
            LoopbackPair.await(pair.offerer.setLocalDescription());
            assertThat(pair.offerer.signalingState()).isEqualTo(RTCSignalingState.HAVE_LOCAL_OFFER);
            assertThat(pair.offerer.getTransceivers().get(1).mid()).isNotNull();
            LoopbackPair.await(pair.offerer.setLocalDescription(new RTCSessionDescription(RTCSdpType.ROLLBACK, "")));
            assertThat(pair.offerer.signalingState()).isEqualTo(RTCSignalingState.STABLE);
            assertThat(pair.offerer.getTransceivers().get(1).mid()).isNull();
            for (int i = 0; i < 150; i++) {
                audio.writeFrame(EncodedFrame.of(new byte[] {(byte) i, 1, 2}, Duration.ofMillis(20), true));
                Thread.sleep(20);
            }
            assertThat(take(in, 150)).hasSize(150);
            RTCStatsReport a = LoopbackPair.await(pair.offerer.getStats());
            RTCStatsReport b = LoopbackPair.await(pair.answerer.getStats());
            RTCStats out = a.ofType("outbound-rtp").get(0);
            assertThat((Long) out.get("packetsSent")).isGreaterThanOrEqualTo(150L);
            assertThat(out.get("kind")).isEqualTo("audio");
            RTCStats inbound = b.ofType("inbound-rtp").get(0);
            assertThat((Long) inbound.get("packetsReceived")).isGreaterThanOrEqualTo(150L);
            assertThat((Long) inbound.get("packetsLost")).isZero();
            assertThat(a.ofType("codec")).anyMatch(c -> "audio/opus".equals(c.get("mimeType")));
            assertThat(a.ofType("media-source")).isNotEmpty();
            // three seconds of RTCP: the receiver's reports gave the sender a round trip, and back
            assertThat(a.ofType("remote-inbound-rtp")).singleElement()
                    .satisfies(x -> assertThat((Double) x.get("roundTripTime")).isBetween(0.0, 0.5));
            assertThat(b.ofType("remote-outbound-rtp")).singleElement()
                    .satisfies(x -> assertThat((Long) x.get("packetsSent")).isPositive());
        }
    }

    static List<EncodedFrame> take(LinkedBlockingQueue<EncodedFrame> q, int n) throws InterruptedException {
        List<EncodedFrame> out = new ArrayList<>();
        while (out.size() < n) {
            EncodedFrame f = q.poll(10, TimeUnit.SECONDS);
            assertThat(f).as("frame %d of %d", out.size(), n).isNotNull();
            out.add(f);
        }
        return out;
    }

    static void awaitConnected(RTCPeerConnection pc) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (pc.connectionState() != RTCPeerConnectionState.CONNECTED && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(pc.connectionState()).isEqualTo(RTCPeerConnectionState.CONNECTED);
    }
}
