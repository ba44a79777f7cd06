package org.rtc4j.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RTCCertificateTest {

    @Test
    void defaultIsEcdsaP256ValidForThirtyDays() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        RTCCertificate c = RTCCertificate.generate(RTCCertificate.KeyType.ECDSA_P256, RTCCertificate.DEFAULT_VALIDITY, now);
        assertThat(c.getKeyType()).isEqualTo(RTCCertificate.KeyType.ECDSA_P256);
        assertThat(c.getExpires()).isEqualTo(now.plus(Duration.ofDays(30)).toEpochMilli());
        assertThat(c.getX509Certificate().getNotBefore().toInstant()).isBefore(now);
        assertThat(c.getX509Certificate().getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(c.getX509Certificate().getSerialNumber().signum()).isPositive();
        assertThat(Certs.ECDSA_A.getX509Certificate().getSerialNumber())
                .isNotEqualTo(Certs.ECDSA_B.getX509Certificate().getSerialNumber());
        assertThat(RTCCertificate.generate().getKeyType()).isEqualTo(RTCCertificate.KeyType.ECDSA_P256);
    }

    @Test
    void rsaOnRequest() {
        assertThat(Certs.RSA_A.getKeyType()).isEqualTo(RTCCertificate.KeyType.RSA_2048);
        assertThat(((java.security.interfaces.RSAPublicKey) Certs.RSA_A.getX509Certificate().getPublicKey())
                .getModulus().bitLength()).isEqualTo(2048);
    }

    @Test
    void pemRoundTripKeepsTheFingerprint(@TempDir Path dir) throws Exception {
        for (RTCCertificate c : List.of(Certs.ECDSA_A, Certs.RSA_A)) {
            Path file = dir.resolve(c.getKeyType() + ".pem");
            c.save(file);
            RTCCertificate back = RTCCertificate.load(file);
            assertThat(back.getFingerprints()).isEqualTo(c.getFingerprints());
            assertThat(back.getPrivateKey().getEncoded()).isEqualTo(c.getPrivateKey().getEncoded());
            assertThat(back.getExpires()).isEqualTo(c.getExpires());
            assertThat(c.toPem()).startsWith("-----BEGIN CERTIFICATE-----\n").contains("-----BEGIN PRIVATE KEY-----");
        }
    }

    @Test
    void pemWithMismatchedKeyOrMissingBlockIsRejected() {
        String mixed = Certs.ECDSA_A.certificatePem() + Certs.ECDSA_B.privateKeyPem();
        assertThatThrownBy(() -> RTCCertificate.fromPem(mixed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong");
        assertThatThrownBy(() -> RTCCertificate.fromPem(Certs.ECDSA_A.certificatePem()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RTCCertificate.fromPem("-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fingerprintsInEveryAlgorithm() throws Exception {
        byte[] der = Certs.ECDSA_A.getEncoded();
        String[][] algs = {{"sha-1", "SHA-1", "20"}, {"sha-224", "SHA-224", "28"}, {"sha-256", "SHA-256", "32"},
            {"sha-384", "SHA-384", "48"}, {"sha-512", "SHA-512", "64"}};
        for (String[] a : algs) {
            RTCDtlsFingerprint f = Certs.ECDSA_A.getFingerprint(a[0]);
            byte[] digest = java.security.MessageDigest.getInstance(a[1]).digest(der);
            String expected = HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
            assertThat(f.toSdp()).isEqualTo(a[0] + " " + expected);
            assertThat(f.getValue().split(":")).hasSize(Integer.parseInt(a[2]));
            assertThat(RTCDtlsFingerprint.parse(f.toSdp().toLowerCase())).isEqualTo(f);
            assertThat(f.matches(der)).isTrue();
            assertThat(f.matches(Certs.ECDSA_B.getEncoded())).isFalse();
        }
        assertThat(Certs.ECDSA_A.getFingerprints()).containsExactly(Certs.ECDSA_A.getFingerprint("SHA-256"));
    }

    @Test
    void malformedFingerprintsAreRejected() {
        assertThatThrownBy(() -> RTCDtlsFingerprint.parse("md5 AB:CD")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RTCDtlsFingerprint.parse("sha-256")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RTCDtlsFingerprint.parse("sha-1 AB:CD")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RTCDtlsFingerprint("sha-1", "ZZ" + ":00".repeat(19)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RTCDtlsFingerprint.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void srtpKeyingMaterialSplitsInRfc5764Order() {
        byte[] block = new byte[SrtpProfile.AEAD_AES_256_GCM.keyingMaterialLength()];
        for (int i = 0; i < block.length; i++) {
            block[i] = (byte) i;
        }
        SrtpKeyingMaterial k = SrtpKeyingMaterial.split(SrtpProfile.AEAD_AES_256_GCM, block);
        assertThat(k.clientMasterKey()).hasSize(32).startsWith(0).endsWith(31);
        assertThat(k.serverMasterKey()).startsWith(32).endsWith(63);
        assertThat(k.clientMasterSalt()).hasSize(12).startsWith(64);
        assertThat(k.serverMasterSalt()).startsWith(76).endsWith(87);
        assertThat(k.toExportedBytes()).isEqualTo(block);
        assertThat(k.localKey(DtlsRole.SERVER)).isEqualTo(k.serverMasterKey());
        assertThat(k.remoteSalt(DtlsRole.SERVER)).isEqualTo(k.clientMasterSalt());
        assertThat(k.toString()).doesNotContain("0");
        assertThatThrownBy(() -> SrtpKeyingMaterial.split(SrtpProfile.AES128_CM_HMAC_SHA1_80, block))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SrtpProfile.AES128_CM_HMAC_SHA1_80.keyingMaterialLength()).isEqualTo(60);
        assertThat(SrtpProfile.AEAD_AES_128_GCM.keyingMaterialLength()).isEqualTo(56);
        assertThat(SrtpProfile.fromId(0x0007)).contains(SrtpProfile.AEAD_AES_128_GCM);
        assertThat(SrtpProfile.fromId(0x0005)).isEmpty();
    }
}
