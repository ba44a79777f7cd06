package org.rtc4j.rtp.ext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.rtc4j.rtp.RtpHeader;
import org.rtc4j.rtp.RtpPacket;
import org.rtc4j.rtp.RtpParseException;
import org.junit.jupiter.api.Test;

class HeaderExtensionsTest {
    @Test
    void registryMapsUrisAndIds() {
        HeaderExtensionRegistry r = new HeaderExtensionRegistry()
                .register(1, ExtensionUris.MID).register(3, ExtensionUris.TRANSPORT_WIDE_CC)
                .register(20, ExtensionUris.ABS_CAPTURE_TIME);
        assertThat(r.idOf(ExtensionUris.MID)).isEqualTo(1);
        assertThat(r.uriOf(3)).isEqualTo(ExtensionUris.TRANSPORT_WIDE_CC);
        assertThat(r.idOf(ExtensionUris.RID)).isEqualTo(-1);
        assertThat(r.fitsOneByteForm()).isFalse();
        r.register(2, ExtensionUris.ABS_CAPTURE_TIME);
        assertThat(r.uriOf(20)).isNull();
        assertThat(r.fitsOneByteForm()).isTrue();
        r.register(2, ExtensionUris.RID);
        assertThat(r.idOf(ExtensionUris.ABS_CAPTURE_TIME)).isEqualTo(-1);
        assertThatThrownBy(() -> r.register(0, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyRegisteredExtensionRoundTripsThroughAPacket() {
        HeaderExtensionRegistry r = new HeaderExtensionRegistry()
                .register(1, ExtensionUris.MID).register(2, ExtensionUris.RID)
                .register(3, ExtensionUris.REPAIRED_RID).register(4, ExtensionUris.ABS_SEND_TIME)
                .register(5, ExtensionUris.TRANSPORT_WIDE_CC).register(6, ExtensionUris.SSRC_AUDIO_LEVEL)
                .register(7, ExtensionUris.VIDEO_ORIENTATION).register(8, ExtensionUris.PLAYOUT_DELAY)
                .register(9, ExtensionUris.ABS_CAPTURE_TIME);
        byte[] ast = new byte[3];
        AbsSendTime.write(AbsSendTime.fromMicros(1_500_000), ast, 0);
        byte[] tw = new byte[2];
        TransportSequenceNumber.write(0xBEEF, tw, 0);
        byte[] al = new byte[1];
        new AudioLevel(true, 42).write(al, 0);
        byte[] vo = new byte[1];
        new VideoOrientation(true, false, 270).write(vo, 0);
        byte[] pd = new byte[3];
        new PlayoutDelay(10, 4095).write(pd, 0);
        AbsCaptureTime act = new AbsCaptureTime(0x0102030405060708L, -5L << 32, true);
        byte[] ac = new byte[act.size()];
        act.write(ac, 0);
        RtpHeader h = new RtpHeader().payloadType(96)
                .addExtension(r.idOf(ExtensionUris.MID), SdesExtension.encode("0"))
                .addExtension(r.idOf(ExtensionUris.RID), SdesExtension.encode("hi"))
                .addExtension(r.idOf(ExtensionUris.REPAIRED_RID), SdesExtension.encode("lo"))
                .addExtension(4, ast).addExtension(5, tw).addExtension(6, al).addExtension(7, vo)
                .addExtension(8, pd).addExtension(9, ac);
        byte[] pkt = h.toPacket(new byte[] {1});
        RtpPacket p = new RtpPacket().wrap(pkt, 0, pkt.length);
        assertThat(p.extensionProfile()).isEqualTo(RtpPacket.PROFILE_ONE_BYTE);
        assertThat(SdesExtension.read(pkt, p.extensionOffset(1), p.extensionLength(1))).isEqualTo("0");
        assertThat(SdesExtension.read(pkt, p.extensionOffset(2), p.extensionLength(2))).isEqualTo("hi");
        assertThat(SdesExtension.read(pkt, p.extensionOffset(3), p.extensionLength(3))).isEqualTo("lo");
        assertThat(AbsSendTime.toMicros(AbsSendTime.read(pkt, p.extensionOffset(4), p.extensionLength(4))))
                .isBetween(1_499_990L, 1_500_000L);
        assertThat(TransportSequenceNumber.read(pkt, p.extensionOffset(5), p.extensionLength(5))).isEqualTo(0xBEEF);
        assertThat(AudioLevel.read(pkt, p.extensionOffset(6), 1)).isEqualTo(new AudioLevel(true, 42));
        assertThat(VideoOrientation.read(pkt, p.extensionOffset(7), 1)).isEqualTo(new VideoOrientation(true, false, 270));
        assertThat(PlayoutDelay.read(pkt, p.extensionOffset(8), 3)).isEqualTo(new PlayoutDelay(10, 4095));
        assertThat(AbsCaptureTime.read(pkt, p.extensionOffset(9), p.extensionLength(9))).isEqualTo(act);
        AbsCaptureTime shortForm = new AbsCaptureTime(77, 0, false);
        byte[] s = new byte[8];
        shortForm.write(s, 0);
        assertThat(AbsCaptureTime.read(s, 0, 8)).isEqualTo(shortForm);
    }

    @Test
    void abs_send_time_matches_webrtc_6_18_fixed_point() {
        // 1 second is 1 << 18 in 6.18 fixed point
        assertThat(AbsSendTime.fromMicros(1_000_000)).isEqualTo(1 << 18);
        assertThat(AbsSendTime.fromMicros(64_000_000)).isZero(); // wraps every 64 s
        // a clock past 2^45 us (407 days of uptime) or an epoch-based one: the same low bits,
        // where the fixed-point shift used to overflow
        long late = (1L << 45) + 1_500_000 + 64_000_000L * 1000;
        assertThat(AbsSendTime.fromMicros(late)).isEqualTo(AbsSendTime.fromMicros(Math.floorMod(late, 64_000_000L)));
        long epoch = 1_764_800_000_000_000L + 250_000; // December 2025 in us since 1970
        assertThat(AbsSendTime.fromMicros(epoch)).isEqualTo(AbsSendTime.fromMicros(epoch % 64_000_000L));
        assertThat(AbsSendTime.fromMicros(Long.MAX_VALUE)).isBetween(0, 0xFFFFFF);
        assertThat(AbsSendTime.fromMicros(-1_000_000)).isEqualTo(AbsSendTime.fromMicros(63_000_000));
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < 10_000; i++) {
            long us = rnd.nextLong() >>> 20; // below 2^44: the old formula's domain
            assertThat(AbsSendTime.fromMicros(us)).isEqualTo((int) (((us << 18) / 1_000_000L) & 0xFFFFFF));
        }
    }

    @Test
    void malformedValuesRaiseTheDeclaredError() {
        byte[] b = new byte[20];
        assertThatThrownBy(() -> AbsSendTime.read(b, 0, 2)).isInstanceOf(RtpParseException.class);
        assertThatThrownBy(() -> AbsCaptureTime.read(b, 0, 9)).isInstanceOf(RtpParseException.class);
        assertThatThrownBy(() -> PlayoutDelay.read(b, 0, 1)).isInstanceOf(RtpParseException.class);
        assertThatThrownBy(() -> SdesExtension.read(b, 0, 0)).isInstanceOf(RtpParseException.class);
        assertThatThrownBy(() -> SdesExtension.read(new byte[] {'a', 1}, 0, 2)).isInstanceOf(RtpParseException.class);
        assertThat(SdesExtension.read(new byte[] {'a', 0}, 0, 2)).isEqualTo("a");
    }
}
