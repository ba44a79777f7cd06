package org.rtc4j.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Deterministic cousin of the fuzz test for every normal run: mutated fixtures either parse (and
 * then round-trip stably) or fail with SdpParseException; nothing else may escape.
 */
class MutationSmokeTest {
    private static final byte[] INTERESTING = ":/ =\r\n\u0000~;,*0123456789".getBytes(StandardCharsets.UTF_8);

    @Test
    void mutatedFixturesFailOnlyWithSdpParseException() throws Exception {
        Random rnd = new Random(20261125L);
        int parsed = 0;
        int rejected = 0;
        for (String name : Fixtures.names()) {
            byte[] base = Fixtures.text(name).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 60; i++) {
                byte[] m = mutate(base, rnd);
                SessionDescription sdp;
                try {
                    sdp = SessionDescription.parse(m);
                } catch (SdpParseException e) {
                    assertThat(e.lineNumber()).isPositive();
                    rejected++;
                    continue;
                }
                parsed++;
                SessionDescription again = SessionDescription.parse(sdp.format());
                assertThat(again).isEqualTo(sdp);
                SdpFuzzTest.readEverything(sdp);
            }
        }
        assertThat(parsed).isPositive();
        assertThat(rejected).isPositive();
    }

    private static byte[] mutate(byte[] in, Random rnd) {
        byte[] b = in.clone();
        int edits = 1 + rnd.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int pos = rnd.nextInt(b.length);
            switch (rnd.nextInt(4)) {
                case 0: b[pos] = INTERESTING[rnd.nextInt(INTERESTING.length)]; break;
                case 1: b[pos] = (byte) rnd.nextInt(256); break;
                case 2: b = Arrays.copyOf(b, Math.max(1, pos)); break;
                default:
                    // duplicate a slice, the way a bad concatenation would
                    int len = Math.min(b.length - pos, 1 + rnd.nextInt(80));
                    byte[] out = new byte[b.length + len];
                    System.arraycopy(b, 0, out, 0, pos + len);
                    System.arraycopy(b, pos, out, pos + len, b.length - pos);
                    b = out;
            }
        }
        return b;
    }
}
