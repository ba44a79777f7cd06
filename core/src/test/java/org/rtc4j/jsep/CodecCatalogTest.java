package org.rtc4j.jsep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.sdp.Codec;
import org.rtc4j.sdp.MediaDescription;
import org.rtc4j.sdp.SessionDescription;

class CodecCatalogTest {

    @Test
    void acceptsWhatItCanCarryOfChromiumsVideoInTheOffersOrder() throws Exception {
        SessionDescription offer = DescriptionsTest.load("chromium-156-audio-video-data-offer.sdp");
        MediaDescription video = offer.media().get(1);
        List<MediaCodec> accepted = CodecCatalog.accept("video", video.codecs());
        assertThat(accepted).extracting(MediaCodec::payloadType)
                .containsExactly(96, 102, 104, 108, 114, 116, 39, 45, 98, 100);
        assertThat(accepted).extracting(MediaCodec::name).doesNotContain("red", "ulpfec", "rtx");
        // RTX stays with the codec it repairs; feedback is cut to what rtc4j acts on
        MediaCodec vp8 = accepted.get(0);
        assertThat(vp8.rtxPayloadType()).isEqualTo(97);
        assertThat(vp8.hasFeedback("nack", "pli")).isTrue();
        assertThat(vp8.hasFeedback("ccm", "fir")).isTrue();
        assertThat(vp8.hasFeedback("transport-cc", null)).isFalse();
        assertThat(vp8.hasFeedback("goog-remb", null)).isFalse();
        // the offer's fmtp is kept: it says what the offerer sends and takes
        assertThat(accepted.get(1).parameter("profile-level-id")).isEqualTo("42001f");
    }

    @Test
    void acceptsOpusAndG711AndKeepsDtmfAtAClockRateItHas() throws Exception {
        SessionDescription offer = DescriptionsTest.load("chromium-156-audio-video-data-offer.sdp");
        List<MediaCodec> accepted = CodecCatalog.accept("audio", offer.media().get(0).codecs());
        assertThat(accepted).extracting(MediaCodec::name)
                .containsExactly("opus", "G722", "PCMU", "PCMA", "telephone-event", "telephone-event");
        assertThat(accepted.get(0).parameter("useinbandfec")).isEqualTo("1");
        // telephone-event without a codec of its clock rate is not kept
        List<MediaCodec> onlyOpus = CodecCatalog.accept("audio", List.of(
                new Codec(111, "opus", 48000, 2, List.of(), List.of()),
                new Codec(101, "telephone-event", 8000, 1, List.of(), List.of())));
        assertThat(onlyOpus).extracting(MediaCodec::name).containsExactly("opus");
    }

    @Test
    void h264ProfileMustMatchAndModeMustBeZeroOrOne() {
        assertThat(H264Profile.of("42e01f")).isEqualTo(H264Profile.CONSTRAINED_BASELINE);
        assertThat(H264Profile.of("4d801f")).isEqualTo(H264Profile.CONSTRAINED_BASELINE);
        assertThat(H264Profile.of("42001f")).isEqualTo(H264Profile.BASELINE);
        assertThat(H264Profile.of("4d001f")).isEqualTo(H264Profile.MAIN);
        assertThat(H264Profile.of("640c1f")).isEqualTo(H264Profile.CONSTRAINED_HIGH);
        assertThat(H264Profile.of("64001f")).isEqualTo(H264Profile.HIGH);
        assertThat(H264Profile.of("f4001f")).isEqualTo(H264Profile.UNSUPPORTED);
        assertThat(H264Profile.of("zz")).isEqualTo(H264Profile.UNSUPPORTED);
        assertThat(H264Profile.of(null)).isEqualTo(H264Profile.BASELINE);
        Codec mode2 = new Codec(100, "H264", 90000, 1, List.of(new org.rtc4j.sdp.Parameter("packetization-mode", "2")),
                List.of());
        assertThat(CodecCatalog.accept("video", List.of(mode2))).isEmpty();
        MediaCodec cb31 = CodecCatalog.offered("video").get(2);
        // level differs (3.1 vs 5.1): still the same format; profile differs: not
        assertThat(CodecCatalog.sameH264Format("packetization-mode=1;profile-level-id=42e033", cb31)).isTrue();
        assertThat(CodecCatalog.sameH264Format("packetization-mode=1;profile-level-id=4d001f", cb31)).isFalse();
        assertThat(CodecCatalog.sameH264Format("packetization-mode=0;profile-level-id=42e01f", cb31)).isFalse();
    }

    @Test
    void nothingInCommonIsAnEmptyList() {
        assertThat(CodecCatalog.accept("video", List.of(new Codec(100, "H265", 90000, 1, List.of(), List.of()))))
                .isEmpty();
        assertThat(CodecCatalog.accept("audio", List.of(new Codec(98, "iLBC", 8000, 1, List.of(), List.of()))))
                .isEmpty();
    }
}
