package org.rtc4j.srtp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Any bytes given to unprotect yield a status; nothing is thrown. (Plain checks rather than
 * AssertJ keep Jazzer from instrumenting a large library on every run.)
 */
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
            check(s.unprotectRtp(b, 1, data.length));
            b = Arrays.copyOf(data, data.length);
            check(s.unprotectRtcp(b, 0, data.length));
        }
    }

    private static void check(SrtpStatus status) {
        if (status == null) {
            throw new IllegalStateException("unprotect returned no status");
        }
    }
}
