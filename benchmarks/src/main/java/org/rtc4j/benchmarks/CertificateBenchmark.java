package org.rtc4j.benchmarks;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rtc4j.dtls.RTCCertificate;

/**
 * Generating the ECDSA P-256 certificate every {@code RTCPeerConnection} without a configured one
 * makes: {@code impl=rtc4j} is {@link RTCCertificate#generate()}; {@code impl=jca} does the same
 * with the JDK's SunEC key generator and signature (how rtc4j did it before), for comparison in
 * one run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CertificateBenchmark {
    @Param({"rtc4j", "jca"})
    public String impl;

    private final SecureRandom random = new SecureRandom();

    @Benchmark
    public Object generate() throws Exception {
        if (impl.equals("rtc4j")) {
            return RTCCertificate.generate();
        }
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), random);
        KeyPair kp = g.generateKeyPair();
        X500Name name = new X500Name("CN=bench");
        Date now = new Date();
        X509CertificateHolder holder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(random.nextLong() >>> 1)
                .setBit(62), now, new Date(now.getTime() + 86_400_000L), name, kp.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate()));
        return holder;
    }
}
