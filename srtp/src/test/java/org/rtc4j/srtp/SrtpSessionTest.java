package org.rtc4j.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Round trips between two rtc4j sessions, and every way a received packet can be refused. */
class SrtpSessionTest {
    private static final int SSRC = 0x01020304;

    /** A sender and a receiver keyed from the same DTLS-SRTP keying material. */
    static SrtpSession[] pair(SrtpProfile profile, long seed, SrtpConfig config) {
        byte[] material = new byte[profile.keyingMaterialLength()];
        new Random(seed).nextBytes(material);
        return new SrtpSession[] {
            SrtpSession.fromDtlsKeyingMaterial(profile, material, true, null, config),
            SrtpSession.fromDtlsKeyingMaterial(profile, material, false, new byte[0], config)};
    }

    static SrtpSession[] pair(SrtpProfile profile) {
        return pair(profile, 1, SrtpConfig.DEFAULT);
    }

    static byte[] rtp(int seq, int ssrc, int payload) {
        byte[] b = new byte[12 + payload];
        for (int i = 12; i < b.length; i++) {
            b[i] = (byte) (i * 7 + seq);
        }
        b[0] = (byte) 0x80;
        b[1] = 96;
        b[2] = (byte) (seq >>> 8);
        b[3] = (byte) seq;
        PacketCrypto.putInt(b, 8, ssrc);
        return b;
    }

    static byte[] protect(SrtpSession s, byte[] plain) {
        byte[] b = Arrays.copyOf(plain, plain.length + s.profile().srtpOverhead());
        s.protectRtp(b, 0, plain.length);
        return b;
    }

    static byte[] protectRtcp(SrtpSession s, byte[] plain) {
        byte[] b = Arrays.copyOf(plain, plain.length + s.profile().srtcpOverhead());
        s.protectRtcp(b, 0, plain.length);
        return b;
    }

    static byte[] rtcp(int ssrc) {
        byte[] b = new byte[28];
        b[0] = (byte) 0x80;
        b[1] = (byte) 201;
        b[3] = 6;
        PacketCrypto.putInt(b, 4, ssrc);
        Arrays.fill(b, 8, 28, (byte) 0x5a);
        return b;
    }

