package org.rtc4j.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SsrcTableTest {
    @Test
    void behavesLikeAMapUnderRandomPutsAndRemoves() {
        SsrcTable table = new SsrcTable(10_000);
        Map<Integer, SrtpStream> model = new HashMap<>();
        Random r = new Random(4);
        for (int step = 0; step < 50_000; step++) {
            int ssrc = r.nextInt(300) * 0x10001; // few distinct keys, many collisions
            if (r.nextBoolean()) {
                if (!model.containsKey(ssrc)) {
                    SrtpStream s = new SrtpStream(ssrc, 0);
                    table.put(s);
                    model.put(ssrc, s);
                }
            } else {
                assertThat(table.remove(ssrc)).isEqualTo(model.remove(ssrc) != null);
            }
            int probe = r.nextInt(300) * 0x10001;
            assertThat(table.get(probe)).isSameAs(model.get(probe));
            assertThat(table.size()).isEqualTo(model.size());
        }
    }

    @Test
    void removingARemoteSsrcFreesItsSlotAndResetsItsReplayWindow() {
        SrtpSession[] p = SrtpSessionTest.pair(SrtpProfile.AES_CM_128_HMAC_SHA1_80, 3,
                SrtpConfig.DEFAULT.withMaxRemoteSsrcs(1));
        byte[] a = SrtpSessionTest.protect(p[0], SrtpSessionTest.rtp(1, 1, 10));
        byte[] b = SrtpSessionTest.protect(p[0], SrtpSessionTest.rtp(1, 2, 10));
        assertThat(SrtpSessionTest.unprotect(p[1], a)).isEqualTo(SrtpStatus.OK);
        assertThat(SrtpSessionTest.unprotect(p[1], b)).isEqualTo(SrtpStatus.SSRC_LIMIT);
        assertThat(p[1].removeRemoteSsrc(1)).isTrue();
        assertThat(p[1].removeRemoteSsrc(1)).isFalse();
        assertThat(SrtpSessionTest.unprotect(p[1], b)).isEqualTo(SrtpStatus.OK);
    }
}
