package org.rtc4j.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * parse → format → parse must be stable, and nothing but SdpParseException may escape for any bytes.
 * The normal test run replays the committed seeds (regression mode); {@code JAZZER_FUZZ=1} fuzzes.
 */
class SdpFuzzTest {

    @FuzzTest(maxDuration = "4m")
    void parseFormatParse(byte[] data) throws Exception {
        SessionDescription first;
        try {
            first = SessionDescription.parse(data);
        } catch (SdpParseException e) {
            assertThat(e.lineNumber()).isPositive();
            assertThat(e.getMessage()).isNotEmpty();
            return;
        }
        String text = first.format();
        SessionDescription second = SessionDescription.parse(text);
        assertThat(second).isEqualTo(first);
        assertThat(second.format()).isEqualTo(text);
        String input = new String(data, StandardCharsets.UTF_8);
        if (input.endsWith("\r\n") && !input.replace("\r\n", "").contains("\n")) {
            assertThat(text).isEqualTo(input);
        }
        readEverything(first);
        assertThat(first.toBuilder().build()).isEqualTo(first);
    }

    @FuzzTest(maxDuration = "2m")
    void candidateParseFormat(byte[] data) throws Exception {
        String text = new String(data, StandardCharsets.UTF_8);
        SdpCandidate c;
        try {
            c = SdpCandidate.parse(text);
        } catch (SdpParseException e) {
            assertThat(e.lineNumber()).isEqualTo(1);
            return;
        }
        assertThat(SdpCandidate.parse(c.toCandidateString())).isEqualTo(c);
        // Whatever was accepted from a trickle message must be addable to a description.
        MediaDescription.builder("application", 9, "UDP/DTLS/SCTP", "webrtc-datachannel").candidate(c).build();
        c.generation();
        c.networkCost();
        c.isFqdn();
    }

    /** Every typed accessor must work on anything the parser accepted. */
    static void readEverything(SessionDescription sdp) {
        sdp.origin();
        sdp.sessionName();
        sdp.timings();
        sdp.groups();
        sdp.bundleGroup();
        sdp.msidSemantic();
        sdp.uri();
        sdp.emails();
        sdp.phones();
        readSection(sdp);
        for (MediaDescription m : sdp.media()) {
            readSection(m);
            sdp.effectiveDirection(m);
            sdp.effectiveFingerprints(m);
            sdp.effectiveIceUfrag(m);
            m.mediaLine();
            m.mid();
            m.rtcp();
            m.rtpMaps();
            m.fmtps().forEach(Fmtp::payloadType);
            m.rtcpFbs();
            m.ssrcs();
            m.ssrcIds();
            m.ssrcGroups();
            m.msids();
            m.rids().forEach(Rid::payloadTypes);
            m.simulcast();
            m.sctpMap();
            m.effectiveSctpPort();
            m.codecs();
            assertThat(m.toBuilder().build()).isEqualTo(m);
        }
    }

    private static void readSection(SdpSection s) {
        s.attributes();
        s.information();
        s.connection();
        s.bandwidths();
        s.iceUfrag();
        s.icePwd();
        s.iceOptions();
        s.fingerprints().forEach(Fingerprint::bytes);
        s.setup();
        s.direction();
        s.extMaps();
        s.candidates().forEach(c -> {
            c.generation();
            c.networkId();
        });
        s.sctpPort();
        s.maxMessageSize();
    }
}
