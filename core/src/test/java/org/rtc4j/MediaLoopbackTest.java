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
