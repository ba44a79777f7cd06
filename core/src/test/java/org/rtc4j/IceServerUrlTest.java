package org.rtc4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IceServerUrlTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "stun:stun.example.org,                  STUN,  stun.example.org, 3478, UDP",
        "stun:127.0.0.1:19302,                   STUN,  127.0.0.1,        19302, UDP",
        "stuns:stun.example.org,                 STUNS, stun.example.org, 5349, TCP",
        "turn:turn.example.org,                  TURN,  turn.example.org, 3478, UDP",
        "turn:turn.example.org?transport=tcp,    TURN,  turn.example.org, 3478, TCP",
        "TURN:Turn.Example.org:80?transport=UDP, TURN,  Turn.Example.org, 80,   UDP",
        "turns:turn.example.org:443,             TURNS, turn.example.org, 443,  TCP",
        "turns:turn.example.org?transport=tcp,   TURNS, turn.example.org, 5349, TCP",
        "turn:[::1]:3478,                        TURN,  ::1,              3478, UDP",
        "stun:[2001:db8::1],                     STUN,  2001:db8::1,      3478, UDP",
    })
    void parsesWithTheRfcDefaults(String url, IceServerUrl.Scheme scheme, String host, int port,
            IceServerUrl.Transport transport) {
        IceServerUrl u = IceServerUrl.parse(url);
        assertThat(u.scheme()).isEqualTo(scheme);
        assertThat(u.host()).isEqualTo(host);
        assertThat(u.port()).isEqualTo(port);
        assertThat(u.transport()).isEqualTo(transport);
        assertThat(IceServerUrl.parse(u.toString())).isEqualTo(u);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "stun", "http://x", "stun:", "stun://host", "stun:host:0", "stun:host:65536", "stun:host:x",
        "stun:::1", "stun:[::1", "stun:[::1]x", "stun:host?transport=udp", "turn:host?transport=sctp",
        "turn:host?foo=bar", "turns:host?transport=udp", "turn:user:pass@host", "turn:host/path",
    })
    void refusesMalformedUrls(String url) {
        assertThatThrownBy(() -> IceServerUrl.parse(url))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad ICE server URL");
    }

    @Test
    void turnNeedsCredentialsAsInTheW3cConstructor() {
        assertThatThrownBy(() -> RTCIceServer.of(List.of("turn:127.0.0.1"), null, null))
                .isInstanceOfSatisfying(RTCException.class,
                        e -> assertThat(e.name()).isEqualTo(RTCException.Name.InvalidAccessError));
        assertThatThrownBy(() -> RTCIceServer.stun("stun:"))
                .isInstanceOfSatisfying(RTCException.class,
                        e -> assertThat(e.name()).isEqualTo(RTCException.Name.SyntaxError));
        RTCIceServer s = RTCIceServer.turn("turn:127.0.0.1:3478?transport=tcp", "u", "s3cr3t-pw");
        assertThat(s.urls()).hasSize(1);
        assertThat(s.toString()).doesNotContain("s3cr3t-pw").contains("user=u");
    }
}
