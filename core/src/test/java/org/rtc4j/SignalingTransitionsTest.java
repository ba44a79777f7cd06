package org.rtc4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rtc4j.RTCSignalingState.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignalingTransitionsTest {

    @ParameterizedTest(name = "{0} + {1} {2} -> {3}")
    @CsvSource({
        "stable,               local,  offer,    have-local-offer",
        "have-local-offer,     local,  offer,    have-local-offer",
        "have-local-offer,     remote, answer,   stable",
        "have-local-offer,     remote, pranswer, have-remote-pranswer",
        "have-remote-pranswer, remote, pranswer, have-remote-pranswer",
        "have-remote-pranswer, remote, answer,   stable",
        "have-local-offer,     local,  rollback, stable",
        "have-local-offer,     remote, rollback, stable",
        "stable,               remote, offer,    have-remote-offer",
        "have-remote-offer,    remote, offer,    have-remote-offer",
        "have-remote-offer,    local,  answer,   stable",
        "have-remote-offer,    local,  pranswer, have-local-pranswer",
        "have-local-pranswer,  local,  pranswer, have-local-pranswer",
        "have-local-pranswer,  local,  answer,   stable",
        "have-remote-offer,    local,  rollback, stable",
        "have-remote-offer,    remote, rollback, stable",
        // glare: a remote offer over our pending offer rolls ours back (W3C perfect negotiation)
        "have-local-offer,     remote, offer,    have-remote-offer",
    })
    void allowedTransitions(String from, String side, String type, String to) {
        assertThat(SignalingTransitions.next(RTCSignalingState.of(from), side.equals("local"), RTCSdpType.of(type)))
                .isEqualTo(RTCSignalingState.of(to));
    }

    @Test
    void everyOtherTransitionIsAnInvalidStateError() {
        List<String> allowed = List.of(
                "stable/local/offer", "have-local-offer/local/offer", "have-local-offer/remote/answer",
                "have-local-offer/remote/pranswer", "have-remote-pranswer/remote/pranswer",
                "have-remote-pranswer/remote/answer", "have-local-offer/local/rollback",
                "have-local-offer/remote/rollback", "stable/remote/offer", "have-remote-offer/remote/offer",
                "have-remote-offer/local/answer", "have-remote-offer/local/pranswer",
                "have-local-pranswer/local/pranswer", "have-local-pranswer/local/answer",
                "have-remote-offer/local/rollback", "have-remote-offer/remote/rollback",
                "have-local-offer/remote/offer");
        List<String> refused = new ArrayList<>();
        for (RTCSignalingState from : RTCSignalingState.values()) {
            for (boolean local : new boolean[] {true, false}) {
                for (RTCSdpType type : RTCSdpType.values()) {
                    String key = from.value() + "/" + (local ? "local" : "remote") + "/" + type.value();
                    if (allowed.contains(key)) {
                        continue;
                    }
                    assertThatThrownBy(() -> SignalingTransitions.next(from, local, type))
                            .isInstanceOfSatisfying(RTCException.class,
                                    e -> assertThat(e.name()).isEqualTo(RTCException.Name.InvalidStateError));
                    refused.add(key);
                }
            }
        }
        // 6 states x 2 sides x 4 types, less the allowed ones
        assertThat(refused).hasSize(6 * 2 * 4 - allowed.size());
    }

    @Test
    void onlyARemoteOfferOverALocalOfferRollsBackImplicitly() {
        assertThat(SignalingTransitions.needsImplicitRollback(HAVE_LOCAL_OFFER, false, RTCSdpType.OFFER)).isTrue();
        assertThat(SignalingTransitions.needsImplicitRollback(STABLE, false, RTCSdpType.OFFER)).isFalse();
        assertThat(SignalingTransitions.needsImplicitRollback(HAVE_LOCAL_OFFER, true, RTCSdpType.OFFER)).isFalse();
    }

    @Test
    void w3cValuesRoundTrip() {
        for (RTCSignalingState s : RTCSignalingState.values()) {
            assertThat(RTCSignalingState.of(s.value())).isSameAs(s);
        }
        assertThat(RTCPeerConnectionState.of("connected")).isEqualTo(RTCPeerConnectionState.CONNECTED);
        assertThat(RTCBundlePolicy.MAX_BUNDLE.value()).isEqualTo("max-bundle");
        assertThatThrownBy(() -> RTCIceTransportPolicy.of("none")).isInstanceOf(IllegalArgumentException.class);
    }
}
