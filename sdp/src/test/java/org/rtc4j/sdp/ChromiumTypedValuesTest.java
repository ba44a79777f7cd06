package org.rtc4j.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Typed values read from the real Chromium 156 descriptions in the shared test data. */
class ChromiumTypedValuesTest {

    @Test
    void audioVideoDataOfferSessionLevel() throws Exception {
        SessionDescription sdp = Fixtures.parse("chromium-156-audio-video-data-offer.sdp");
        assertThat(sdp.version()).isZero();
        assertThat(sdp.origin()).isEqualTo(new Origin("-", "632566416714027951", "2", "IN", "IP4", "127.0.0.1"));
        assertThat(sdp.sessionName()).isEqualTo("-");
        assertThat(sdp.timings()).containsExactly(new Timing(0, 0));
        assertThat(sdp.bundleGroup().orElseThrow().mids()).containsExactly("0", "1", "2");
        assertThat(sdp.extmapAllowMixed()).isTrue();
        assertThat(sdp.msidSemantic().orElseThrow())
                .isEqualTo(new MsidSemantic("WMS", List.of("0d2d870c-d0a1-4e89-8302-fc7f76bd860a")));
        assertThat(sdp.media()).extracting(MediaDescription::media).containsExactly("audio", "video", "application");
        assertThat(sdp.media()).extracting(m -> m.mid().orElseThrow()).containsExactly("0", "1", "2");
    }

    @Test
    void audioVideoDataOfferTransportAttributes() throws Exception {
        SessionDescription sdp = Fixtures.parse("chromium-156-audio-video-data-offer.sdp");
        for (MediaDescription m : sdp.media()) {
            assertThat(sdp.effectiveIceUfrag(m)).contains("SYSk");
            assertThat(m.icePwd()).contains("ZJIVJAUv0oqYL/e0sCkiJCbS");
            assertThat(m.iceOptions()).containsExactly("trickle");
            assertThat(m.setup()).contains(Setup.ACTPASS);
            Fingerprint fp = m.fingerprints().get(0);
            assertThat(fp.hashFunction()).isEqualTo("sha-256");
            assertThat(fp.bytes()).hasSize(32).startsWith((byte) 0x8A, (byte) 0xC9, (byte) 0x1A);
            assertThat(m.connection()).contains(new Connection("IN", "IP4", "192.0.2.2"));
        }
        MediaDescription audio = sdp.media().get(0);
        assertThat(audio.port()).isEqualTo(53070);
        assertThat(audio.protocol()).isEqualTo("UDP/TLS/RTP/SAVPF");
        assertThat(audio.rtcp()).contains(new Rtcp(9, "IN", "IP4", "0.0.0.0"));
        assertThat(audio.rtcpMux()).isTrue();
        assertThat(audio.rtcpRsize()).isTrue();
        assertThat(audio.rtcpMuxOnly()).isFalse();
        assertThat(audio.direction()).contains(Direction.SENDRECV);
        assertThat(audio.attributeValue("rtcp-xr")).contains("rcvr-rtt=all");
    }

