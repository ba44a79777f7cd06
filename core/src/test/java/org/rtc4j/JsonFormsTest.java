package org.rtc4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonFormsTest {

    @Test
    void descriptionRoundTripsThroughTheBrowsersJson() {
        RTCSessionDescription d = new RTCSessionDescription(RTCSdpType.OFFER, "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n");
        String json = d.toJson();
        assertThat(json).isEqualTo("{\"type\":\"offer\",\"sdp\":\"v=0\\r\\no=- 1 2 IN IP4 127.0.0.1\\r\\n\"}");
        assertThat(RTCSessionDescription.fromJson(json)).isEqualTo(d);
    }

    @Test
    void rollbackNeedsNoSdp() {
        assertThat(RTCSessionDescription.fromJson("{\"type\":\"rollback\"}").type()).isEqualTo(RTCSdpType.ROLLBACK);
    }

    @Test
    void candidateRoundTripsThroughTheBrowsersJson() {
        String json = "{\"candidate\":\"candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host generation 0\","
                + "\"sdpMid\":\"0\",\"sdpMLineIndex\":0,\"usernameFragment\":\"abcd\"}";
        RTCIceCandidate c = RTCIceCandidate.fromJson(json);
        assertThat(c.sdpMid()).isEqualTo("0");
        assertThat(c.sdpMLineIndex()).isZero();
        assertThat(c.usernameFragment()).isEqualTo("abcd");
        assertThat(c.isEndOfCandidates()).isFalse();
        assertThat(c.toJson()).isEqualTo(json);
    }

    @Test
    void emptyCandidateIsEndOfCandidates() {
        RTCIceCandidate c = RTCIceCandidate.fromJson("{\"candidate\":\"\",\"sdpMid\":\"0\",\"sdpMLineIndex\":null}");
        assertThat(c.isEndOfCandidates()).isTrue();
        assertThat(c.sdpMLineIndex()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "[]", "{", "{\"type\":\"offer\"}", "{\"type\":\"bogus\",\"sdp\":\"\"}",
        "{\"type\":{\"nested\":1},\"sdp\":\"\"}", "{\"type\":\"offer\",\"sdp\":7}", "{\"type\":\"offer\",\"sdp\":\"\"} x",
        "{\"type\":\"offer\",\"sdp\":\"\",\"extra\":[1]}",
    })
    void malformedDescriptionsAreIllegalArguments(String json) {
        assertThatThrownBy(() -> RTCSessionDescription.fromJson(json)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"candidate\":\"candidate:1\"}", "{\"candidate\":\"c\",\"sdpMLineIndex\":-1}",
        "{\"candidate\":\"c\",\"sdpMLineIndex\":1.5}", "{\"candidate\":\"c\",\"sdpMLineIndex\":99999999999}",
        "{\"candidate\":3,\"sdpMid\":\"0\"}", "null",
    })
    void malformedCandidatesAreIllegalArguments(String json) {
        assertThatThrownBy(() -> RTCIceCandidate.fromJson(json)).isInstanceOf(IllegalArgumentException.class);
    }
}
