package org.rtc4j.jsep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.RTCException;
import org.rtc4j.sdp.Fingerprint;
import org.rtc4j.sdp.MediaDescription;
import org.rtc4j.sdp.SdpCandidate;
import org.rtc4j.sdp.SdpParseException;
import org.rtc4j.sdp.SessionDescription;
import org.rtc4j.sdp.Setup;

class DescriptionsTest {

    private static final Fingerprint FP = Fingerprint.of("sha-256", new byte[32]);
    private static final LocalTransport LOCAL = new LocalTransport("abcd", "0123456789abcdefghijkl", List.of(FP),
            Setup.ACTPASS, 5000, 262144, List.of(), false);

    @Test
    void offerIsWhatABrowserExpects() throws Exception {
        DescriptionWriter w = new DescriptionWriter(42);
        SessionDescription offer = SessionDescription.parse(w.offer("0", LOCAL).format());
        assertThat(offer.origin().sessionId()).isEqualTo("42");
        assertThat(offer.bundleGroup().orElseThrow().mids()).containsExactly("0");
        MediaDescription m = offer.media().get(0);
        assertThat(m.mediaLine().format()).isEqualTo("application 9 UDP/DTLS/SCTP webrtc-datachannel");
        assertThat(m.mid()).contains("0");
        assertThat(m.setup()).contains(Setup.ACTPASS);
        assertThat(m.iceOptions()).containsExactly("trickle");
        assertThat(m.sctpPort()).hasValue(5000);
        assertThat(m.maxMessageSize()).hasValue(262144);
        assertThat(m.fingerprints()).containsExactly(FP);
        // and we can read our own offer as the remote side would
        RemoteTransport r = RemoteTransport.read(offer, true);
        assertThat(r.iceUfrag()).isEqualTo("abcd");
        assertThat(r.legacySctp()).isFalse();
        // each description gets the next version
        long version = Long.parseLong(offer.origin().sessionVersion());
        assertThat(SessionDescription.parse(w.offer("0", LOCAL).format()).origin().sessionVersion())
                .isEqualTo(Long.toString(version + 1));
    }

    @Test
    void offerCarriesGatheredCandidatesAndTheDefaultAddress() throws Exception {
        SdpCandidate host = SdpCandidate.parse("candidate:1 1 udp 2122260223 10.99.0.1 40000 typ host");
        LocalTransport withCandidates = new LocalTransport("abcd", "0123456789abcdefghijkl", List.of(FP),
                Setup.ACTPASS, 5000, 262144, List.of(host), true);
        MediaDescription m = new DescriptionWriter(1).offer("0", withCandidates).media().get(0);
        assertThat(m.port()).isEqualTo(40000);
        assertThat(m.connection().orElseThrow().address()).isEqualTo("10.99.0.1");
        assertThat(m.candidates()).containsExactly(host);
        assertThat(m.endOfCandidates()).isTrue();
    }

    @Test
    void readsAndAnswersChromiumsOffer() throws Exception {
        SessionDescription offer = load("chromium-156-datachannel-offer.sdp");
        RemoteTransport r = RemoteTransport.read(offer, true);
        assertThat(r.dataMid()).isEqualTo("0");
        assertThat(r.legacySctp()).isFalse();
        assertThat(r.iceUfrag()).isEqualTo("ICJg");
        assertThat(r.setup()).isEqualTo(Setup.ACTPASS);
        assertThat(r.sctpPort()).isEqualTo(5000);
        assertThat(r.maxMessageSize()).isEqualTo(262144);
        assertThat(r.candidates()).hasSize(4);
        assertThat(r.bundleMids()).containsExactly("0");

        SessionDescription answer = answer(offer, r);
        MediaDescription m = answer.media().get(0);
        assertThat(m.mediaLine().format()).isEqualTo("application 9 UDP/DTLS/SCTP webrtc-datachannel");
        assertThat(m.mid()).contains("0");
        assertThat(m.setup()).contains(Setup.ACTIVE);
        assertThat(answer.bundleGroup().orElseThrow().mids()).containsExactly("0");
        assertThat(RemoteTransport.read(answer, false).setup()).isEqualTo(Setup.ACTIVE);
    }

    @Test
    void answersAiortcsLegacyOfferInItsOwnForm() throws Exception {
        SessionDescription offer = load("aiortc-1.4-datachannel-offer.sdp");
        RemoteTransport r = RemoteTransport.read(offer, true);
        assertThat(r.legacySctp()).isTrue();
        assertThat(r.sctpPort()).isEqualTo(5000);
        assertThat(r.maxMessageSize()).isEqualTo(65536);
        assertThat(r.endOfCandidates()).isTrue();
        assertThat(r.candidates()).hasSize(2);
        MediaDescription m = answer(offer, r).media().get(0);
        assertThat(m.mediaLine().format()).isEqualTo("application 9 DTLS/SCTP 5000");
        assertThat(m.sctpMap().orElseThrow().port()).isEqualTo(5000);
        assertThat(m.sctpPort()).isEmpty();
    }

    @Test
    void readsFirefoxsSessionLevelFingerprintAndHugeMessageSize() throws Exception {
        RemoteTransport r = RemoteTransport.read(load("firefox-datachannel-offer.sdp"), true);
        assertThat(r.fingerprints()).hasSize(1);
        assertThat(r.maxMessageSize()).isEqualTo(1073741823L);
        assertThat(r.candidates()).anyMatch(SdpCandidate::isMdns);
    }