    static SrtpStatus unprotect(SrtpSession s, byte[] sealed) {
        return s.unprotectRtp(sealed.clone(), 0, sealed.length);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void roundTripsAcrossManyRolloversWithReordering(SrtpProfile profile) {
        SrtpSession[] p = pair(profile);
        Random r = new Random(3);
        int seq = 65000;
        byte[][] window = new byte[4][];
        byte[][] plain = new byte[4][];
        for (int i = 0; i < 3 * 65536 / 64; i++) {
            // send 4, deliver in the order 1 0 3 2; jump 64 sequence numbers between groups
            for (int k = 0; k < 4; k++) {
                plain[k] = rtp((seq + k) & 0xffff, SSRC, 1 + r.nextInt(100));
                window[k] = protect(p[0], plain[k]);
            }
            for (int k : new int[] {1, 0, 3, 2}) {
                byte[] b = window[k];
                assertThat(p[1].unprotectRtp(b, 0, b.length)).isEqualTo(SrtpStatus.OK);
                assertThat(Arrays.copyOf(b, plain[k].length)).isEqualTo(plain[k]);
            }
            seq += 64;
        }
        assertThat(p[1].counters().rtpDropped()).isZero();
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void replayedTamperedTruncatedAndForeignPacketsAreRefusedAndCounted(SrtpProfile profile) {
        SrtpSession[] p = pair(profile);
        byte[] sealed = protect(p[0], rtp(1000, SSRC, 160));
        byte[] original = sealed.clone();

        // tampered: every single bit flip outside the fixed header fields we parse fails auth
        int authFailures = 0;
        for (int i = 12; i < sealed.length; i++) {
            byte[] t = sealed.clone();
            t[i] ^= 0x10;
            byte[] before = t.clone();
            assertThat(p[1].unprotectRtp(t, 0, t.length)).isEqualTo(SrtpStatus.AUTH_FAILED);
            assertThat(t).as("a refused packet is left as received").isEqualTo(before);
            authFailures++;
        }
        for (int i : new int[] {1, 4, 5, 6, 7}) { // payload type, timestamp
            byte[] t = sealed.clone();
            t[i] ^= 1;
            assertThat(unprotect(p[1], t)).isEqualTo(SrtpStatus.AUTH_FAILED);
            authFailures++;
        }
        // foreign key
        SrtpSession[] other = pair(profile, 99, SrtpConfig.DEFAULT);
        assertThat(unprotect(other[1], sealed)).isEqualTo(SrtpStatus.AUTH_FAILED);
        // truncated
        for (int len = 0; len < sealed.length; len++) {
            SrtpStatus s = p[1].unprotectRtp(sealed.clone(), 0, len);
            assertThat(s).isIn(SrtpStatus.TOO_SHORT, SrtpStatus.AUTH_FAILED, SrtpStatus.MALFORMED);
        }
        // the failures changed neither the packet nor the state: the real one still passes once
        assertThat(sealed).isEqualTo(original);
        byte[] b = sealed.clone();
        assertThat(p[1].unprotectRtp(b, 0, b.length)).isEqualTo(SrtpStatus.OK);
        assertThat(unprotect(p[1], sealed)).isEqualTo(SrtpStatus.REPLAYED);

        SrtpCounters c = p[1].counters();
        assertThat(c.rtpUnprotected(SrtpStatus.OK)).isEqualTo(1);
        assertThat(c.rtpUnprotected(SrtpStatus.REPLAYED)).isEqualTo(1);
        assertThat(c.rtpUnprotected(SrtpStatus.AUTH_FAILED)).isGreaterThanOrEqualTo(authFailures);
        assertThat(c.rtpUnprotected(SrtpStatus.TOO_SHORT)).isEqualTo(12 + profile.srtpTagLength());
        assertThat(p[1].remoteRtpStreams()).isEqualTo(1);
        assertThat(other[1].remoteRtpStreams()).isZero();
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void srtcpRefusesReplayTamperTruncationAndForeignKey(SrtpProfile profile) {
        SrtpSession[] p = pair(profile);
        byte[] first = protectRtcp(p[0], rtcp(SSRC));
        byte[] second = protectRtcp(p[0], rtcp(SSRC));
        assertThat(p[1].unprotectRtcp(second.clone(), 0, second.length)).isEqualTo(SrtpStatus.OK);
        byte[] b = first.clone();
        assertThat(p[1].unprotectRtcp(b, 0, b.length)).isEqualTo(SrtpStatus.OK);
        assertThat(Arrays.copyOf(b, 28)).isEqualTo(rtcp(SSRC));
        assertThat(p[1].unprotectRtcp(first.clone(), 0, first.length)).isEqualTo(SrtpStatus.REPLAYED);

        byte[] third = protectRtcp(p[0], rtcp(SSRC));
        for (int i = 0; i < third.length; i++) {
            byte[] t = third.clone();
            t[i] ^= 0x01;
            byte[] before = t.clone();
            assertThat(p[1].unprotectRtcp(t, 0, t.length)).as("byte %d", i)
                    .isIn(SrtpStatus.AUTH_FAILED, SrtpStatus.REPLAYED, SrtpStatus.MALFORMED);
            assertThat(t).isEqualTo(before);
        }
        for (int len = 0; len < third.length; len++) {
            assertThat(p[1].unprotectRtcp(third.clone(), 0, len))
                    .isIn(SrtpStatus.TOO_SHORT, SrtpStatus.AUTH_FAILED, SrtpStatus.REPLAYED);
        }
        SrtpSession[] other = pair(profile, 42, SrtpConfig.DEFAULT);
        assertThat(other[1].unprotectRtcp(third.clone(), 0, third.length)).isEqualTo(SrtpStatus.AUTH_FAILED);
        assertThat(p[1].unprotectRtcp(third.clone(), 0, third.length)).isEqualTo(SrtpStatus.OK);
        assertThat(p[1].counters().rtcpUnprotected(SrtpStatus.OK)).isEqualTo(3);
        assertThat(p[1].counters().rtcpUnprotected(SrtpStatus.REPLAYED)).isGreaterThanOrEqualTo(1);
        assertThat(p[1].counters().rtcpDropped()).isGreaterThan(third.length);
    }

    @Test
    void replayWindowDefaultIs128AndConfigurable() {
        SrtpProfile profile = SrtpProfile.AES_CM_128_HMAC_SHA1_80;
        for (int window : new int[] {128, 512}) {
            SrtpSession[] p = pair(profile, 5, SrtpConfig.DEFAULT.withSrtpReplayWindow(window));
            byte[] old = protect(p[0], rtp(10, SSRC, 20));
            byte[] edge = protect(p[0], rtp(10 + 1, SSRC, 20));
            byte[] newest = protect(p[0], rtp(10 + window, SSRC, 20));
            assertThat(unprotect(p[1], newest)).isEqualTo(SrtpStatus.OK);
            assertThat(unprotect(p[1], old)).isEqualTo(SrtpStatus.TOO_OLD);
            assertThat(unprotect(p[1], edge)).isEqualTo(SrtpStatus.OK);
            assertThat(unprotect(p[1], edge)).isEqualTo(SrtpStatus.REPLAYED);
        }
        assertThat(SrtpConfig.DEFAULT.srtpReplayWindow()).isEqualTo(128);
        assertThat(SrtpConfig.DEFAULT.srtcpReplayWindow()).isEqualTo(128);
    }

    @Test
    void remoteSsrcsAreBoundedAndOnlyCreatedForAuthenticPackets() {
        SrtpSession[] p = pair(SrtpProfile.AES_CM_128_HMAC_SHA1_80, 7, SrtpConfig.DEFAULT.withMaxRemoteSsrcs(3));
        Random r = new Random(1);
        for (int i = 0; i < 1000; i++) { // forged packets with random SSRCs make no contexts
            byte[] junk = rtp(i, r.nextInt(), 100);
            byte[] b = Arrays.copyOf(junk, junk.length + 10);
            r.nextBytes(Arrays.copyOfRange(b, 12, b.length));
            assertThat(unprotect(p[1], b)).isEqualTo(SrtpStatus.AUTH_FAILED);
        }
        assertThat(p[1].remoteRtpStreams()).isZero();
        for (int ssrc = 1; ssrc <= 3; ssrc++) {
            assertThat(unprotect(p[1], protect(p[0], rtp(1, ssrc, 10)))).isEqualTo(SrtpStatus.OK);
        }
        assertThat(unprotect(p[1], protect(p[0], rtp(1, 4, 10)))).isEqualTo(SrtpStatus.SSRC_LIMIT);
        assertThat(unprotect(p[1], protect(p[0], rtp(2, 3, 10)))).isEqualTo(SrtpStatus.OK);
        assertThat(p[1].counters().rtpUnprotected(SrtpStatus.SSRC_LIMIT)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void byteBuffersHeapSliceAndDirect(SrtpProfile profile) {
        SrtpSession[] p = pair(profile);
        byte[] plain = rtp(5, SSRC, 200);
        int seq = 5;
        for (ByteBuffer buf : new ByteBuffer[] {
            ByteBuffer.allocate(512), ByteBuffer.allocateDirect(512), ByteBuffer.allocate(600).position(37).slice()}) {
            plain = rtp(seq++, SSRC, 200);
            buf.clear().position(20);
            buf.put(plain).flip().position(20);
            int n = p[0].protectRtp(buf);
            assertThat(n).isEqualTo(plain.length + profile.srtpOverhead());
            assertThat(buf.position()).isEqualTo(20);
            assertThat(buf.remaining()).isEqualTo(n);
            assertThat(p[1].unprotectRtp(buf)).isEqualTo(SrtpStatus.OK);
            byte[] out = new byte[buf.remaining()];
            buf.get(out);
            assertThat(out).isEqualTo(plain);

            byte[] rtcp = rtcp(SSRC);
            buf.clear().position(3);
            buf.put(rtcp).flip().position(3);
            assertThat(p[0].protectRtcp(buf)).isEqualTo(rtcp.length + profile.srtcpOverhead());
            assertThat(p[1].unprotectRtcp(buf)).isEqualTo(SrtpStatus.OK);
            out = new byte[buf.remaining()];
            buf.get(out);
            assertThat(out).isEqualTo(rtcp);
        }
    }

    @Test
    void setupErrorsAreClean() {
        SrtpProfile profile = SrtpProfile.AES_CM_128_HMAC_SHA1_80;
        byte[] material = new byte[profile.keyingMaterialLength()];
        assertThatThrownBy(() -> SrtpSession.fromDtlsKeyingMaterial(profile, material, true, new byte[] {1},
                SrtpConfig.DEFAULT)).isInstanceOf(SrtpException.class).hasMessageContaining("MKI");
        assertThatThrownBy(() -> SrtpSession.fromDtlsKeyingMaterial(profile, new byte[10], true))
                .isInstanceOf(SrtpException.class).hasMessageContaining("60 bytes");
        assertThatThrownBy(() -> SrtpSession.create(profile, new byte[16], new byte[12], new byte[16], new byte[14]))
                .isInstanceOf(SrtpException.class).hasMessageContaining("salt");
        assertThatThrownBy(() -> SrtpProfile.fromId(5)).isInstanceOf(SrtpException.class);
        assertThat(SrtpProfile.fromId(7)).isEqualTo(SrtpProfile.AEAD_AES_128_GCM);
        assertThat(SrtpProfile.fromId(8).keyingMaterialLength()).isEqualTo(88);
        SrtpSession s = pair(profile)[0];
        byte[] noRoom = rtp(1, SSRC, 10);
        assertThatThrownBy(() -> s.protectRtp(noRoom, 0, noRoom.length)).isInstanceOf(SrtpException.class);
        assertThatThrownBy(() -> s.protectRtp(new byte[40], 0, 30)).isInstanceOf(SrtpException.class);
    }

    @Test
    void dtlsClientAndServerUseOppositeHalves() {
        SrtpProfile profile = SrtpProfile.AEAD_AES_256_GCM;
        SrtpSession[] p = pair(profile);
        byte[] fromClient = protect(p[0], rtp(1, SSRC, 50));
        byte[] fromServer = protect(p[1], rtp(1, SSRC, 50));
        assertThat(unprotect(p[1], fromClient)).isEqualTo(SrtpStatus.OK);
        assertThat(unprotect(p[0], fromServer)).isEqualTo(SrtpStatus.OK);
        // a session never accepts its own packets: the two directions have different keys
        assertThat(unprotect(p[0], protect(p[0], rtp(2, SSRC, 50)))).isEqualTo(SrtpStatus.AUTH_FAILED);
    }
}
