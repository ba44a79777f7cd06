package org.rtc4j.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.srtp.SrtpPolicy;
import org.jitsi.utils.logging2.LoggerImpl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** RFC 9335 cryptex: CSRCs and header extensions encrypted, checked against jitsi-srtp. */
class CryptexTest {
    private static final SrtpConfig CRYPTEX = SrtpConfig.DEFAULT.withCryptex(true);

    /** An RTP packet with {@code csrcs} CSRCs and an extension with the given profile word (or none). */
    static byte[] packet(Random r, int seq, int csrcs, int extensionProfile) {
        int extWords = 2;
        int hdr = 12 + 4 * csrcs + (extensionProfile >= 0 ? 4 + 4 * extWords : 0);
        byte[] b = new byte[hdr + 30 + r.nextInt(200)];
        r.nextBytes(b);
        b[0] = (byte) (0x80 | csrcs | (extensionProfile >= 0 ? 0x10 : 0));
        b[1] = 100;
        b[2] = (byte) (seq >>> 8);
        b[3] = (byte) seq;
        PacketCrypto.putInt(b, 8, 0x0badcafe);
        if (extensionProfile >= 0) {
            int at = 12 + 4 * csrcs;
            b[at] = (byte) (extensionProfile >>> 8);
            b[at + 1] = (byte) extensionProfile;
            b[at + 2] = 0;
            b[at + 3] = (byte) extWords;
        }
        return b;
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void roundTripEncryptsCsrcsAndExtensions(SrtpProfile profile) {
        SrtpSession[] p = SrtpSessionTest.pair(profile, 11, CRYPTEX);
        Random r = new Random(profile.ordinal());
        int seq = 1;
        for (int csrcs : new int[] {0, 1, 3}) {
            for (int ext : new int[] {0xbede, 0x1000}) {
                byte[] plain = packet(r, seq++, csrcs, ext);
                byte[] b = Arrays.copyOf(plain, plain.length + profile.srtpOverhead());
                assertThat(p[0].protectRtp(b, 0, plain.length)).isEqualTo(b.length);
                int at = 12 + 4 * csrcs;
                assertThat(b[at] & 0xff).isEqualTo(ext == 0xbede ? 0xc0 : 0xc2);
                assertThat(b[at + 1] & 0xff).isEqualTo(0xde);
                // CSRCs and extension data are no longer in the clear
                if (csrcs > 0) {
                    assertThat(Arrays.copyOfRange(b, 12, at)).isNotEqualTo(Arrays.copyOfRange(plain, 12, at));
                }
                assertThat(Arrays.copyOfRange(b, at + 4, at + 12)).isNotEqualTo(Arrays.copyOfRange(plain, at + 4, at + 12));
                assertThat(p[1].unprotectRtp(b, 0, b.length)).isEqualTo(SrtpStatus.OK);
                assertThat(Arrays.copyOf(b, plain.length)).isEqualTo(plain);
            }
        }
        // CSRCs without an extension: an empty cryptex extension is added
        byte[] plain = packet(r, seq++, 2, -1);
        byte[] b = Arrays.copyOf(plain, plain.length + profile.srtpOverhead() + 4);
        assertThat(p[0].protectRtp(b, 0, plain.length)).isEqualTo(b.length);
        assertThat(p[1].unprotectRtp(b, 0, b.length)).isEqualTo(SrtpStatus.OK);
        assertThat(b[0] & 0x10).isEqualTo(0x10);
        assertThat(Arrays.copyOfRange(b, 12, 20)).isEqualTo(Arrays.copyOfRange(plain, 12, 20));
        assertThat(Arrays.copyOfRange(b, 20, 24)).containsExactly(0xbe, 0xde, 0, 0);
        assertThat(Arrays.copyOfRange(b, 24, plain.length + 4)).isEqualTo(Arrays.copyOfRange(plain, 20, plain.length));
        // tampering with the (authenticated, unencrypted) extension header fails
        byte[] t = Arrays.copyOf(packet(r, seq, 1, 0xbede), 300);
        int n = p[0].protectRtp(t, 0, 12 + 4 + 12 + 30);
        t[19] ^= 1;
        byte[] before = t.clone();
        assertThat(p[1].unprotectRtp(t, 0, n)).isEqualTo(SrtpStatus.AUTH_FAILED);
        assertThat(t).isEqualTo(before);
    }

    static SrtpContextFactory jitsi(boolean sender, byte[] key, byte[] salt, SrtpProfile p) {
        SrtpPolicy[] policies = JitsiInteropTest.jitsiPolicies(p);
        policies[0].setCryptexEnabled(true);
        return new SrtpContextFactory(sender, key, salt, policies[0], policies[1], new LoggerImpl("jitsi-srtp"));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void interoperatesWithJitsiBothWays(SrtpProfile profile) throws Exception {
        Random r = new Random(50 + profile.ordinal());
        byte[] keyA = new byte[profile.keyLength()];
        byte[] saltA = new byte[profile.saltLength()];
        byte[] keyB = new byte[profile.keyLength()];
        byte[] saltB = new byte[profile.saltLength()];
        r.nextBytes(keyA);
        r.nextBytes(saltA);
        r.nextBytes(keyB);
        r.nextBytes(saltB);
        SrtpSession ours = SrtpSession.create(profile, keyA, saltA, keyB, saltB, CRYPTEX);
        SrtpCryptoContext jitsiIn = jitsi(false, keyA, saltA, profile).deriveContext(0x0badcafe, 0);
        SrtpCryptoContext jitsiOut = jitsi(true, keyB, saltB, profile).deriveContext(0x0badcafe, 0);
        int seq = 100;
        for (int csrcs : new int[] {0, 2, 15}) {
            for (int ext : new int[] {0xbede, 0x1000}) {
                byte[] plain = packet(r, seq, csrcs, ext);
                byte[] b = Arrays.copyOf(plain, plain.length + profile.srtpOverhead());
                ours.protectRtp(b, 0, plain.length);
                JitsiBuffer buf = new JitsiBuffer(b, 0, 0);
                assertThat(jitsiIn.reverseTransformPacket(buf, false)).isEqualTo(SrtpErrorStatus.OK);
                assertThat(buf.bytes()).isEqualTo(plain);

                JitsiBuffer out = new JitsiBuffer(plain, 0, 32);
                assertThat(jitsiOut.transformPacket(out)).isEqualTo(SrtpErrorStatus.OK);
                byte[] sealed = out.bytes();
                assertThat(sealed[12 + 4 * csrcs] & 0xff).isIn(0xc0, 0xc2);
                assertThat(ours.unprotectRtp(sealed, 0, sealed.length)).isEqualTo(SrtpStatus.OK);
                assertThat(Arrays.copyOf(sealed, plain.length)).isEqualTo(plain);
                seq++;
            }
        }
    }
}
