package org.rtc4j.rtp.media;

/**
 * ITU-T G.711 µ-law (PCMU) and A-law (PCMA) codecs between 16-bit linear PCM and 8-bit codes.
 * The quantization error is at most half a segment step: 2^(segment+3) for µ-law.
 */
public final class G711 {
    private static final int ULAW_BIAS = 0x84;
    private static final int ULAW_CLIP = 32635;

    private G711() {
    }

    /**
     * @param sample a 16-bit linear PCM sample
     * @return the µ-law code of a linear sample
     */
    public static byte linearToUlaw(short sample) {
        int s = sample;
        int sign = (s >> 8) & 0x80;
        if (sign != 0) {
            s = -s;
        }
        if (s > ULAW_CLIP) {
            s = ULAW_CLIP;
        }
        s += ULAW_BIAS;
        int exponent = 7;
        for (int mask = 0x4000; (s & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (s >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    /**
     * @param code a G.711 code byte
     * @return the linear sample of a µ-law code
     */
    public static short ulawToLinear(byte code) {
        int u = ~code & 0xFF;
        int t = ((u & 0x0F) << 3) + ULAW_BIAS;
        t <<= (u & 0x70) >> 4;
        return (short) ((u & 0x80) != 0 ? ULAW_BIAS - t : t - ULAW_BIAS);
    }

    /**
     * @param sample a 16-bit linear PCM sample
     * @return the A-law code of a linear sample
     */
    public static byte linearToAlaw(short sample) {
        int s = sample >> 3; // A-law works on 13-bit magnitudes
        int mask;
        if (s >= 0) {
            mask = 0xD5;
        } else {
            mask = 0x55;
            s = -s - 1;
        }
        int seg = 0;
        int[] ends = {0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF};
        while (seg < 8 && s > ends[seg]) {
            seg++;
        }
        if (seg >= 8) {
            return (byte) (0x7F ^ mask);
        }
        int a = seg << 4;
        a |= seg < 2 ? (s >> 1) & 0x0F : (s >> seg) & 0x0F;
        return (byte) (a ^ mask);
    }

    /**
     * @param code a G.711 code byte
     * @return the linear sample of an A-law code
     */
    public static short alawToLinear(byte code) {
        int a = (code & 0xFF) ^ 0x55;
        int t = (a & 0x0F) << 4;
        int seg = (a & 0x70) >> 4;
        if (seg == 0) {
            t += 8;
        } else if (seg == 1) {
            t += 0x108;
        } else {
            t += 0x108;
            t <<= seg - 1;
        }
        return (short) ((a & 0x80) != 0 ? t : -t);
    }

    /**
     * @param pcm 16-bit linear PCM samples
     * @return µ-law codes of {@code pcm}
     */
    public static byte[] encodeUlaw(short[] pcm) {
        byte[] out = new byte[pcm.length];
        for (int i = 0; i < pcm.length; i++) {
            out[i] = linearToUlaw(pcm[i]);
        }
        return out;
    }

    /**
     * @param codes G.711 code bytes, one per sample
     * @return linear samples of µ-law {@code codes}
     */
    public static short[] decodeUlaw(byte[] codes) {
        short[] out = new short[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = ulawToLinear(codes[i]);
        }
        return out;
    }

    /**
     * @param pcm 16-bit linear PCM samples
     * @return A-law codes of {@code pcm}
     */
    public static byte[] encodeAlaw(short[] pcm) {
        byte[] out = new byte[pcm.length];
        for (int i = 0; i < pcm.length; i++) {
            out[i] = linearToAlaw(pcm[i]);
        }
        return out;
    }

    /**
     * @param codes G.711 code bytes, one per sample
     * @return linear samples of A-law {@code codes}
     */
    public static short[] decodeAlaw(byte[] codes) {
        short[] out = new short[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = alawToLinear(codes[i]);
        }
        return out;
    }
}
