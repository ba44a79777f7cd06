package org.rtc4j.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Typed values from the aiortc (real output of aiortc 1.4), Firefox-style and hand-made fixtures. */
class OtherPeersTypedValuesTest {

    @Test
    void aiortcLegacyDataChannelOffer() throws Exception {
        SessionDescription sdp = Fixtures.parse("aiortc-1.4-datachannel-offer.sdp");
        assertThat(sdp.msidSemantic().orElseThrow()).isEqualTo(new MsidSemantic("WMS", List.of("*")));
        MediaDescription app = sdp.media().get(0);
        assertThat(app.protocol()).isEqualTo("DTLS/SCTP");
        assertThat(app.formats()).containsExactly("5000");
        assertThat(app.mediaLine().isSctp()).isTrue();
        assertThat(app.sctpPort()).isEmpty();
        assertThat(app.sctpMap()).contains(new SctpMap(5000, "webrtc-datachannel", 65535));
        assertThat(app.effectiveSctpPort()).isEqualTo(5000);
        assertThat(app.maxMessageSize()).hasValue(65536);
        assertThat(app.endOfCandidates()).isTrue();
        assertThat(app.candidates()).hasSize(2);
        SdpCandidate c = app.candidates().get(0);
        assertThat(c.foundation()).isEqualTo("f957a2332b1715da3b0ef8ba684454eb").hasSize(32);
        assertThat(c.priority()).isEqualTo(2130706431L);
        assertThat(c.extensions()).isEmpty();
        assertThat(app.iceUfrag()).contains("V9fH");
        assertThat(app.setup()).contains(Setup.ACTPASS);
    }

    @Test
    void aiortcAudioVideoDataOfferAndAnswer() throws Exception {
        SessionDescription sdp = Fixtures.parse("aiortc-1.4-audio-video-data-offer.sdp");
        assertThat(sdp.bundleGroup().orElseThrow().mids()).containsExactly("0", "1", "2");
        MediaDescription audio = sdp.media().get(0);
        assertThat(audio.codecs()).extracting(Codec::name).containsExactly("opus", "PCMU", "PCMA");
        assertThat(audio.direction()).contains(Direction.SENDRECV);
        MediaDescription video = sdp.media().get(1);
        assertThat(video.ssrcGroups()).hasSize(1);
        assertThat(video.codecs()).extracting(Codec::name).contains("VP8", "rtx", "H264");
        assertThat(sdp.media().get(2).sctpMap().orElseThrow().port()).isEqualTo(5000);

        SessionDescription answer = Fixtures.parse("aiortc-1.4-datachannel-answer.sdp");
        MediaDescription app = answer.media().get(0);
        assertThat(app.sctpPort()).hasValue(5000);
        assertThat(app.maxMessageSize()).hasValue(65536);
        assertThat(app.setup()).contains(Setup.ACTIVE);
    }

    @Test
    void firefoxDataChannelOfferWithSessionLevelFingerprint() throws Exception {
        SessionDescription sdp = Fixtures.parse("firefox-datachannel-offer.sdp");
        assertThat(sdp.origin().username()).isEqualTo("mozilla...THIS_IS_SDPARTA-99.0");
        MediaDescription app = sdp.media().get(0);
        assertThat(app.fingerprints()).isEmpty();
        assertThat(sdp.effectiveFingerprints(app)).singleElement()
                .satisfies(f -> assertThat(f.bytes()).hasSize(32));
        assertThat(app.iceOptions()).isEmpty();
        assertThat(sdp.effectiveIceOptions(app)).containsExactly("trickle");
        assertThat(app.maxMessageSize()).hasValue(1073741823L);
        assertThat(app.sctpPort()).hasValue(5000);
        List<SdpCandidate> c = app.candidates();
        assertThat(c.get(0).isMdns()).isTrue();
        assertThat(c.get(0).isFqdn()).isTrue();
        assertThat(c.get(0).transport()).isEqualTo("UDP");
        assertThat(c.get(0).isUdp()).isTrue();
        assertThat(c.get(1).isIpv6()).isTrue();
        assertThat(c.get(2).isTcp()).isTrue();
        assertThat(c.get(2).tcpType()).isEqualTo("active");
        assertThat(c.get(3).type()).isEqualTo(SdpCandidate.SRFLX);
        assertThat(c.get(3).relatedAddress()).isEqualTo("0.0.0.0");
        assertThat(c.get(3).relatedPort()).isZero();
        assertThat(c.get(4).type()).isEqualTo(SdpCandidate.RELAY);
        assertThat(c.get(4).relatedPort()).isEqualTo(51234);
        assertThat(app.endOfCandidates()).isTrue();
    }

