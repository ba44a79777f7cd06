package org.rtc4j.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuilderTest {
    private static final Fingerprint FP = Fingerprint.of("sha-256", new byte[] {1, 2, (byte) 0xAB, (byte) 0xFF});

    @Test
    void buildsAChromiumShapedOfferThatParsesBackEqual() throws Exception {
        MediaDescription audio = MediaDescription.builder("audio", 9, "UDP/TLS/RTP/SAVPF", "111", "0")
                .connection("0.0.0.0")
                .rtcp(9, "0.0.0.0")
                .iceUfrag("SYSk").icePwd("ZJIVJAUv0oqYL/e0sCkiJCbS").iceOptions("trickle")
                .fingerprint(FP)
                .setup(Setup.ACTPASS)
                .mid("0")
                .extmap(1, "urn:ietf:params:rtp-hdrext:ssrc-audio-level")
                .direction(Direction.SENDRECV)
                .msid("stream", "track")
                .rtcpMux().rtcpRsize()
                .codec(new Codec(111, "opus", 48000, 2,
                        List.of(new Parameter("minptime", "10"), new Parameter("useinbandfec", "1")),
                        List.of(RtcpFb.of(111, "transport-cc", null))))
                .rtpMap(new RtpMap(0, "PCMU", 8000, null))
                .ssrc(1957926969L, "cname", "bJEVp24mccbrrz5e")
                .build();
        MediaDescription data = MediaDescription.builder("application", 9, "UDP/DTLS/SCTP", "webrtc-datachannel")
                .connection("0.0.0.0")
                .iceUfrag("SYSk").icePwd("ZJIVJAUv0oqYL/e0sCkiJCbS")
                .fingerprint(FP).setup(Setup.ACTPASS).mid("1")
                .sctpPort(5000).maxMessageSize(262144)
                .build();
        SessionDescription offer = SessionDescription.builder()
                .origin("-", 632566416714027951L, 2, "127.0.0.1")
                .bundle("0", "1")
                .extmapAllowMixed()
                .msidSemantic("WMS", "stream")
                .media(audio).media(data)
                .build();

        assertThat(offer.format()).startsWith("v=0\r\no=- 632566416714027951 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
                + "a=group:BUNDLE 0 1\r\na=extmap-allow-mixed\r\na=msid-semantic: WMS stream\r\n"
                + "m=audio 9 UDP/TLS/RTP/SAVPF 111 0\r\nc=IN IP4 0.0.0.0\r\na=rtcp:9 IN IP4 0.0.0.0\r\n");
        assertThat(offer.format()).contains("a=fingerprint:sha-256 01:02:AB:FF\r\n",
                "a=rtpmap:111 opus/48000/2\r\na=rtcp-fb:111 transport-cc\r\na=fmtp:111 minptime=10;useinbandfec=1\r\n",
                "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n", "a=sctp-port:5000\r\na=max-message-size:262144\r\n");
        SessionDescription reparsed = SessionDescription.parse(offer.format());
        assertThat(reparsed).isEqualTo(offer);
        assertThat(reparsed.media().get(0).codecs()).extracting(Codec::name).containsExactly("opus", "PCMU");
        assertThat(reparsed.media().get(0).codecs().get(0).channels()).isEqualTo(2);
        assertThat(reparsed.effectiveFingerprints(reparsed.media().get(1)).get(0).bytes())
                .containsExactly(1, 2, 0xAB, 0xFF);
        assertThat(FP.matches(new byte[] {1, 2, (byte) 0xAB, (byte) 0xFF})).isTrue();
    }

    @Test
    void linesAreWrittenInRfcOrderWhateverTheCallOrder() {
        SessionDescription sdp = SessionDescription.builder()
                .attribute("ice-lite")
                .timing(0, 0)
                .connection("::1")
                .sessionName("x")
                .bandwidth("AS", 100)
                .information("info")
                .origin("-", 1, 1, "::1")
                .build();
        assertThat(sdp.sessionLines()).extracting(SdpLine::type).containsExactly('v', 'o', 's', 'i', 'c', 'b', 't', 'a');
        assertThat(sdp.connection().orElseThrow().addrType()).isEqualTo("IP6");
    }

    @Test
    void singleValuedSettersReplaceInPlace() throws Exception {
        SessionDescription sdp = Fixtures.parse("chromium-156-datachannel-offer.sdp");
        MediaDescription m = sdp.media().get(0).toBuilder()
                .setup(Setup.ACTIVE)
                .iceUfrag("newU")
                .direction(Direction.INACTIVE)
                .direction(Direction.RECVONLY)
                .candidate(SdpCandidate.parse("candidate:9 1 udp 1 192.0.2.9 9 typ host"))
                .build();
        assertThat(m.setup()).contains(Setup.ACTIVE);
        assertThat(m.iceUfrag()).contains("newU");
        assertThat(m.direction()).contains(Direction.RECVONLY);
        assertThat(m.attributes("setup")).hasSize(1);
        assertThat(m.candidates()).hasSize(5);
        List<String> names = m.attributes().stream().map(Attribute::name).toList();
        assertThat(names.indexOf("ice-ufrag")).isEqualTo(
                sdp.media().get(0).attributes().stream().map(Attribute::name).toList().indexOf("ice-ufrag"));
        SessionDescription answer = sdp.toBuilder().media(0, m).bundle("0").build();
        assertThat(answer.media().get(0)).isEqualTo(m);
        assertThat(answer.groups()).hasSize(1);
    }

    @Test
    void trickledCandidatesAndEndOfCandidates() throws Exception {
        SessionDescription sdp = Fixtures.parse("chromium-156-audio-video-data-answer.sdp");
        SdpCandidate c = SdpCandidate.parse("candidate:1 1 udp 1686052607 203.0.113.9 40000 typ srflx raddr 192.0.2.2 "
                + "rport 53070 generation 0");
        int index = sdp.mediaIndexOf("1");
        assertThat(index).isEqualTo(1);
        assertThat(sdp.mediaIndexOf("nope")).isEqualTo(-1);
        SessionDescription more = sdp.withCandidate(index, c);
        assertThat(more.media().get(1).candidates()).endsWith(c);
        assertThat(more.media().get(0)).isEqualTo(sdp.media().get(0));
        SessionDescription done = more.withEndOfCandidates();
        assertThat(done.media()).allSatisfy(m -> assertThat(m.endOfCandidates()).isTrue());
        assertThat(done.withEndOfCandidates()).isEqualTo(done);
        assertThat(SessionDescription.parse(done.format())).isEqualTo(done);
    }

    @Test
    void removeAttributesAndRawLines() {
        MediaDescription m = MediaDescription.builder("video", 9, "UDP/TLS/RTP/SAVPF", "96")
                .attribute("x-foo", "1").attribute("x-foo", "2").attribute("x-bar")
                .line(new SdpLine('y', "opaque"))
                .removeAttributes("x-foo")
                .build();
        assertThat(m.lines()).containsExactly(new SdpLine('m', "video 9 UDP/TLS/RTP/SAVPF 96"),
                new SdpLine('a', "x-bar"), new SdpLine('y', "opaque"));
    }

    @Test
    void legacyAiortcDataSection() throws Exception {
        MediaDescription m = MediaDescription.builder("application", 9, "DTLS/SCTP", "5000")
                .mid("0").sctpMap(new SctpMap(5000, "webrtc-datachannel", 65535)).maxMessageSize(65536).build();
        assertThat(m.format()).isEqualTo("m=application 9 DTLS/SCTP 5000\r\na=mid:0\r\n"
                + "a=sctpmap:5000 webrtc-datachannel 65535\r\na=max-message-size:65536\r\n");
        assertThat(m.effectiveSctpPort()).isEqualTo(5000);
    }

    @Test
    void simulcastAndRidBuilders() {
        MediaDescription m = MediaDescription.builder("video", 9, "UDP/TLS/RTP/SAVPF", "96")
                .rid(new Rid("q", "send", List.of(new Parameter("pt", "96"))))
                .rid(new Rid("h", "send", List.of()))
                .simulcast(new Simulcast(List.of(List.of(new Simulcast.Stream("q", false)),
                        List.of(new Simulcast.Stream("h", true))), List.of()))
                .build();
        assertThat(m.format()).contains("a=rid:q send pt=96\r\na=rid:h send\r\na=simulcast:send q;~h\r\n");
        assertThat(m.rids().get(0).payloadTypes()).containsExactly(96);
    }

    @Test
    void invalidValuesAreRejectedAtBuild() {
        assertThatThrownBy(() -> MediaDescription.builder("audio", 9, "RTP/AVP", "0").iceUfrag("a b").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ice-ufrag");
        assertThatThrownBy(() -> MediaDescription.builder("audio", 9, "RTP/AVP").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("m= needs");
        MediaDescription a = MediaDescription.builder("audio", 9, "RTP/AVP", "0").mid("x").build();
        assertThatThrownBy(() -> SessionDescription.builder().media(a).media(a).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already used");
        assertThatThrownBy(() -> new SdpLine('a', "mid:1\r\na=mid:2"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void typedValuesFormatTheWayTheyParse() throws Exception {
        assertThat(Group.parse("BUNDLE 0 1").format()).isEqualTo("BUNDLE 0 1");
        assertThat(MsidSemantic.parse(" WMS").format()).isEqualTo(" WMS");
        assertThat(ExtMap.parse("3/recvonly urn:x attr").format()).isEqualTo("3/recvonly urn:x attr");
        assertThat(Rtcp.parse("9 IN IP4 0.0.0.0").format()).isEqualTo("9 IN IP4 0.0.0.0");
        assertThat(RtpMap.parse("111 opus/48000/2").format()).isEqualTo("111 opus/48000/2");
        assertThat(Fmtp.parse("97 apt=96").format()).isEqualTo("97 apt=96");
        assertThat(Fmtp.parse("97 apt=96").get("APT")).contains("96");
        assertThat(RtcpFb.parse("* nack pli").format()).isEqualTo("* nack pli");
        assertThat(SsrcGroup.parse("FID 1 2").format()).isEqualTo("FID 1 2");
        assertThat(SsrcAttribute.parse("1 msid:a b").format()).isEqualTo("1 msid:a b");
        assertThat(Rid.parse("1 send pt=96,97;max-width=1280").format()).isEqualTo("1 send pt=96;max-width=1280"
                .replace("pt=96", "pt=96,97"));
        assertThat(Simulcast.parse("recv 1,2;3 send 4").format()).isEqualTo("send 4 recv 1,2;3");
        assertThat(SctpMap.parse("5000 webrtc-datachannel").format()).isEqualTo("5000 webrtc-datachannel");
        assertThat(Fingerprint.parse("sha-1 ab:CD").format()).isEqualTo("sha-1 ab:CD");
        assertThat(Setup.parse("holdconn").format()).isEqualTo("holdconn");
        assertThat(Direction.SENDONLY.reverse()).isEqualTo(Direction.RECVONLY);
        assertThat(Origin.parse("- 1 2 IN IP4 127.0.0.1").withSessionVersion(3).format())
                .isEqualTo("- 1 3 IN IP4 127.0.0.1");
        assertThat(MediaLine.parse("audio 9/2 RTP/AVP 0 8").format()).isEqualTo("audio 9/2 RTP/AVP 0 8");
    }
}
