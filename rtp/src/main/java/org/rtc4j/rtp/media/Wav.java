package org.rtc4j.rtp.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.rtc4j.rtp.Bytes;
import org.rtc4j.rtp.RtpParseException;

/**
 * RIFF/WAVE files of 16-bit linear PCM (format 1), µ-law (7) or A-law (6) audio.
 *
 * @param format        1 PCM, 6 A-law, 7 µ-law
 * @param channels      channel count
 * @param sampleRate    samples per second
 * @param bitsPerSample 16 for PCM, 8 for G.711
 * @param data          the raw "data" chunk
 */
public record Wav(int format, int channels, int sampleRate, int bitsPerSample, byte[] data) {
    /** WAVE_FORMAT_PCM. */
    public static final int PCM = 1;
    /** WAVE_FORMAT_ALAW. */
    public static final int ALAW = 6;
    /** WAVE_FORMAT_MULAW. */
    public static final int MULAW = 7;

    /**
     * @param channels channel count (the samples are interleaved in this order)
     * @param sampleRate samples per second per channel
     * @param samples interleaved 16-bit PCM samples
     * @return a 16-bit PCM WAV of {@code samples} (interleaved)
     */
    public static Wav pcm16(int channels, int sampleRate, short[] samples) {
        byte[] d = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            Bytes.putLe16(d, 2 * i, samples[i]);
        }
        return new Wav(PCM, channels, sampleRate, 16, d);
    }

    /** @return the samples of a 16-bit PCM WAV, interleaved */
    public short[] samples() {
        if (format != PCM || bitsPerSample != 16) {
            throw new IllegalStateException("not 16-bit PCM");
        }
        short[] s = new short[data.length / 2];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) Bytes.le16(data, 2 * i);
        }
        return s;
    }

    /**
     * Reads a WAV file, skipping chunks other than "fmt " and "data".
     *
     * @param in the stream to read from, positioned at the start of the file
     * @return the audio
     * @throws IOException if the stream cannot be read
     */
    public static Wav read(InputStream in) throws IOException, RtpParseException {
        byte[] riff = MediaIo.readFully(in, 12, false);
        if (!tag(riff, 0).equals("RIFF") || !tag(riff, 8).equals("WAVE")) {
            throw new RtpParseException("not a RIFF/WAVE file");
        }
        int format = -1, channels = 0, rate = 0, bits = 0;
        while (true) {
            byte[] ch = MediaIo.readFully(in, 8, true);
            if (ch == null) {
                throw new RtpParseException("WAV without data chunk");
            }
            long size = Bytes.le32(ch, 4);
            if (size > MediaIo.MAX_ELEMENT * 16L) {
                throw new RtpParseException("WAV chunk size " + size);
            }
            String id = tag(ch, 0);
            if (id.equals("data")) {
                if (format < 0) {
                    throw new RtpParseException("WAV data before fmt");
                }
                // ffmpeg writes 0xFFFFFFFF when streaming: take what is there
                byte[] d = size >= MediaIo.MAX_ELEMENT ? in.readNBytes(MediaIo.MAX_ELEMENT)
                        : MediaIo.readFully(in, (int) size, false);
                return new Wav(format, channels, rate, bits, d);
            }
            byte[] body = MediaIo.readFully(in, (int) Math.min(size + (size & 1), MediaIo.MAX_ELEMENT), false);
            if (id.equals("fmt ")) {
                if (body.length < 16) {
                    throw new RtpParseException("WAV fmt chunk too short");
                }
                format = Bytes.le16(body, 0);
                channels = Bytes.le16(body, 2);
                rate = (int) Bytes.le32(body, 4);
                bits = Bytes.le16(body, 14);
                if (format == 0xFFFE && body.length >= 26) { // WAVE_FORMAT_EXTENSIBLE: sub-format GUID
                    format = Bytes.le16(body, 24);
                }
                if (format != PCM && format != ALAW && format != MULAW) {
                    throw new RtpParseException("unsupported WAV format " + format);
                }
            }
        }
    }

    /**
     * Writes this WAV.
     *
     * @param out the stream to write to
     * @throws IOException if the stream cannot be written
     */
    public void write(OutputStream out) throws IOException {
        int blockAlign = channels * bitsPerSample / 8;
        byte[] h = new byte[44];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, h, 0, 4);
        Bytes.putLe32(h, 4, 36 + data.length);
        System.arraycopy("WAVEfmt ".getBytes(StandardCharsets.US_ASCII), 0, h, 8, 8);
        Bytes.putLe32(h, 16, 16);
        Bytes.putLe16(h, 20, format);
        Bytes.putLe16(h, 22, channels);
        Bytes.putLe32(h, 24, sampleRate);
        Bytes.putLe32(h, 28, (long) sampleRate * blockAlign);
        Bytes.putLe16(h, 32, blockAlign);
        Bytes.putLe16(h, 34, bitsPerSample);
        System.arraycopy("data".getBytes(StandardCharsets.US_ASCII), 0, h, 36, 4);
        Bytes.putLe32(h, 40, data.length);
        out.write(h);
        out.write(data);
    }

    private static String tag(byte[] b, int off) {
        return new String(b, off, 4, StandardCharsets.ISO_8859_1);
    }
}