    @Test
    void readsTheBundleTransportOfAnAudioVideoDataOffer() throws Exception {
        SessionDescription offer = load("chromium-156-audio-video-data-offer.sdp");
        RemoteTransport r = RemoteTransport.read(offer, true);
        assertThat(r.transportIndex()).isZero();
        assertThat(r.transportMid()).isEqualTo("0");
        assertThat(r.dataIndex()).isEqualTo(2);
        assertThat(r.bundleMids()).containsExactly("0", "1", "2");
        for (int i = 0; i < offer.media().size(); i++) {
            assertThat(r.bundled(offer, i)).isTrue();
        }
        // a section outside the BUNDLE group does not ride the shared transport
        SessionDescription unbundled = SessionDescription.parse(offer.format()
                .replace("a=group:BUNDLE 0 1 2", "a=group:BUNDLE 0 2"));
        assertThat(RemoteTransport.read(unbundled, true).bundled(unbundled, 1)).isFalse();
    }

    @Test
    void writesMediaSectionsWithBundleRtcpMuxRtxAndSsrcs() throws Exception {
        List<MediaCodec> video = CodecCatalog.offered("video");
        SectionPlan.SendSource src = new SectionPlan.SendSource(1111, 2222, "cn@x", List.of("s1"), "t1");
        SessionDescription sdp = SessionDescription.parse(new DescriptionWriter(3).write(List.of(
                new SectionPlan.Media("0", "video", "sendrecv", video, CodecCatalog.offeredExtensions("video"), src),
                new SectionPlan.Media("1", "audio", "recvonly", CodecCatalog.offered("audio"),
                        CodecCatalog.offeredExtensions("audio"), null),
                new SectionPlan.Rejected("2", "video", DescriptionWriter.RTP_PROTOCOL, List.of("96")),
                new SectionPlan.Data("3", false)), LOCAL).format());
        assertThat(sdp.bundleGroup().orElseThrow().mids()).containsExactly("0", "1", "3");
        MediaDescription v = sdp.media().get(0);
        assertThat(v.mediaLine().format()).startsWith("video 9 UDP/TLS/RTP/SAVPF 96 97 98 99");
        assertThat(v.rtcpMux()).isTrue();
        assertThat(v.rtcpRsize()).isTrue();
        assertThat(v.codecs()).anyMatch(c -> c.name().equals("rtx") && c.parameter("apt").orElse("").equals("96"));
        assertThat(v.ssrcGroups()).singleElement().satisfies(g -> assertThat(g.ssrcs()).containsExactly(1111L, 2222L));
        assertThat(v.cname(1111)).contains("cn@x");
        assertThat(v.msids()).singleElement().satisfies(m -> assertThat(m.streamId()).isEqualTo("s1"));
        assertThat(sdp.effectiveDirection(sdp.media().get(1)).sdpName()).isEqualTo("recvonly");
        assertThat(sdp.media().get(1).ssrcs()).isEmpty();
        assertThat(sdp.media().get(2).port()).isZero();
        assertThat(sdp.media().get(3).sctpPort()).hasValue(5000);
        // every accepted section repeats the transport; candidates only in the first
        for (int i : new int[] {0, 1, 3}) {
            assertThat(sdp.media().get(i).fingerprints()).containsExactly(FP);
            assertThat(sdp.media().get(i).iceUfrag()).contains("abcd");
        }
        RemoteTransport back = RemoteTransport.read(sdp, true);
        assertThat(back.transportMid()).isEqualTo("0");
        assertThat(back.dataMid()).isEqualTo("3");
    }

    @Test
    void refusesWhatCannotBeSecuredOrNegotiated() throws Exception {
        String chromium = load("chromium-156-datachannel-offer.sdp").format();
        assertInvalidAccess(chromium.replaceAll("a=fingerprint:[^\r]*\r\n", ""), true, "fingerprint");
        assertInvalidAccess(chromium.replaceAll("a=ice-pwd:[^\r]*\r\n", ""), true, "ICE credentials");
        assertInvalidAccess(chromium.replace("a=setup:actpass", "a=setup:holdconn"), true, "setup");
        assertInvalidAccess(chromium, false, "setup"); // actpass in an answer
        // an audio-only offer without ICE credentials has a transport that cannot be used
        assertInvalidAccess("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 0\r\n"
                + "c=IN IP4 0.0.0.0\r\na=mid:a\r\n", true, "ICE credentials");
        // only rejected sections: no transport and no data, nothing to refuse
        RemoteTransport none = RemoteTransport.read(SessionDescription.parse(
                "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=audio 0 UDP/TLS/RTP/SAVPF 0\r\n"
                        + "c=IN IP4 0.0.0.0\r\na=mid:a\r\n"), true);
        assertThat(none.hasData()).isFalse();
        assertThat(none.hasTransport()).isFalse();
    }

    private static void assertInvalidAccess(String sdp, boolean isOffer, String mentions) throws SdpParseException {
        SessionDescription parsed = SessionDescription.parse(sdp);
        assertThatThrownBy(() -> RemoteTransport.read(parsed, isOffer))
                .isInstanceOfSatisfying(RTCException.class,
                        e -> assertThat(e.name()).isEqualTo(RTCException.Name.InvalidAccessError))
                .hasMessageContaining(mentions);
    }

    private static SessionDescription answer(SessionDescription offer, RemoteTransport r) throws SdpParseException {
        return SessionDescription.parse(new DescriptionWriter(7).write(
                List.of(new SectionPlan.Data(r.dataMid(), r.legacySctp())), LOCAL.withSetup(Setup.ACTIVE)).format());
    }

    static SessionDescription load(String name) throws IOException, SdpParseException {
        try (InputStream in = DescriptionsTest.class.getResourceAsStream("/sdp/" + name)) {
            return SessionDescription.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
