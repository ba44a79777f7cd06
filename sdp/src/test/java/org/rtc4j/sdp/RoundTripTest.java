package org.rtc4j.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {

    static List<String> fixtures() {
        return Fixtures.names();
    }

    @Test
    void everySharedChromiumFileIsAFixture() {
        assertThat(fixtures()).contains(
                "chromium-156-audio-video-data-answer.sdp", "chromium-156-audio-video-data-offer.sdp",
                "chromium-156-datachannel-answer.sdp", "chromium-156-datachannel-offer.sdp",
                "chromium-156-recvonly-answer.sdp", "chromium-156-recvonly-offer.sdp",
                "chromium-156-simulcast-answer.sdp", "chromium-156-simulcast-offer.sdp",
                "aiortc-1.4-datachannel-offer.sdp", "firefox-datachannel-offer.sdp");
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void formatOfParseIsByteExact(String name) throws Exception {
        String text = Fixtures.text(name);
        assertThat(text).contains("\r\n");
        SessionDescription sdp = SessionDescription.parse(text);
        assertThat(sdp.format()).isEqualTo(text);
        assertThat(SessionDescription.parse(text.getBytes(StandardCharsets.UTF_8)).toBytes())
                .isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void lfOnlyInputIsWrittenBackWithCrlf(String name) throws Exception {
        String text = Fixtures.text(name);
        SessionDescription sdp = SessionDescription.parse(text.replace("\r\n", "\n"));
        assertThat(sdp.format()).isEqualTo(text);
        assertThat(sdp).isEqualTo(SessionDescription.parse(text));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void rebuildingFromBuilderKeepsEveryLine(String name) throws Exception {
        SessionDescription sdp = Fixtures.parse(name);
        SessionDescription.Builder b = sdp.toBuilder().clearMedia();
        for (MediaDescription m : sdp.media()) {
            b.media(m.toBuilder().build());
        }
        assertThat(b.build().format()).isEqualTo(sdp.format());
    }

    @Test
    void missingFinalLineTerminatorIsAccepted() throws Exception {
        String text = Fixtures.text("chromium-156-datachannel-offer.sdp");
        String trimmed = text.substring(0, text.length() - 2);
        assertThat(SessionDescription.parse(trimmed).format()).isEqualTo(text);
    }

    @Test
    void unknownLinesAndAttributesArePreservedInOrder() throws Exception {
        SessionDescription sdp = Fixtures.parse("rfc8866-all-line-types.sdp");
        assertThat(sdp.attributes("x-unknown-session-attribute"))
                .containsExactly(Attribute.of("x-unknown-session-attribute", "keep me  exactly"));
        MediaDescription last = sdp.media().get(2);
        List<SdpLine> tail = last.lines().subList(last.lines().size() - 3, last.lines().size());
        assertThat(tail).containsExactly(new SdpLine('y', "unknown line type kept verbatim"),
                new SdpLine('a', "x-custom"), new SdpLine('a', "x-custom:"));
        assertThat(last.attribute("x-custom").orElseThrow().isFlag()).isTrue();
        assertThat(last.attributes("x-custom").get(1).value()).isEmpty();
    }
}
