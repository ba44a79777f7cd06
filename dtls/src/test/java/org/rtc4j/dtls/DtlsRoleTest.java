package org.rtc4j.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rtc4j.dtls.DtlsSetup.ACTIVE;
import static org.rtc4j.dtls.DtlsSetup.ACTPASS;
import static org.rtc4j.dtls.DtlsSetup.PASSIVE;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DtlsRoleTest {

    @ParameterizedTest(name = "offer {0}, answer {1}: offerer {2}, answerer {3}")
    @CsvSource({
        "ACTPASS, ACTIVE,  SERVER, CLIENT",
        "ACTPASS, PASSIVE, CLIENT, SERVER",
        "ACTIVE,  PASSIVE, CLIENT, SERVER",
        "PASSIVE, ACTIVE,  SERVER, CLIENT",
    })
    void rolesFollowTheAnswer(DtlsSetup offer, DtlsSetup answer, DtlsRole offerer, DtlsRole answerer) {
        assertThat(DtlsRole.fromSetup(offer, answer, true)).isEqualTo(offerer);
        assertThat(DtlsRole.fromSetup(answer, offer, false)).isEqualTo(answerer);
        assertThat(offerer.opposite()).isEqualTo(answerer);
    }

    @Test
    void invalidPairsAreRejected() {
        assertThatThrownBy(() -> DtlsRole.fromSetup(ACTPASS, ACTPASS, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("actpass");
        assertThatThrownBy(() -> DtlsRole.fromSetup(ACTIVE, ACTIVE, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both");
        assertThatThrownBy(() -> DtlsRole.fromSetup(PASSIVE, PASSIVE, true))
                .isInstanceOf(IllegalArgumentException.class);
        // An answerer must not answer actpass.
        assertThatThrownBy(() -> DtlsRole.fromSetup(ACTPASS, ACTPASS, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void answererPrefersActive() {
        assertThat(DtlsSetup.answerTo(ACTPASS)).isEqualTo(ACTIVE);
        assertThat(DtlsSetup.answerTo(PASSIVE)).isEqualTo(ACTIVE);
        assertThat(DtlsSetup.answerTo(ACTIVE)).isEqualTo(PASSIVE);
        // The chosen answer always yields a consistent pair of roles.
        for (DtlsSetup offer : DtlsSetup.values()) {
            DtlsSetup answer = DtlsSetup.answerTo(offer);
            assertThat(DtlsRole.fromSetup(offer, answer, true))
                    .isEqualTo(DtlsRole.fromSetup(answer, offer, false).opposite());
        }
    }

    @Test
    void parsesSdpValues() {
        assertThat(DtlsSetup.parse("actpass")).isEqualTo(ACTPASS);
        assertThat(DtlsSetup.parse(" Active ")).isEqualTo(ACTIVE);
        assertThat(DtlsSetup.parse("PASSIVE").sdpValue()).isEqualTo("passive");
        assertThatThrownBy(() -> DtlsSetup.parse("holdconn")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DtlsSetup.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
