package org.rtc4j.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rtc4j.srtp.Hex.bytes;
import static org.rtc4j.srtp.Hex.hex;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Known-answer tests from RFC 3711 Appendix B and RFC 7714 sections 16 and 17. */
class RfcVectorsTest {
    private static final byte[] B3_KEY = bytes("E1F97A0D3E018BE0D64FA32C06DE4139");
    private static final byte[] B3_SALT = bytes("0EC675AD498AFEEBB6960B3AABE6");

    @Test
    void rfc3711B2AesCmKeystreamThroughTheProtectPath() {
        // B.2: session key and salt given directly, SSRC 0 and index 0, so encrypting zeros
        // yields the keystream itself.
        PacketCrypto c = SrtpSession.crypto(SrtpProfile.AES_CM_128_HMAC_SHA1_80,
                bytes("2B7E151628AED2A6ABF7158809CF4F3C"), bytes("F0F1F2F3F4F5F6F7F8F9FAFBFCFD"), new byte[20]);
        byte[] packet = new byte[12 + 48 + 10];
        packet[0] = (byte) 0x80;
        c.protectRtp(packet, 0, 60, 12, 0, 0, -1);
        assertThat(hex(packet, 12, 48)).isEqualToIgnoringCase(
                "E03EAD0935C95E80E166B16DD92B4EB4"
                + "D23513162B02D0F72A43A2FE4A5F97AB"
                + "41E95B3BB0A2E8DD477901E4FCA894C0");
    }

    @Test
    void rfc3711B2KeystreamAtBlockCountersFeffToFf01() {
        // B.2 also lists the blocks at counters 0xFEFF..0xFF01: check them via a long payload.
        PacketCrypto c = SrtpSession.crypto(SrtpProfile.AES_CM_128_HMAC_SHA1_80,
                bytes("2B7E151628AED2A6ABF7158809CF4F3C"), bytes("F0F1F2F3F4F5F6F7F8F9FAFBFCFD"), new byte[20]);
        int blocks = 0xFF02;
        byte[] packet = new byte[12 + blocks * 16 + 10];
        packet[0] = (byte) 0x80;
        c.protectRtp(packet, 0, 12 + blocks * 16, 12, 0, 0, -1);
        assertThat(hex(packet, 12 + 0xFEFF * 16, 48)).isEqualToIgnoringCase(
                "EC8CDF7398607CB0F2D21675EA9EA1E4"
                + "362B7C3C6773516318A077D7FC5073AE"
                + "6A2CC3787889374FBEB4C81B17BA6C44");
    }

    @Test
    void rfc3711B3KeyDerivation() {
        assertThat(SrtpKdf.derive(B3_KEY, B3_SALT, SrtpKdf.LABEL_RTP_ENCRYPTION, 16))
                .isEqualTo(bytes("C61E7A93744F39EE10734AFE3FF7A087"));
        assertThat(SrtpKdf.derive(B3_KEY, B3_SALT, SrtpKdf.LABEL_RTP_SALT, 14))
                .isEqualTo(bytes("30CBBC08863D8C85D49DB34A9AE1"));
        assertThat(SrtpKdf.derive(B3_KEY, B3_SALT, SrtpKdf.LABEL_RTP_AUTH, 20))
                .isEqualTo(bytes("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4"));
    }

    @Test
    void srtcpLabelsOfTheB3Master() {
        assertThat(SrtpKdf.derive(B3_KEY, B3_SALT, SrtpKdf.LABEL_RTCP_ENCRYPTION, 16))
                .isEqualTo(bytes("4c1aa45a81f73d61c800bbb00fbb1eaa"));
        assertThat(SrtpKdf.derive(B3_KEY, B3_SALT, SrtpKdf.LABEL_RTCP_AUTH, 20))
                .isEqualTo(bytes("8d54534feb49ae8e7993a6bd0b844fc323a93dfd"));
        assertThat(SrtpKdf.derive(B3_KEY, B3_SALT, SrtpKdf.LABEL_RTCP_SALT, 14))
                .isEqualTo(bytes("9581c7ad87b3e530bf3e4454a8b3"));
    }

    // ------------------------------------------------------------ RFC 7714

