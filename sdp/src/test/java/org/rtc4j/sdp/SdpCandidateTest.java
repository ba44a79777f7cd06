package org.rtc4j.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SdpCandidateTest {

    @Test
    void trickledChromiumSrflxWithEveryPrefix() throws Exception {
        String value = "842163049 1 udp 1677729535 203.0.113.9 41000 typ srflx raddr 0.0.0.0 rport 0 "
                + "generation 0 ufrag EsAw network-id 1 network-cost 10";
        SdpCandidate expected = SdpCandidate.of("842163049", 1, "udp", 1677729535L, "203.0.113.9", 41000, "srflx")
                .withRelated("0.0.0.0", 0).withExtension("generation", "0").withExtension("ufrag", "EsAw")
                .withExtension("network-id", "1").withExtension("network-cost", "10");
        assertThat(SdpCandidate.parse(value)).isEqualTo(expected);
        assertThat(SdpCandidate.parse("candidate:" + value)).isEqualTo(expected);
        assertThat(SdpCandidate.parse("a=candidate:" + value)).isEqualTo(expected);
        assertThat(expected.format()).isEqualTo(value);
        assertThat(expected.toCandidateString()).isEqualTo("candidate:" + value);
        assertThat(expected.toAttribute()).isEqualTo(Attribute.of("candidate", value));
        assertThat(expected.generation()).isZero();
        assertThat(expected.networkId()).isEqualTo(1);
        assertThat(expected.networkCost()).isEqualTo(10);
        assertThat(expected.ufrag()).contains("EsAw");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "candidate:0 1 UDP 2122252543 7c0b4a58-6e0e-4a1b-9a1c-1f0c7a2b9d3e.local 51234 typ host",
        "candidate:1 1 udp 2122187007 2001:db8::7 49152 typ host generation 0",
        "candidate:2 1 TCP 2105524479 192.0.2.1 9 typ host tcptype active",
        "candidate:3 2 Udp 8331263 198.51.100.20 50000 typ relay raddr 203.0.113.7 rport 51234 x-unknown yes",
        "candidate:4 1 udp 1845501695 ::ffff:192.0.2.1 1 typ prflx raddr :: rport 0",
        "candidate:5 1 udp 1 host.example.com 65535 typ host",
    })
    void canonicalCandidatesFormatBackExactly(String text) throws Exception {
        assertThat(SdpCandidate.parse(text).toCandidateString()).isEqualTo(text);
    }

    @Test
    void transportCaseIsKeptAndComparedCaseInsensitively() throws Exception {
        SdpCandidate c = SdpCandidate.parse("candidate:1 1 uDp 1 192.0.2.1 1 typ host");
        assertThat(c.transport()).isEqualTo("uDp");
        assertThat(c.isUdp()).isTrue();
        assertThat(c.isTcp()).isFalse();
    }

    @Test
    void relatedFieldsAnywhereAreReadButWrittenInGrammarOrder() throws Exception {
        SdpCandidate c = SdpCandidate.parse("1 1 tcp 5 192.0.2.1 9 typ srflx generation 0 tcptype active raddr 10.0.0.1 rport 7");
        assertThat(c.tcpType()).isEqualTo("active");
        assertThat(c.relatedAddress()).isEqualTo("10.0.0.1");
        assertThat(c.extensions()).containsExactly(new Parameter("generation", "0"));
        assertThat(c.format()).isEqualTo("1 1 tcp 5 192.0.2.1 9 typ srflx raddr 10.0.0.1 rport 7 tcptype active generation 0");
    }

    @Test
    void builtCandidateGoesIntoAMediaSection() {
        SdpCandidate c = SdpCandidate.of("1", 1, "udp", 2130706431L, "127.0.0.1", 5000, SdpCandidate.HOST);
        MediaDescription m = MediaDescription.builder("application", 9, "UDP/DTLS/SCTP", "webrtc-datachannel")
                .mid("0").candidate(c).endOfCandidates().build();
        assertThat(m.candidates()).containsExactly(c);
        assertThat(m.format()).contains("a=candidate:1 1 udp 2130706431 127.0.0.1 5000 typ host\r\n"
                + "a=end-of-candidates\r\n");
        assertThat(c.relatedPort()).isEqualTo(-1);
        assertThat(c.extensions()).isEqualTo(List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "candidate:",
        "candidate:1 1 udp 1 192.0.2.1 1 typ",
        "candidate:1 1 udp 1 192.0.2.1 1 type host",
        "candidate:1 0 udp 1 192.0.2.1 1 typ host",
        "candidate:1 1 udp 0 192.0.2.1 1 typ host",
        "candidate:1 1 udp 4294967296 192.0.2.1 1 typ host",
        "candidate:1 1 udp 1 192.0.2.1 65536 typ host",
        "candidate:1 1 udp 1 300.0.2.1 1 typ host",
        "candidate:1 1 udp 1 [::1] 1 typ host",
        "candidate:1 1 udp 1 192.0.2.1 1 typ host generation",
        "candidate:1 1 udp 1 192.0.2.1 1 typ srflx raddr 1.2.3.4 raddr 1.2.3.4",
        "candidate:1 1 udp 1 192.0.2.1 1 typ srflx rport x",
        "candidate:123456789012345678901234567890123 1 udp 1 192.0.2.1 1 typ host",
        "candidate:1 1 u/dp 1 192.0.2.1 1 typ host",
        "candidate:1 1 udp 1 192.0.2.1 1 typ host generation 0\n",
        "candidate:1 1 udp 1 192.0.2.1 1 typ host\tx y",
    })
    void malformedTrickledCandidatesReportLineOneAndTheText(String text) {
        assertThatThrownBy(() -> SdpCandidate.parse(text))
                .isInstanceOfSatisfying(SdpParseException.class, e -> {
                    assertThat(e.lineNumber()).isEqualTo(1);
                    assertThat(e.line()).isEqualTo(text);
                    assertThat(e.reason()).startsWith("candidate");
                });
    }
}
