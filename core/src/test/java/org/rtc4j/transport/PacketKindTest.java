package org.rtc4j.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacketKindTest {

    @Test
    void firstByteRangesOfRfc7983() {
        for (int b = 0; b < 256; b++) {
            PacketKind k = PacketKind.classify((byte) b, (byte) 96, 12);
            PacketKind want = b <= 3 ? PacketKind.STUN
                    : b >= 16 && b <= 19 ? PacketKind.ZRTP
                    : b >= 20 && b <= 63 ? PacketKind.DTLS
                    : b >= 64 && b <= 79 ? PacketKind.TURN_CHANNEL
                    : b >= 128 && b <= 191 ? PacketKind.RTP
                    : PacketKind.UNKNOWN;
            assertThat(k).as("first byte %d", b).isEqualTo(want);
        }
    }

    @Test
    void rtcpIsToldFromRtpByPayloadType() {
        assertThat(PacketKind.classify((byte) 0x80, (byte) 200, 8)).isEqualTo(PacketKind.RTCP); // SR
        assertThat(PacketKind.classify((byte) 0x81, (byte) 205, 8)).isEqualTo(PacketKind.RTCP); // RTPFB
        assertThat(PacketKind.classify((byte) 0x80, (byte) 0xe0, 8)).isEqualTo(PacketKind.RTP);  // marker + PT 96
        assertThat(PacketKind.classify((byte) 0x80, (byte) 111, 8)).isEqualTo(PacketKind.RTP);
        assertThat(PacketKind.classify(new byte[] {(byte) 0x80}, 0, 1)).isEqualTo(PacketKind.UNKNOWN);
        assertThat(PacketKind.classify(new byte[0], 0, 0)).isEqualTo(PacketKind.UNKNOWN);
    }
}