    @Test
    void candidatesOfEveryKind() throws Exception {
        SessionDescription sdp = Fixtures.parse("candidates-every-kind.sdp");
        MediaDescription m = sdp.mediaByMid("data").orElseThrow();
        List<SdpCandidate> c = m.candidates();
        assertThat(c).extracting(SdpCandidate::type).containsExactly("host", "host", "host", "srflx", "srflx",
                "relay", "relay", "prflx", "host", "host", "host", "host");
        assertThat(c.get(0).ufrag()).contains("EsAw");
        assertThat(c.get(0).networkCost()).isEqualTo(10);
        assertThat(c.get(1).isIpv6()).isTrue();
        assertThat(c.get(2).isMdns()).isTrue();
        assertThat(c.get(2).networkId()).isEqualTo(-1);
        assertThat(c.get(4).relatedAddress()).isEqualTo("192.168.1.20");
        assertThat(c.get(6).isTcp()).isTrue();
        assertThat(c.get(7).type()).isEqualTo(SdpCandidate.PRFLX);
        assertThat(c.subList(8, 11)).extracting(SdpCandidate::tcpType).containsExactly("passive", "active", "so");
        assertThat(c.get(9).transport()).isEqualTo("TCP");
        SdpCandidate odd = c.get(11);
        assertThat(odd.foundation()).isEqualTo("abc+/def");
        assertThat(odd.component()).isEqualTo(2);
        assertThat(odd.address()).isEqualTo("fe80::1%eth0");
        assertThat(odd.extensions()).containsExactly(new Parameter("x-vendor-flag", "7"),
                new Parameter("generation", "0"));
        assertThat(m.iceOptions()).containsExactly("trickle", "renomination");
        assertThat(m.fingerprints()).extracting(Fingerprint::hashFunction).containsExactly("sha-1", "sha-512");
        assertThat(m.fingerprints().get(1).bytes()).hasSize(64);
        assertThat(m.setup()).contains(Setup.PASSIVE);
        assertThat(m.maxMessageSize()).hasValue(0);
        for (SdpCandidate x : c) {
            assertThat(SdpCandidate.parse(x.toCandidateString())).isEqualTo(x);
        }
    }

    @Test
    void everyRfc8866LineType() throws Exception {
        SessionDescription sdp = Fixtures.parse("rfc8866-all-line-types.sdp");
        assertThat(sdp.sessionName()).isEqualTo("Call to John Smith");
        assertThat(sdp.information()).contains("SDP Offer #1");
        assertThat(sdp.uri()).contains("http://www.jdoe.example.com/home.html");
        assertThat(sdp.emails()).containsExactly("Jane Doe <jane@jdoe.example.com>");
        assertThat(sdp.phones()).containsExactly("+1 617 555-6011");
        assertThat(sdp.connection()).contains(new Connection("IN", "IP4", "198.51.100.1"));
        assertThat(sdp.bandwidths()).containsExactly(new Bandwidth("CT", 1000));
        assertThat(sdp.timings()).containsExactly(new Timing(3724394400L, 3724398000L));
        assertThat(sdp.sessionLines()).extracting(SdpLine::type)
                .containsSubsequence('v', 'o', 's', 'i', 'u', 'e', 'p', 'c', 'b', 't', 'r', 'z', 'k', 'a');
        assertThat(sdp.iceLite()).isTrue();
        assertThat(sdp.direction()).contains(Direction.RECVONLY);

        MediaDescription audio = sdp.media().get(0);
        assertThat(audio.information()).contains("Voice stream");
        assertThat(audio.bandwidths()).containsExactly(new Bandwidth("AS", 64), new Bandwidth("TIAS", 64000));
        assertThat(audio.rtcp()).contains(new Rtcp(53020, null, null, null));
        assertThat(audio.codecs()).extracting(Codec::name).containsExactly("PCMU", "telephone-event");
        assertThat(audio.codecs().get(1).parameters()).containsExactly(new Parameter("0-15", null));
        assertThat(sdp.effectiveDirection(audio)).isEqualTo(Direction.RECVONLY);

        MediaDescription rejected = sdp.media().get(1);
        assertThat(rejected.port()).isZero();
        assertThat(rejected.direction()).contains(Direction.INACTIVE);

        MediaDescription v = sdp.media().get(2);
        assertThat(v.mediaLine().numberOfPorts()).isEqualTo(2);
        assertThat(v.connection()).contains(new Connection("IN", "IP6", "2001:db8::1"));
        assertThat(v.rtcpMuxOnly()).isTrue();
        assertThat(v.extMaps()).containsExactly(
                new ExtMap(1, Direction.SENDONLY, "urn:ietf:params:rtp-hdrext:sdes:mid", null),
                new ExtMap(3, Direction.RECVONLY, "urn:ietf:params:rtp-hdrext:encrypt",
                        "urn:ietf:params:rtp-hdrext:smpte-tc 25@600/24"),
                new ExtMap(4096, "http://example.com/two-byte-ext"));
        assertThat(v.codecs().get(1).parameters()).containsExactly(new Parameter("apt", "96"),
                new Parameter("rtx-time", "3000"));
        assertThat(v.codecs()).allSatisfy(c -> assertThat(c.hasFeedback("nack", null)).isTrue());
        assertThat(v.codecs().get(0).hasFeedback("trr-int", "100")).isTrue();
        Rid r1 = v.rids().get(0);
        assertThat(r1.payloadTypes()).containsExactly(96, 97);
        assertThat(r1.restrictions()).extracting(Parameter::key).containsExactly("pt", "max-width", "max-height");
        assertThat(v.rids().get(2).direction()).isEqualTo("recv");
        Simulcast sc = v.simulcast().orElseThrow();
        assertThat(sc.send()).containsExactly(List.of(new Simulcast.Stream("1", false)),
                List.of(new Simulcast.Stream("2", true)));
        assertThat(sc.recvRids()).containsExactly("3");
        assertThat(sc.format()).isEqualTo("send 1;~2 recv 3");
        assertThat(v.ssrcGroups().get(0).semantics()).isEqualTo("SIM");
        assertThat(v.ssrcs()).contains(new SsrcAttribute(2, "mslabel", null),
                new SsrcAttribute(1, "label", "no value here"));
        assertThat(v.msids()).containsExactly(new Msid("stream-a", "track-a"), new Msid("-", null));
    }
}
