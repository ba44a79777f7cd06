package org.rtc4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.rtc4j.dtls.SrtpProfile;
import org.rtc4j.rtp.RtpPacket;

/**
 * Negotiation as a call lives it, rtc4j to rtc4j: media added to and removed from a running
 * data-channel call (data-only, then audio and video, then audio only, then video again in the
 * recycled section) with a transfer crossing it whole; replaceTrack without renegotiation; each
 * SRTP profile forced on both sides; a remote section with no codec in common refused alone.
 */
class MediaNegotiationTest {

    private static PeerConnectionFactory factory;

    @BeforeAll
    static void start() {
        factory = PeerConnectionFactory.create(2);
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    @Test
    void mediaComesAndGoesWhileATransferRunsAndNothingIsLost() throws Exception {
        try (LoopbackPair pair = new LoopbackPair(factory)) {
            CompletableFuture<RTCDataChannel> opened = BulkTransfer.open(pair.offerer, "bulk");
            BulkTransfer transfer = new BulkTransfer(pair.answerer, 24L << 20);
            AtomicInteger negotiationsNeeded = new AtomicInteger();
            pair.offerer.onNegotiationNeeded(negotiationsNeeded::incrementAndGet);
            LinkedBlockingQueue<RTCTrackEvent> tracks = new LinkedBlockingQueue<>();
            pair.answerer.onTrack(tracks::add);
            LoopbackPair.await(pair.negotiate());
            assertThat(pair.offerer.localDescription().sdp()).doesNotContain("m=audio", "m=video");
            RTCDataChannel sender = opened.get(20, TimeUnit.SECONDS);

            LocalFrameTrack video = LocalFrameTrack.create(RTCRtpCodecCapability.VP8);
            LocalFrameTrack audio = LocalFrameTrack.create(RTCRtpCodecCapability.OPUS);
            List<String> steps = new ArrayList<>();
            Random r = new Random(11);
            transfer.send(sender, chunk -> {
                try {
                    if (chunk == 60) {
                        int before = negotiationsNeeded.get();
                        RTCRtpSender vs = pair.offerer.addTrack(video, "s");
                        pair.offerer.addTrack(audio, "s");
                        waitFor(() -> negotiationsNeeded.get() > before);
                        LoopbackPair.await(pair.negotiate());
                        RTCTrackEvent v = next(tracks);
                        RTCTrackEvent a = next(tracks);
                        assertThat(List.of(v.track().kind(), a.track().kind())).containsExactlyInAnyOrder("audio", "video");
                        RTCTrackEvent ve = v.track().kind().equals("video") ? v : a;
                        RTCTrackEvent ae = ve == v ? a : v;
                        LinkedBlockingQueue<EncodedFrame> vin = new LinkedBlockingQueue<>();
                        LinkedBlockingQueue<EncodedFrame> ain = new LinkedBlockingQueue<>();
                        ve.track().onFrame(vin::add);
                        ae.track().onFrame(ain::add);
                        sendFrames(video, audio, r, 20);
                        assertThat(MediaLoopbackTest.take(vin, 19)).hasSize(19);
                        assertThat(MediaLoopbackTest.take(ain, 20)).hasSize(20);
                        steps.add("audio+video");

                        // audio only: the video transceiver stops; its section is rejected
                        vs.transceiver().stop();
                        LoopbackPair.await(pair.negotiate());
                        assertThat(vs.transceiver().stopped()).isTrue();
                        assertThat(ve.transceiver().stopped()).isTrue();
                        assertThat(ve.track().readyState()).isEqualTo(MediaStreamTrackState.ENDED);
                        assertThat(pair.answerer.localDescription().sdp()).contains("m=video 0 ");
                        ain.clear();
                        sendFrames(video, audio, r, 10);
                        assertThat(MediaLoopbackTest.take(ain, 10)).hasSize(10);
                        steps.add("audio only");

                        // video again: the rejected section is recycled under a new mid
                        int sections = mediaSections(pair.offerer);
                        pair.offerer.addTrack(video, "s");
                        LoopbackPair.await(pair.negotiate());
                        assertThat(mediaSections(pair.offerer)).isEqualTo(sections);
                        RTCTrackEvent again = next(tracks);
                        assertThat(again.transceiver().mid()).isNotEqualTo(ve.transceiver().mid());
                        LinkedBlockingQueue<EncodedFrame> vin2 = new LinkedBlockingQueue<>();
                        again.track().onFrame(vin2::add);
                        sendFrames(video, audio, r, 10);
                        assertThat(MediaLoopbackTest.take(vin2, 9)).hasSize(9);
                        steps.add("video recycled");
                    }
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }, 180);
            assertThat(steps).containsExactly("audio+video", "audio only", "video recycled");
            assertThat(pair.offerer.connectionState()).isEqualTo(RTCPeerConnectionState.CONNECTED);
        }
    }

    @Test
    void replaceTrackKeepsSsrcSequenceAndTimestampsGoing() throws Exception {
        try (LoopbackPair pair = new LoopbackPair(factory)) {
            LocalFrameTrack first = LocalFrameTrack.create(RTCRtpCodecCapability.VP8);
            LocalRtpTrack forwarded = LocalRtpTrack.create(RTCRtpCodecCapability.VP8);
            RTCRtpSender s = pair.offerer.addTrack(first, "s");
            LinkedBlockingQueue<byte[]> packets = new LinkedBlockingQueue<>();
            LinkedBlockingQueue<EncodedFrame> frames = new LinkedBlockingQueue<>();
            pair.answerer.onTrack(e -> {
                e.track().onRtp(packets::add);
                e.track().onFrame(frames::add);
            });
            LoopbackPair.await(pair.negotiate());
            MediaLoopbackTest.awaitConnected(pair.offerer);
            Random r = new Random(5);
            for (int i = 0; i < 10; i++) {
                first.writeFrame(EncodedFrame.of(MediaLoopbackTest.vp8Frame(r, 3000, i == 0), Duration.ofMillis(33), i == 0));
                Thread.sleep(20);
            }
            List<byte[]> before = drain(packets, 10);
            // switch to RTP forwarding from a source with its own SSRC, numbers and clock
            LoopbackPair.await(s.replaceTrack(forwarded));
            org.rtc4j.rtp.codec.Packetizer foreign = new org.rtc4j.rtp.codec.Packetizer(
                    new org.rtc4j.rtp.codec.Vp8Payloader(), 100, 0xABCDEF, 40000);
            for (int i = 0; i < 10; i++) {
                for (byte[] p : foreign.packetize(MediaLoopbackTest.vp8Frame(r, 3000, i == 0), 777_000L + i * 3000L)) {
                    forwarded.writeRtp(p);
                }
                Thread.sleep(20);
            }
            List<byte[]> after = drain(packets, 10);
            List<byte[]> all = new ArrayList<>(before);
            all.addAll(after);
            RtpPacket view = new RtpPacket();
            long ssrc = -1;
            int prevSeq = -1;
            long prevTs = -1;
            for (byte[] p : all) {
                view.wrap(p, 0, p.length);
                if (ssrc < 0) {
                    ssrc = view.ssrc();
                }
                assertThat(view.ssrc()).isEqualTo(ssrc);
                assertThat(view.payloadType()).isEqualTo(96);
                if (prevSeq >= 0) {
                    assertThat(view.sequenceNumber()).as("packet %d of %d (%d before the switch)", all.indexOf(p),
                            all.size(), before.size()).isEqualTo((prevSeq + 1) & 0xFFFF);
                    long step = (view.timestamp() - prevTs) & 0xFFFFFFFFL;
                    assertThat(step).isLessThan(90_000L);
                }
                prevSeq = view.sequenceNumber();
                prevTs = view.timestamp();
            }
            assertThat(MediaLoopbackTest.take(frames, 19)).hasSize(19);
            // a track of another kind is refused
            assertThat(s.replaceTrack(LocalFrameTrack.create(RTCRtpCodecCapability.OPUS)))
                    .failsWithin(Duration.ofSeconds(5));
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void everySrtpProfileCarriesMediaWhenBothSidesForceIt(SrtpProfile profile) throws Exception {
        RTCConfiguration c = LoopbackPair.defaultConfig().toBuilder().srtpProfiles(profile).build();
        try (LoopbackPair pair = new LoopbackPair(factory, c)) {
            LocalFrameTrack audio = LocalFrameTrack.create(RTCRtpCodecCapability.PCMU);
            pair.offerer.addTrack(audio);
            LinkedBlockingQueue<EncodedFrame> in = new LinkedBlockingQueue<>();
            pair.answerer.onTrack(e -> e.track().onFrame(in::add));
            LoopbackPair.await(pair.negotiate());
            MediaLoopbackTest.awaitConnected(pair.offerer);
            byte[] tone = new byte[160];
            for (int i = 0; i < 10; i++) {
                tone[0] = (byte) i;
                audio.writeFrame(EncodedFrame.of(tone.clone(), Duration.ofMillis(20), true));
            }
            List<EncodedFrame> got = MediaLoopbackTest.take(in, 10);
            for (int i = 0; i < 10; i++) {
                assertThat(got.get(i).data()[0]).isEqualTo((byte) i);
            }
            RTCStats t = LoopbackPair.await(pair.answerer.getStats()).ofType("transport").get(0);
            assertThat(t.get("srtpCipher")).isEqualTo(org.rtc4j.srtp.SrtpProfile.fromId(profile.id()).name());
        }
    }

    @Test
    void aSectionWithNoCodecInCommonIsRefusedAloneNotTheCall() throws Exception {
        String chromium = new String(MediaNegotiationTest.class.getResourceAsStream(
                "/sdp/chromium-156-audio-video-data-offer.sdp").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        // the video section offers only H.265, which rtc4j does not negotiate
        String offer = chromium.replaceAll("m=video (\\d+) UDP/TLS/RTP/SAVPF [0-9 ]+", "m=video $1 UDP/TLS/RTP/SAVPF 127")
                .replaceAll("a=(rtpmap|fmtp|rtcp-fb):(96|97|98|99|100|101|102|103|104|107|108|109|114|115|116|117|39|40|45|46|118|119|120) [^\r\n]*\r\n", "")
                .replace("a=ssrc-group:FID", "a=rtpmap:127 H265/90000\r\na=ssrc-group:FID");
        try (RTCPeerConnection pc = factory.createPeerConnection(LoopbackPair.defaultConfig())) {
            List<RTCTrackEvent> events = new ArrayList<>();
            pc.onTrack(events::add);
            LoopbackPair.await(pc.setRemoteDescription(new RTCSessionDescription(RTCSdpType.OFFER, offer)));
            RTCSessionDescription answer = LoopbackPair.await(pc.createAnswer());
            org.rtc4j.sdp.SessionDescription sdp = org.rtc4j.sdp.SessionDescription.parse(answer.sdp());
            assertThat(sdp.media()).hasSize(3);
            assertThat(sdp.media().get(0).port()).isNotZero();
            assertThat(sdp.media().get(0).codecs().get(0).name()).isEqualTo("opus");
            assertThat(sdp.media().get(1).port()).isZero();
            assertThat(sdp.media().get(1).mid()).contains("1");
            assertThat(sdp.media().get(2).port()).isNotZero();
            assertThat(sdp.bundleGroup().orElseThrow().mids()).containsExactly("0", "2");
            LoopbackPair.await(pc.setLocalDescription(answer));
            assertThat(pc.signalingState()).isEqualTo(RTCSignalingState.STABLE);
            assertThat(pc.getTransceivers().get(1).stopped()).isTrue();
        }
    }

    private static void sendFrames(LocalFrameTrack video, LocalFrameTrack audio, Random r, int n) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            video.writeFrame(EncodedFrame.of(MediaLoopbackTest.vp8Frame(r, 2000, i == 0), Duration.ofMillis(33), i == 0));
            byte[] a = new byte[100];
            r.nextBytes(a);
            audio.writeFrame(EncodedFrame.of(a, Duration.ofMillis(20), true));
            Thread.sleep(10);
        }
    }

    private static int mediaSections(RTCPeerConnection pc) throws Exception {
        return org.rtc4j.sdp.SessionDescription.parse(pc.localDescription().sdp()).media().size();
    }

    private static RTCTrackEvent next(LinkedBlockingQueue<RTCTrackEvent> q) throws InterruptedException {
        RTCTrackEvent e = q.poll(10, TimeUnit.SECONDS);
        assertThat(e).as("a track event").isNotNull();
        return e;
    }

    private static List<byte[]> drain(LinkedBlockingQueue<byte[]> q, int atLeast) throws InterruptedException {
        List<byte[]> out = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            byte[] p = q.poll(300, TimeUnit.MILLISECONDS);
            if (p == null) {
                if (out.size() >= atLeast) {
                    break;
                }
                continue;
            }
            out.add(p);
        }
        assertThat(out.size()).isGreaterThanOrEqualTo(atLeast);
        return out;
    }

    private static void waitFor(java.util.function.BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!c.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertThat(c.getAsBoolean()).isTrue();
    }
}