    @Test
    void audioCodecsWithFmtpAndFeedback() throws Exception {
        MediaDescription audio = Fixtures.parse("chromium-156-audio-video-data-offer.sdp").media().get(0);
        assertThat(audio.formats()).containsExactly("111", "63", "9", "0", "8", "13", "110", "126");
        List<Codec> codecs = audio.codecs();
        assertThat(codecs).extracting(Codec::name)
                .containsExactly("opus", "red", "G722", "PCMU", "PCMA", "CN", "telephone-event", "telephone-event");
        Codec opus = codecs.get(0);
        assertThat(opus.payloadType()).isEqualTo(111);
        assertThat(opus.clockRate()).isEqualTo(48000);
        assertThat(opus.channels()).isEqualTo(2);
        assertThat(opus.parameters()).containsExactly(new Parameter("minptime", "10"),
                new Parameter("useinbandfec", "1"));
        assertThat(opus.parameter("useinbandfec")).contains("1");
        assertThat(opus.hasFeedback("transport-cc", null)).isTrue();
        Codec red = codecs.get(1);
        assertThat(red.parameters()).containsExactly(new Parameter("111/111", null));
        assertThat(audio.extMaps()).containsExactly(
                new ExtMap(1, "urn:ietf:params:rtp-hdrext:ssrc-audio-level"),
                new ExtMap(2, "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time"),
                new ExtMap(3, "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01"),
                new ExtMap(4, "urn:ietf:params:rtp-hdrext:sdes:mid"));
        assertThat(audio.ssrcs()).containsExactly(
                new SsrcAttribute(1957926969L, "cname", "bJEVp24mccbrrz5e"),
                new SsrcAttribute(1957926969L, "msid",
                        "0d2d870c-d0a1-4e89-8302-fc7f76bd860a 6c9fc19b-a6dd-4b0f-9850-23acc5c4b732"));
        assertThat(audio.msids()).containsExactly(
                new Msid("0d2d870c-d0a1-4e89-8302-fc7f76bd860a", "6c9fc19b-a6dd-4b0f-9850-23acc5c4b732"));
    }

    @Test
    void videoCodecsSsrcGroupsAndExtmaps() throws Exception {
        MediaDescription video = Fixtures.parse("chromium-156-audio-video-data-offer.sdp").media().get(1);
        List<Codec> codecs = video.codecs();
        assertThat(codecs).hasSize(23);
        Codec vp8 = codecs.get(0);
        assertThat(vp8.name()).isEqualTo("VP8");
        assertThat(vp8.clockRate()).isEqualTo(90000);
        assertThat(vp8.feedback()).containsExactly(RtcpFb.of(96, "goog-remb", null),
                RtcpFb.of(96, "transport-cc", null), RtcpFb.of(96, "ccm", "fir"), RtcpFb.of(96, "nack", null),
                RtcpFb.of(96, "nack", "pli"));
        assertThat(codecs.get(1).name()).isEqualTo("rtx");
        assertThat(codecs.get(1).parameter("apt")).contains("96");
        Codec h264 = codecs.get(2);
        assertThat(h264.payloadType()).isEqualTo(102);
        assertThat(h264.parameters()).extracting(Parameter::key)
                .containsExactly("level-asymmetry-allowed", "packetization-mode", "profile-level-id");
        assertThat(h264.parameter("profile-level-id")).contains("42001f");
        assertThat(codecs).filteredOn(c -> c.name().equals("AV1")).singleElement()
                .satisfies(c -> assertThat(c.parameter("level-idx")).contains("5"));
        assertThat(codecs.get(codecs.size() - 1).name()).isEqualTo("ulpfec");
        assertThat(video.ssrcGroups()).containsExactly(new SsrcGroup("FID", List.of(2719703504L, 3416358507L)));
        assertThat(video.ssrcIds()).containsExactly(2719703504L, 3416358507L);
        assertThat(video.cname(3416358507L)).contains("bJEVp24mccbrrz5e");
        assertThat(video.extMaps()).hasSize(11);
        assertThat(video.extMaps().get(2)).isEqualTo(new ExtMap(13, "urn:3gpp:video-orientation"));
        assertThat(video.extMaps()).extracting(ExtMap::direction).containsOnlyNulls();
    }

    @Test
    void dataChannelSections() throws Exception {
        for (String name : List.of("chromium-156-datachannel-offer.sdp", "chromium-156-datachannel-answer.sdp",
                "chromium-156-audio-video-data-answer.sdp")) {
            SessionDescription sdp = Fixtures.parse(name);
            MediaDescription app = sdp.media().get(sdp.media().size() - 1);
            assertThat(app.media()).isEqualTo("application");
            assertThat(app.protocol()).isEqualTo("UDP/DTLS/SCTP");
            assertThat(app.formats()).containsExactly("webrtc-datachannel");
            assertThat(app.sctpPort()).hasValue(5000);
            assertThat(app.effectiveSctpPort()).isEqualTo(5000);
            assertThat(app.maxMessageSize()).hasValue(262144);
            assertThat(app.codecs()).isEmpty();
        }
        SessionDescription answer = Fixtures.parse("chromium-156-datachannel-answer.sdp");
        assertThat(answer.media().get(0).setup()).contains(Setup.ACTIVE);
        assertThat(answer.media().get(0).iceUfrag()).contains("2Ggi");
        assertThat(answer.media().get(0).icePwd()).contains("aICT/vNVJfXeydW/a+dsR5Ya");
    }

