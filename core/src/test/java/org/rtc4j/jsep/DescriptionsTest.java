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

        SessionDescription answer = SessionDescription.parse(
                new DescriptionWriter(7).answer(offer, r, LOCAL.withSetup(Setup.ACTIVE)).format());
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
        MediaDescription m = new DescriptionWriter(7).answer(offer, r, LOCAL.withSetup(Setup.ACTIVE)).media().get(0);
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
    void answerRejectsMediaSectionsButKeepsTheirPlaceAndMid() throws Exception {
        SessionDescription offer = load("chromium-156-audio-video-data-offer.sdp");
        RemoteTransport r = RemoteTransport.read(offer, true);
        SessionDescription answer = SessionDescription.parse(
                new DescriptionWriter(7).answer(offer, r, LOCAL.withSetup(Setup.ACTIVE)).format());
        assertThat(answer.media()).hasSameSizeAs(offer.media());
        for (int i = 0; i < offer.media().size(); i++) {
            MediaDescription o = offer.media().get(i);
            MediaDescription a = answer.media().get(i);
            assertThat(a.media()).isEqualTo(o.media());
            assertThat(a.mid()).isEqualTo(o.mid());
            assertThat(a.port()).isEqualTo(i == r.dataIndex() ? 9 : 0);
        }
        assertThat(answer.bundleGroup().orElseThrow().mids()).containsExactly(r.dataMid());
    }

    @Test
    void refusesWhatCannotBeSecuredOrNegotiated() throws Exception {
        String chromium = load("chromium-156-datachannel-offer.sdp").format();
        assertInvalidAccess(chromium.replaceAll("a=fingerprint:[^\r]*\r\n", ""), true, "fingerprint");
        assertInvalidAccess(chromium.replaceAll("a=ice-pwd:[^\r]*\r\n", ""), true, "ICE credentials");
        assertInvalidAccess(chromium.replace("a=setup:actpass", "a=setup:holdconn"), true, "setup");
        assertInvalidAccess(chromium, false, "setup"); // actpass in an answer
        // no SCTP section at all: nothing to refuse, and no data transport
        RemoteTransport none = RemoteTransport.read(SessionDescription.parse(
                "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 0\r\n"
                        + "c=IN IP4 0.0.0.0\r\na=mid:a\r\n"), true);
        assertThat(none.hasData()).isFalse();
    }

    private static void assertInvalidAccess(String sdp, boolean isOffer, String mentions) throws SdpParseException {
        SessionDescription parsed = SessionDescription.parse(sdp);
        assertThatThrownBy(() -> RemoteTransport.read(parsed, isOffer))
                .isInstanceOfSatisfying(RTCException.class,
                        e -> assertThat(e.name()).isEqualTo(RTCException.Name.InvalidAccessError))
                .hasMessageContaining(mentions);
    }

    static SessionDescription load(String name) throws IOException, SdpParseException {
        try (InputStream in = DescriptionsTest.class.getResourceAsStream("/sdp/" + name)) {
            return SessionDescription.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