    private static final String KEY_128 = "000102030405060708090a0b0c0d0e0f";
    private static final String KEY_256 = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    private static final String SALT = "517569642070726f2071756f";
    private static final String RTP = "8040f17b8041f8d35501a0b2"
            + "47616c6c696120657374206f6d6e69732064697669736120696e207061727465732074726573";
    private static final String SRTP_128 = "8040f17b8041f8d35501a0b2"
            + "f24de3a3fb34de6cacba861c9d7e4bcabe633bd50d294e6f42a5f47a51c7d19b36de3adf8833"
            + "899d7f27beb16a9152cf765ee4390cce";
    private static final String SRTP_256 = "8040f17b8041f8d35501a0b2"
            + "32b1de78a822fe12ef9f78fa332e33aab18012389a58e2f3b50b2a0276ffae0f1ba63799b87b"
            + "7aa3db36dfffd6b0f9bb7878d7a76c13";
    private static final String RTCP = "81c8000d4d6172734e5450314e545032525450200000042a0000e930"
            + "4c756e61deadbeefdeadbeefdeadbeefdeadbeefdeadbeef";
    private static final String SRTCP_128 = "81c8000d4d617273"
            + "63e94885dcdab67ca727d7662f6b7e997ff5c0f76c06f32dc676a5f1730d6fda4ce09b4686303ded0bb9275bc84aa458"
            + "96cf4d2fc5abf87245d9eade" + "800005d4";
    private static final String SRTCP_256 = "81c8000d4d617273"
            + "d50ae4d1f5ce5d304ba297e47d470c282c3ece5dbffe0a50a2eaa5c1110555be8415f658c61de0476f1b6fad1d1eb30c"
            + "4446839f57ff6f6cb26ac3be" + "800005d4";
    private static final String SRTCP_128_TAG_ONLY = RTCP + "841dd9683dd78ec92ae58790125f62b3" + "000005d4";
    private static final int SRTCP_INDEX = 0x5d4;

    /** A session whose four directions all use the given RFC 7714 session key and salt. */
    private static SrtpSession sessionWithSessionKeys(SrtpProfile profile, String key) {
        return new SrtpSession(profile, SrtpConfig.DEFAULT,
                SrtpSession.crypto(profile, bytes(key), bytes(SALT), null),
                SrtpSession.crypto(profile, bytes(key), bytes(SALT), null),
                SrtpSession.crypto(profile, bytes(key), bytes(SALT), null),
                SrtpSession.crypto(profile, bytes(key), bytes(SALT), null));
    }

    private static void checkSrtp(SrtpProfile profile, String key, String expected) {
        SrtpSession s = sessionWithSessionKeys(profile, key);
        byte[] rtp = bytes(RTP);
        byte[] buf = Arrays.copyOf(rtp, rtp.length + 16);
        assertThat(s.protectRtp(buf, 0, rtp.length)).isEqualTo(rtp.length + 16);
        assertThat(hex(buf, 0, buf.length)).isEqualTo(expected);

        byte[] in = bytes(expected);
        assertThat(s.unprotectRtp(in, 0, in.length)).isEqualTo(SrtpStatus.OK);
        assertThat(hex(in, 0, in.length - 16)).isEqualTo(RTP);
    }

    private static void checkSrtcp(SrtpProfile profile, String key, String expected) {
        SrtpSession s = sessionWithSessionKeys(profile, key);
        byte[] rtcp = bytes(RTCP);
        byte[] buf = Arrays.copyOf(rtcp, rtcp.length + 20);
        s.setNextSrtcpIndex(0x4d617273, SRTCP_INDEX);
        assertThat(s.protectRtcp(buf, 0, rtcp.length)).isEqualTo(rtcp.length + 20);
        assertThat(hex(buf, 0, buf.length)).isEqualTo(expected);

        byte[] in = bytes(expected);
        assertThat(s.unprotectRtcp(in, 0, in.length)).isEqualTo(SrtpStatus.OK);
        assertThat(hex(in, 0, in.length - 20)).isEqualTo(RTCP);
    }

    @Test
    void rfc7714Section16SrtpAes128Gcm() {
        checkSrtp(SrtpProfile.AEAD_AES_128_GCM, KEY_128, SRTP_128);
    }

    @Test
    void rfc7714Section16SrtpAes256Gcm() {
        checkSrtp(SrtpProfile.AEAD_AES_256_GCM, KEY_256, SRTP_256);
    }

    @Test
    void rfc7714Section17SrtcpAes128Gcm() {
        checkSrtcp(SrtpProfile.AEAD_AES_128_GCM, KEY_128, SRTCP_128);
    }

    @Test
    void rfc7714Section17SrtcpAes256Gcm() {
        checkSrtcp(SrtpProfile.AEAD_AES_256_GCM, KEY_256, SRTCP_256);
    }

    @Test
    void rfc7714Section17SrtcpTaggedButNotEncrypted() {
        SrtpSession s = sessionWithSessionKeys(SrtpProfile.AEAD_AES_128_GCM, KEY_128);
        byte[] in = bytes(SRTCP_128_TAG_ONLY);
        assertThat(s.unprotectRtcp(in, 0, in.length)).isEqualTo(SrtpStatus.OK);
        assertThat(hex(in, 0, in.length - 20)).isEqualTo(RTCP);

        byte[] forged = bytes(SRTCP_128_TAG_ONLY);
        forged[20] ^= 1;
        assertThat(sessionWithSessionKeys(SrtpProfile.AEAD_AES_128_GCM, KEY_128)
                .unprotectRtcp(forged, 0, forged.length)).isEqualTo(SrtpStatus.AUTH_FAILED);
    }
}
