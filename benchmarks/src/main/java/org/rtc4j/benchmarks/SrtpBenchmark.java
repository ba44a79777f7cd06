package org.rtc4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.srtp.SrtpPolicy;
import org.jitsi.utils.ByteArrayBuffer;
import org.jitsi.utils.logging2.LoggerImpl;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rtc4j.srtp.SrtpProfile;
import org.rtc4j.srtp.SrtpSession;
import org.rtc4j.srtp.SrtpStatus;

/**
 * SRTP protect and unprotect of one RTP packet (12-byte header + {@code payload} bytes), rtc4j
 * against jitsi-srtp (default configuration) and against {@code jca}: the bare JCA cipher and MAC
 * calls an SRTP implementation has to make for the same bytes, with no SRTP logic (the floor).
 *
 * <p>{@code protect} re-protects one buffer with the sequence number advancing each call.
 * {@code unprotect} copies the next of {@value #RING} pre-protected packets into the work buffer
 * and unprotects it (the copy is in every impl's time). When the ring wraps, the replay state has
 * to be forgotten: rtc4j drops its remote SSRC context ({@code removeRemoteSsrc}, amortised over
 * the ring); jitsi cannot do that cheaply (a new context costs 150-300 us), so its unprotect runs
 * with its receive replay check off, the only change from its defaults.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SrtpBenchmark -prof gc}. On a busy
 * machine, {@code java -cp benchmarks/target/benchmarks.jar org.rtc4j.benchmarks.SrtpBenchmark 90}
 * runs the same states interleaved (see {@link #main}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SrtpBenchmark {
    static final int RING = 1024;
    private static final int SSRC = 0x1234abcd;
    private static final int HEADER = 12;

    @Param({"rtc4j", "jitsi", "jca"})
    public String impl;

    @Param({"AES_CM_128_HMAC_SHA1_80", "AES_CM_128_HMAC_SHA1_32", "AEAD_AES_128_GCM", "AEAD_AES_256_GCM"})
    public String profile;

    @Param({"160", "1200"})
    public int payload;

    private Impl sender;
    private Impl receiver;
    private byte[] work;
    private int plainLength;
    private int sealedLength;
    private int seq;
    private byte[][] ring;
    private int next;

    @Setup
    public void setup() throws Exception {
        SrtpProfile p = SrtpProfile.valueOf(profile);
        Random r = new Random(1);
        byte[] keyA = random(r, p.keyLength());
        byte[] saltA = random(r, p.saltLength());
        byte[] keyB = random(r, p.keyLength());
        byte[] saltB = random(r, p.saltLength());
        switch (impl) {
            case "rtc4j":
                sender = new Rtc4j(SrtpSession.create(p, keyA, saltA, keyB, saltB));
                receiver = new Rtc4j(SrtpSession.create(p, keyB, saltB, keyA, saltA));
                break;
            case "jitsi":
                sender = new Jitsi(p, true, keyA, saltA);
                receiver = new Jitsi(p, false, keyA, saltA);
                break;
            case "jca":
                byte[] sessionKey = random(r, p.keyLength());
                byte[] sessionSalt = random(r, p.saltLength());
                byte[] auth = random(r, 20);
                sender = p.isAead() ? new JcaGcm(sessionKey, sessionSalt) : new JcaCm(p, sessionKey, sessionSalt, auth);
                receiver = p.isAead() ? new JcaGcm(sessionKey, sessionSalt) : new JcaCm(p, sessionKey, sessionSalt, auth);
                break;
            default:
                throw new IllegalArgumentException(impl);
        }
        plainLength = HEADER + payload;
        sealedLength = plainLength + p.srtpOverhead();
        work = new byte[sealedLength + 64];
        work[0] = (byte) 0x80;
        work[1] = 96;
        writeInt(work, 8, SSRC);
        for (int i = HEADER; i < plainLength; i++) {
            work[i] = (byte) r.nextInt();
        }
        seq = 1000;
        ring = new byte[RING][];
        for (int i = 0; i < RING; i++) {
            byte[] b = Arrays.copyOf(work, sealedLength);
            setSeq(b, seq + i);
            if (sender.protect(b, plainLength) != sealedLength) {
                throw new IllegalStateException("protect length");
            }
            ring[i] = b;
        }
        seq = 5000;
        // the receiver must accept the whole ring, twice over the wrap
        for (int i = 0; i < 2 * RING; i++) {
            if (!unprotect()) {
                throw new IllegalStateException(impl + " " + profile + " cannot unprotect packet " + i);
            }
        }
    }

    @Benchmark
    public int protect() throws GeneralSecurityException {
        setSeq(work, ++seq);
        return sender.protect(work, plainLength);
    }

    @Benchmark
    public boolean unprotect() throws GeneralSecurityException {
        int i = next;
        if (i == RING) {
            receiver.ringWrapped();
            i = 0;
        }
        next = i + 1;
        System.arraycopy(ring[i], 0, work, 0, sealedLength);
        return receiver.unprotect(work, sealedLength);
    }

    private static void setSeq(byte[] b, int s) {
        b[2] = (byte) (s >>> 8);
        b[3] = (byte) s;
    }

    static void writeInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    private static byte[] random(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    /** One implementation's protect and unprotect of an RTP packet at offset 0. */
    interface Impl {
        int protect(byte[] b, int len) throws GeneralSecurityException;

        boolean unprotect(byte[] b, int len) throws GeneralSecurityException;

        default void ringWrapped() {
        }
    }

    static final class Rtc4j implements Impl {
        private final SrtpSession session;

        Rtc4j(SrtpSession session) {
            this.session = session;
        }

        @Override
        public int protect(byte[] b, int len) {
            return session.protectRtp(b, 0, len);
        }

        @Override
        public boolean unprotect(byte[] b, int len) {
            return session.unprotectRtp(b, 0, len) == SrtpStatus.OK;
        }

        @Override
        public void ringWrapped() {
            session.removeRemoteSsrc(SSRC);
        }
    }

    static final class Jitsi implements Impl {
        private final SrtpCryptoContext context;
        private final Buffer buffer = new Buffer();

        Jitsi(SrtpProfile p, boolean sender, byte[] key, byte[] salt) throws GeneralSecurityException {
            SrtpPolicy srtp = policy(p, p.srtpTagLength());
            SrtpPolicy srtcp = policy(p, p.srtcpTagLength());
            if (!sender) {
                srtp.setReceiveReplayEnabled(false);
            }
            SrtpContextFactory f = new SrtpContextFactory(sender, key, salt, srtp, srtcp, new LoggerImpl("jitsi-srtp"));
            context = f.deriveContext(SSRC, 0);
        }

        private static SrtpPolicy policy(SrtpProfile p, int tag) {
            return p.isAead()
                    ? new SrtpPolicy(SrtpPolicy.AESGCM_ENCRYPTION, p.keyLength(), SrtpPolicy.NULL_AUTHENTICATION, 0, tag, 12)
                    : new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, 16, SrtpPolicy.HMACSHA1_AUTHENTICATION, 20, tag, 14);
        }

        @Override
        public int protect(byte[] b, int len) throws GeneralSecurityException {
            buffer.reset(b, len);
            context.transformPacket(buffer);
            return buffer.getLength();
        }

        @Override
        public boolean unprotect(byte[] b, int len) throws GeneralSecurityException {
            buffer.reset(b, len);
            return context.reverseTransformPacket(buffer, false) == SrtpErrorStatus.OK;
        }
    }

    /** AES-CM + HMAC-SHA1 as plain JCA calls: re-init CTR per packet, encrypt in place, MAC. */
    static final class JcaCm implements Impl {
        private final Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding");
        private final Mac mac = Mac.getInstance("HmacSHA1");
        private final SecretKeySpec key;
        private final byte[] salt;
        private final byte[] iv = new byte[16];
        private final byte[] roc = new byte[4];
        private final byte[] tag = new byte[20];
        private final int tagLength;

        JcaCm(SrtpProfile p, byte[] key, byte[] salt, byte[] auth) throws GeneralSecurityException {
            this.key = new SecretKeySpec(key, "AES");
            this.salt = salt;
            this.tagLength = p.srtpTagLength();
            mac.init(new SecretKeySpec(auth, "HmacSHA1"));
        }

        private IvParameterSpec iv(byte[] b) {
            System.arraycopy(salt, 0, iv, 0, 14);
            for (int i = 0; i < 4; i++) {
                iv[4 + i] ^= b[8 + i];
            }
            iv[12] ^= b[2];
            iv[13] ^= b[3];
            return new IvParameterSpec(iv);
        }

        @Override
        public int protect(byte[] b, int len) throws GeneralSecurityException {
            ctr.init(Cipher.ENCRYPT_MODE, key, iv(b));
            ctr.doFinal(b, HEADER, len - HEADER, b, HEADER);
            mac.update(b, 0, len);
            mac.update(roc);
            mac.doFinal(tag, 0);
            System.arraycopy(tag, 0, b, len, tagLength);
            return len + tagLength;
        }

        @Override
        public boolean unprotect(byte[] b, int len) throws GeneralSecurityException {
            int body = len - tagLength;
            mac.update(b, 0, body);
            mac.update(roc);
            mac.doFinal(tag, 0);
            int diff = 0;
            for (int i = 0; i < tagLength; i++) {
                diff |= tag[i] ^ b[body + i];
            }
            if (diff != 0) {
                return false;
            }
            ctr.init(Cipher.ENCRYPT_MODE, key, iv(b));
            ctr.doFinal(b, HEADER, body - HEADER, b, HEADER);
            return true;
        }
    }

    /** AES-GCM as plain JCA calls: init with the packet's nonce, header as AAD, in place. */
    static final class JcaGcm implements Impl {
        private final Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        private final SecretKeySpec key;
        private final byte[] salt;
        private final byte[] iv = new byte[12];

        JcaGcm(byte[] key, byte[] salt) throws GeneralSecurityException {
            this.key = new SecretKeySpec(key, "AES");
            this.salt = salt;
        }

        private GCMParameterSpec nonce(byte[] b) {
            System.arraycopy(salt, 0, iv, 0, 12);
            for (int i = 0; i < 4; i++) {
                iv[2 + i] ^= b[8 + i];
            }
            iv[10] ^= b[2];
            iv[11] ^= b[3];
            return new GCMParameterSpec(128, iv);
        }

        @Override
        public int protect(byte[] b, int len) throws GeneralSecurityException {
            gcm.init(Cipher.ENCRYPT_MODE, key, nonce(b));
            gcm.updateAAD(b, 0, HEADER);
            return HEADER + gcm.doFinal(b, HEADER, len - HEADER, b, HEADER);
        }

        @Override
        public boolean unprotect(byte[] b, int len) throws GeneralSecurityException {
            gcm.init(Cipher.DECRYPT_MODE, key, nonce(b));
            gcm.updateAAD(b, 0, HEADER);
            gcm.doFinal(b, HEADER, len - HEADER, b, HEADER);
            return true;
        }
    }

    /** The {@link ByteArrayBuffer} jitsi-srtp works on, pointed at the benchmark's buffer. */
    static final class Buffer implements ByteArrayBuffer {
        private byte[] buffer;
        private int offset;
        private int length;

        void reset(byte[] b, int len) {
            buffer = b;
            offset = 0;
            length = len;
        }

        @Override
        public byte[] getBuffer() {
            return buffer;
        }

        @Override
        public int getOffset() {
            return offset;
        }

        @Override
        public int getLength() {
            return length;
        }

        @Override
        public void setLength(int len) {
            length = len;
        }

        @Override
        public void setOffset(int off) {
            offset = off;
        }

        @Override
        public boolean isInvalid() {
            return false;
        }

        @Override
        public void readRegionToBuff(int off, int len, byte[] out) {
            System.arraycopy(buffer, offset + off, out, 0, len);
        }

        @Override
        public void grow(int howMuch) {
            if (buffer.length - offset - length < howMuch) {
                buffer = Arrays.copyOf(buffer, offset + length + howMuch);
            }
        }

        @Override
        public void append(byte[] data, int len) {
            grow(len);
            System.arraycopy(data, 0, buffer, offset + length, len);
            length += len;
        }

        @Override
        public void shrink(int len) {
            length = Math.max(0, length - len);
        }
    }

    /**
     * Interleaved comparison for noisy machines: all three impls in one JVM, round-robin batches
     * of 5,000 calls, the fastest batch of each kept (the first third of the rounds is warm-up),
     * so load spikes hit every impl alike. Prints a Markdown table. Argument: rounds (default 90).
     */
    public static void main(String[] args) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        String[] impls = {"rtc4j", "jitsi", "jca"};
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 90;
        int batch = 5000;
        long sink = 0;
        StringBuilder out = new StringBuilder("| method | profile | payload | rtc4j ns | jitsi ns | jca ns | rtc4j/jca"
                + " | rtc4j/jitsi | rtc4j B/op | jitsi B/op | jca B/op |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (String method : new String[] {"protect", "unprotect"}) {
            for (SrtpProfile profile : SrtpProfile.values()) {
                for (int payload : new int[] {160, 1200}) {
                    SrtpBenchmark[] b = new SrtpBenchmark[3];
                    for (int i = 0; i < 3; i++) {
                        b[i] = new SrtpBenchmark();
                        b[i].impl = impls[i];
                        b[i].profile = profile.name();
                        b[i].payload = payload;
                        b[i].setup();
                    }
                    double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
                    double[] alloc = new double[3];
                    for (int r = 0; r < rounds; r++) {
                        for (int i = 0; i < 3; i++) {
                            long a0 = threads.getThreadAllocatedBytes(tid);
                            long t0 = System.nanoTime();
                            for (int k = 0; k < batch; k++) {
                                sink += method.equals("protect") ? b[i].protect() : (b[i].unprotect() ? 1 : 0);
                            }
                            long t1 = System.nanoTime();
                            long a1 = threads.getThreadAllocatedBytes(tid);
                            if (r >= rounds / 3) {
                                best[i] = Math.min(best[i], (t1 - t0) / (double) batch);
                                alloc[i] = (a1 - a0) / (double) batch;
                            }
                        }
                    }
                    out.append(String.format("| %s | %s | %d | %.0f | %.0f | %.0f | %.2f | %.2f | %.1f | %.1f | %.1f |%n",
                            method, profile, payload, best[0], best[1], best[2], best[0] / best[2], best[0] / best[1],
                            alloc[0], alloc[1], alloc[2]));
                }
            }
        }
        System.out.print(out);
        if (sink == 42) {
            System.out.println();
        }
    }
}
