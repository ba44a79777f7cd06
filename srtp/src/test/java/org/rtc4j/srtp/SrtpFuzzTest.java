package org.rtc4j.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/** Any bytes given to unprotect yield a status; nothing is thrown and the state stays sane. */
class SrtpFuzzTest {
    private static final SrtpSession[] SESSIONS = new SrtpSession[SrtpProfile.values().length];

    static {
        for (SrtpProfile p : SrtpProfile.values()) {
            SESSIONS[p.ordinal()] = SrtpSessionTest.pair(p)[1];
        }
    }

    @FuzzTest(maxDuration = "10s")
    void unprotect(byte[] data) {
        for (SrtpSession s : SESSIONS) {
            byte[] b = Arrays.copyOf(data, data.length + 3);
            assertThat(s.unprotectRtp(b, 1, data.length)).isNotNull();
            b = Arrays.copyOf(data, data.length);
            assertThat(s.unprotectRtcp(b, 0, data.length)).isNotNull();
        }
    }
}
