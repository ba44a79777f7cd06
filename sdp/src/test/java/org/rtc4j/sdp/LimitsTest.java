package org.rtc4j.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Hostile sizes fail with SdpParseException naming the line, never OOM or a hang. */
class LimitsTest {
    private static final String HEAD = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

    @Test
    void moreThanOneMebibyteAsString() {
        StringBuilder sb = new StringBuilder(HEAD);
        String line = "a=x-filler:" + "y".repeat(1000) + "\r\n";
        while (sb.length() <= SessionDescription.MAX_BYTES) {
            sb.append(line);
        }
        assertThatThrownBy(() -> SessionDescription.parse(sb.toString()))
                .isInstanceOfSatisfying(SdpParseException.class, e -> {
                    assertThat(e.reason()).contains("larger than 1 MiB");
                    assertThat(e.lineNumber()).isGreaterThan(1000);
                });
    }

    @Test
    void moreThanOneMebibyteAsBytes() {
        byte[] big = new byte[SessionDescription.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        assertThatThrownBy(() -> SessionDescription.parse(big))
                .isInstanceOfSatisfying(SdpParseException.class, e -> {
                    assertThat(e.reason()).contains("larger than 1 MiB");
                    assertThat(e.lineNumber()).isEqualTo(1);
                });
    }

    @Test
    void multiByteCharactersCountAsBytes() {
        // 400k three-byte characters are 1.2 MB of UTF-8 in fewer than 1 Mi chars.
        String s = HEAD + ("a=x:" + "\u20ac".repeat(4000) + "\r\n").repeat(100);
        assertThat(s.length()).isLessThan(SessionDescription.MAX_BYTES);
        assertThatThrownBy(() -> SessionDescription.parse(s))
                .isInstanceOfSatisfying(SdpParseException.class,
                        e -> assertThat(e.reason()).contains("larger than 1 MiB"));
    }

    @Test
    void tenThousandLinesAreFineOneMoreIsNot() throws Exception {
        StringBuilder sb = new StringBuilder(HEAD);
        for (int i = 4; i < SessionDescription.MAX_LINES; i++) {
            sb.append("a=x\r\n");
        }
        assertThat(SessionDescription.parse(sb.toString()).sessionLines()).hasSize(SessionDescription.MAX_LINES);
        sb.append("a=x\r\n");
        assertThatThrownBy(() -> SessionDescription.parse(sb.toString()))
                .isInstanceOfSatisfying(SdpParseException.class, e -> {
                    assertThat(e.lineNumber()).isEqualTo(10_001);
                    assertThat(e.reason()).contains("more than 10000 lines");
                });
    }

    @Test
    void lineLongerThanSixteenKibibytes() throws Exception {
        String ok = HEAD + "a=x:" + "z".repeat(SessionDescription.MAX_LINE_BYTES - 4) + "\r\n";
        assertThat(SessionDescription.parse(ok).format()).isEqualTo(ok);
        String bad = HEAD + "a=x:" + "z".repeat(SessionDescription.MAX_LINE_BYTES) + "\r\n";
        assertThatThrownBy(() -> SessionDescription.parse(bad.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(SdpParseException.class, e -> {
                    assertThat(e.lineNumber()).isEqualTo(5);
                    assertThat(e.reason()).contains("longer than 16384 bytes");
                    assertThat(e.getMessage()).hasSizeLessThan(400);
                });
    }

    @Test
    void thirtyThousandEmptyLinesFailAtTheFirst() {
        String s = "\n".repeat(SessionDescription.MAX_LINES * 3);
        assertThatThrownBy(() -> SessionDescription.parse(s))
                .isInstanceOfSatisfying(SdpParseException.class, e -> {
                    assertThat(e.lineNumber()).isEqualTo(1);
                    assertThat(e.reason()).isEqualTo("empty line");
                });
    }

    @Test
    void tenThousandAndOneValidLinesFailAtLineTenThousandAndOne() {
        String s = HEAD + "a=x\n".repeat(SessionDescription.MAX_LINES);
        assertThatThrownBy(() -> SessionDescription.parse(s.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(SdpParseException.class,
                        e -> assertThat(e.lineNumber()).isEqualTo(SessionDescription.MAX_LINES + 1));
    }
}