    @Test
    void hostCandidatesOfEveryKindPresent() throws Exception {
        MediaDescription m = Fixtures.parse("chromium-156-datachannel-offer.sdp").media().get(0);
        List<SdpCandidate> c = m.candidates();
        assertThat(c).hasSize(4);
        assertThat(c.get(0)).isEqualTo(SdpCandidate.of("2792676454", 1, "udp", 2122194687L, "192.0.2.2", 47614,
                "host").withExtension("generation", "0").withExtension("network-id", "1"));
        assertThat(c.get(1).isIpv6()).isTrue();
        assertThat(c.get(1).address()).isEqualTo("fd00::2");
        assertThat(c.get(1).networkId()).isEqualTo(2);
        assertThat(c.get(2).isTcp()).isTrue();
        assertThat(c.get(2).tcpType()).isEqualTo("active");
        assertThat(c.get(2).port()).isEqualTo(9);
        assertThat(c.get(3).isIpv6()).isTrue();
        assertThat(c.get(3).isTcp()).isTrue();
        assertThat(c).allSatisfy(x -> {
            assertThat(x.type()).isEqualTo(SdpCandidate.HOST);
            assertThat(x.component()).isEqualTo(1);
            assertThat(x.generation()).isZero();
        });
        assertThat(m.endOfCandidates()).isFalse();
    }

    @Test
    void simulcastOfferRidsAndAnswer() throws Exception {
        SessionDescription offer = Fixtures.parse("chromium-156-simulcast-offer.sdp");
        MediaDescription video = offer.media().get(0);
        assertThat(video.direction()).contains(Direction.SENDONLY);
        assertThat(video.rids()).containsExactly(new Rid("q", "send", List.of()), new Rid("h", "send", List.of()),
                new Rid("f", "send", List.of()));
        Simulcast sc = video.simulcast().orElseThrow();
        assertThat(sc.sendRids()).containsExactly("q", "h", "f");
        assertThat(sc.recv()).isEmpty();
        assertThat(video.msids()).containsExactly(new Msid("-", "aac1f29e-5da0-4637-bdff-d9bcbf89eef3"));
        assertThat(video.extMaps()).extracting(ExtMap::uri).contains(
                "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id", "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id");
        assertThat(offer.msidSemantic().orElseThrow().streamIds()).isEmpty();

        SessionDescription answer = Fixtures.parse("chromium-156-simulcast-answer.sdp");
        MediaDescription av = answer.media().get(0);
        assertThat(av.direction()).contains(Direction.RECVONLY);
        assertThat(av.setup()).contains(Setup.ACTIVE);
        assertThat(av.ssrcGroups()).containsExactly(new SsrcGroup("FID", List.of(1245021486L, 1995511913L)));
        assertThat(av.candidates()).hasSize(2);
    }

    @Test
    void recvonlyOfferAndAnswer() throws Exception {
        SessionDescription offer = Fixtures.parse("chromium-156-recvonly-offer.sdp");
        assertThat(offer.media()).extracting(offer::effectiveDirection)
                .containsExactly(Direction.RECVONLY, Direction.RECVONLY);
        assertThat(offer.media().get(0).ssrcs()).isEmpty();
        assertThat(offer.media().get(0).iceUfrag()).contains("uqV+");
        SessionDescription answer = Fixtures.parse("chromium-156-recvonly-answer.sdp");
        assertThat(answer.media()).extracting(answer::effectiveDirection)
                .containsExactly(Direction.SENDONLY, Direction.SENDONLY);
        assertThat(answer.media().get(0).ssrcIds()).isNotEmpty();
    }
}
