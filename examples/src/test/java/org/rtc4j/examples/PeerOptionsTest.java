package org.rtc4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.rtc4j.IceServerUrl;
import org.rtc4j.RTCIceServer;
import org.rtc4j.examples.peer.CliFailure;
import org.rtc4j.examples.peer.IceServerArgs;
import org.rtc4j.examples.peer.PeerOptions;
import picocli.CommandLine;

class PeerOptionsTest {

    @Test
    void turnCredentialsAreSplitFromTheUrl() {
        RTCIceServer s = IceServerArgs.parse("turn:alice:s%40cret@127.0.0.1:3478?transport=tcp");
        assertThat(s.username()).isEqualTo("alice");
        assertThat(s.credential()).isEqualTo("s@cret");
        IceServerUrl u = s.urls().get(0);
        assertThat(u.host()).isEqualTo("127.0.0.1");
        assertThat(u.port()).isEqualTo(3478);
        assertThat(u.transport()).isEqualTo(IceServerUrl.Transport.TCP);
    }

    @Test
    void stunNeedsNoCredentials() {
        RTCIceServer s = IceServerArgs.parse("stun:stun.example.org:19302");
        assertThat(s.username()).isNull();
        assertThat(s.urls().get(0).port()).isEqualTo(19302);
    }

    @Test
    void badServersAreUsageErrors() {
        assertThatThrownBy(() -> IceServerArgs.parse("turn:127.0.0.1:3478"))
                .isInstanceOfSatisfying(CliFailure.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessageContaining("TURN needs user:password@");
        assertThatThrownBy(() -> IceServerArgs.parse("nonsense"))
                .isInstanceOfSatisfying(CliFailure.class, e -> assertThat(e.exitCode()).isEqualTo(2));
        assertThatThrownBy(() -> IceServerArgs.parse("stun:a:b@host"))
                .isInstanceOfSatisfying(CliFailure.class, e -> assertThat(e.exitCode()).isEqualTo(2));
    }

    @Test
    void zeroChecksumIsOfferedUnlessTurnedOff() {
        PeerOptions defaults = new PeerOptions();
        CommandLine.populateCommand(defaults);
        assertThat(defaults.configuration().sctpZeroChecksum()).isTrue();
        PeerOptions off = new PeerOptions();
        CommandLine.populateCommand(off, "--no-zero-checksum");
        assertThat(off.configuration().sctpZeroChecksum()).isFalse();
    }

    @Test
    void relayOnlyWithoutTurnIsUsageError() throws Exception {
        try (CliRun chat = CliRun.start("chat", "--relay-only", "--json")) {
            assertThat(chat.awaitExit()).isEqualTo(2);
            assertThat(chat.awaitEvent("error").path("message").asText()).contains("--relay-only needs a TURN server");
        }
    }
}
