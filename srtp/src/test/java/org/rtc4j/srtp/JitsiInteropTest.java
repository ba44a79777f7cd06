package org.rtc4j.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.srtp.SrtpPolicy;
import org.jitsi.utils.logging2.LoggerImpl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * rtc4j against an independent implementation, jitsi-srtp: each side unprotects what the other
 * protected, for every profile, several SSRCs, across the 65535 to 0 rollover and out of order.
 */
class JitsiInteropTest {
    private static final int[] SSRCS = {0x11111111, 0xcafebabe, 0x00000001};
    /** Sequence numbers start here, so every stream rolls over after a few packets. */
    private static final int FIRST_SEQ = 65520;
    private static final int PACKETS = 40;

    static SrtpPolicy[] jitsiPolicies(SrtpProfile p) {
        if (p.isAead()) {
            return new SrtpPolicy[] {
                new SrtpPolicy(SrtpPolicy.AESGCM_ENCRYPTION, p.keyLength(), SrtpPolicy.NULL_AUTHENTICATION, 0, 16, 12),
                new SrtpPolicy(SrtpPolicy.AESGCM_ENCRYPTION, p.keyLength(), SrtpPolicy.NULL_AUTHENTICATION, 0, 16, 12)};
        }
        return new SrtpPolicy[] {
            new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, 16, SrtpPolicy.HMACSHA1_AUTHENTICATION, 20,
                    p.srtpTagLength(), 14),
            new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, 16, SrtpPolicy.HMACSHA1_AUTHENTICATION, 20,
                    p.srtcpTagLength(), 14)};
    }

    static SrtpContextFactory jitsi(boolean sender, byte[] key, byte[] salt, SrtpProfile p) {
        SrtpPolicy[] policies = jitsiPolicies(p);
        return new SrtpContextFactory(sender, key, salt, policies[0], policies[1], new LoggerImpl("jitsi-srtp"));
    }

    private static byte[] random(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    static byte[] rtp(Random r, int seq, int ssrc, boolean withExtension) {
        int payload = 1 + r.nextInt(1200);
        int hdr = 12 + (withExtension ? 8 : 0) + 4;
        byte[] b = new byte[hdr + payload];
        r.nextBytes(b);
        b[0] = (byte) (0x80 | (withExtension ? 0x10 : 0) | 1); // one CSRC
        b[1] = (byte) 111;
        b[2] = (byte) (seq >>> 8);
        b[3] = (byte) seq;
        PacketCrypto.putInt(b, 8, ssrc);
        if (withExtension) {
            b[16] = (byte) 0xbe;
            b[17] = (byte) 0xde;
            b[18] = 0;
            b[19] = 1;
        }
        return b;
    }

    static byte[] rtcp(Random r, int ssrc) {
        int words = 1 + r.nextInt(60);
        byte[] b = random(r, 8 + 4 * words);
        b[0] = (byte) 0x80;
        b[1] = (byte) 200;
        b[2] = (byte) ((words + 1) >>> 8);
        b[3] = (byte) (words + 1);
        PacketCrypto.putInt(b, 4, ssrc);
        return b;
    }

    /** A delivery order with local reordering: swaps and short jumps back within the window. */
    static List<Integer> shuffledOrder(Random r, int n) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        for (int i = 0; i + 1 < n; i += 2 + r.nextInt(3)) {
            int j = Math.min(n - 1, i + 1 + r.nextInt(3));
            Integer t = order.get(i);
            order.set(i, order.get(j));
            order.set(j, t);
        }
        return order;
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtc4jProtectsJitsiUnprotects(SrtpProfile profile) throws Exception {
        Random r = new Random(profile.ordinal());
        byte[] key = random(r, profile.keyLength());
        byte[] salt = random(r, profile.saltLength());
        SrtpSession ours = SrtpSession.create(profile, key, salt,
                random(r, profile.keyLength()), random(r, profile.saltLength()));
        SrtpContextFactory theirs = jitsi(false, key, salt, profile);

        for (int ssrc : SSRCS) {
            List<byte[]> plain = new ArrayList<>();
            List<byte[]> sealed = new ArrayList<>();
            for (int i = 0; i < PACKETS; i++) {
                byte[] p = rtp(r, (FIRST_SEQ + i) & 0xffff, ssrc, i % 3 == 0);
                byte[] b = Arrays.copyOf(p, p.length + profile.srtpOverhead());
                assertThat(ours.protectRtp(b, 0, p.length)).isEqualTo(b.length);
                plain.add(p);
                sealed.add(b);
            }
            SrtpCryptoContext ctx = theirs.deriveContext(ssrc, 0);
            for (int i : shuffledOrder(r, PACKETS)) {
                JitsiBuffer buf = new JitsiBuffer(sealed.get(i), 10, 0);
                assertThat(ctx.reverseTransformPacket(buf, false)).as("packet %d", i).isEqualTo(SrtpErrorStatus.OK);
                assertThat(buf.bytes()).as("packet %d", i).isEqualTo(plain.get(i));
            }

            List<byte[]> plainRtcp = new ArrayList<>();
            List<byte[]> sealedRtcp = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                byte[] p = rtcp(r, ssrc);
                byte[] b = Arrays.copyOf(p, p.length + profile.srtcpOverhead());
                assertThat(ours.protectRtcp(b, 0, p.length)).isEqualTo(b.length);
                plainRtcp.add(p);
                sealedRtcp.add(b);
            }
            SrtcpCryptoContext rtcpCtx = theirs.deriveControlContext(ssrc);
            for (int i : shuffledOrder(r, 10)) {
                JitsiBuffer buf = new JitsiBuffer(sealedRtcp.get(i), 0, 0);
                assertThat(rtcpCtx.reverseTransformPacket(buf)).as("rtcp %d", i).isEqualTo(SrtpErrorStatus.OK);
                assertThat(buf.bytes()).isEqualTo(plainRtcp.get(i));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void jitsiProtectsRtc4jUnprotects(SrtpProfile profile) throws Exception {
        Random r = new Random(100 + profile.ordinal());
        byte[] key = random(r, profile.keyLength());
        byte[] salt = random(r, profile.saltLength());
        SrtpSession ours = SrtpSession.create(profile, random(r, profile.keyLength()),
                random(r, profile.saltLength()), key, salt);
        SrtpContextFactory theirs = jitsi(true, key, salt, profile);

        Map<Integer, SrtpCryptoContext> contexts = new HashMap<>();
        for (int ssrc : SSRCS) {
            contexts.put(ssrc, theirs.deriveContext(ssrc, 0));
        }
        for (int ssrc : SSRCS) {
            SrtpCryptoContext ctx = contexts.get(ssrc);
            List<byte[]> plain = new ArrayList<>();
            List<byte[]> sealed = new ArrayList<>();
            for (int i = 0; i < PACKETS; i++) {
                byte[] p = rtp(r, (FIRST_SEQ + i) & 0xffff, ssrc, i % 4 == 1);
                JitsiBuffer buf = new JitsiBuffer(p, 0, 16);
                assertThat(ctx.transformPacket(buf)).isEqualTo(SrtpErrorStatus.OK);
                plain.add(p);
                sealed.add(buf.bytes());
            }
            for (int i : shuffledOrder(r, PACKETS)) {
                byte[] b = sealed.get(i).clone();
                assertThat(ours.unprotectRtp(b, 0, b.length)).as("packet %d", i).isEqualTo(SrtpStatus.OK);
                assertThat(Arrays.copyOf(b, b.length - profile.srtpOverhead())).isEqualTo(plain.get(i));
            }
            // the same packets again are replays
            byte[] again = sealed.get(PACKETS - 1).clone();
            assertThat(ours.unprotectRtp(again, 0, again.length)).isEqualTo(SrtpStatus.REPLAYED);

            SrtcpCryptoContext rtcpCtx = theirs.deriveControlContext(ssrc);
            List<byte[]> plainRtcp = new ArrayList<>();
            List<byte[]> sealedRtcp = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                byte[] p = rtcp(r, ssrc);
                JitsiBuffer buf = new JitsiBuffer(p, 0, 20);
                assertThat(rtcpCtx.transformPacket(buf)).isEqualTo(SrtpErrorStatus.OK);
                plainRtcp.add(p);
                sealedRtcp.add(buf.bytes());
            }
            for (int i : shuffledOrder(r, 10)) {
                byte[] b = sealedRtcp.get(i).clone();
                assertThat(ours.unprotectRtcp(b, 0, b.length)).as("rtcp %d", i).isEqualTo(SrtpStatus.OK);
                assertThat(Arrays.copyOf(b, b.length - profile.srtcpOverhead())).isEqualTo(plainRtcp.get(i));
            }
        }
        assertThat(ours.counters().rtpUnprotected(SrtpStatus.OK)).isEqualTo(SSRCS.length * PACKETS);
        assertThat(ours.counters().rtcpUnprotected(SrtpStatus.OK)).isEqualTo(SSRCS.length * 10);
        assertThat(ours.remoteRtpStreams()).isEqualTo(SSRCS.length);
    }
}
