package org.rtc4j.rtp.media;

import java.nio.charset.StandardCharsets;
import org.rtc4j.rtp.Bytes;
import org.rtc4j.rtp.RtpParseException;

/**
 * The Ogg Opus identification header (RFC 7845 section 5.1), mapping family 0 or 1.
 *
 * @param channels        output channels
 * @param preSkip         48 kHz samples to discard at the start
 * @param inputSampleRate original sample rate (informational)
 * @param outputGain      Q7.8 dB gain
 * @param mappingFamily   0 (mono/stereo) or another family with its raw table
 * @param mappingTable    stream count, coupled count and channel mapping, for family != 0
 */
public record OpusHead(int channels, int preSkip, long inputSampleRate, int outputGain, int mappingFamily,
        byte[] mappingTable) {
    /**
     * A mono/stereo header with the usual 312-sample (6.5 ms) pre-skip.
     *
     * @param channels number of channels (1 or 2)
     * @param inputSampleRate the original sample rate, in Hz (informational; Opus decodes at 48 kHz)
     * @return the header
     */
    public static OpusHead of(int channels, long inputSampleRate) {
        return new OpusHead(channels, 312, inputSampleRate, 0, 0, new byte[0]);
    }

    byte[] toBytes() {
        byte[] b = new byte[19 + mappingTable.length];
        System.arraycopy("OpusHead".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 8);
        b[8] = 1;
        b[9] = (byte) channels;
        Bytes.putLe16(b, 10, preSkip);
        Bytes.putLe32(b, 12, inputSampleRate);
        Bytes.putLe16(b, 16, outputGain);
        b[18] = (byte) mappingFamily;
        System.arraycopy(mappingTable, 0, b, 19, mappingTable.length);
        return b;
    }

    static OpusHead parse(byte[] b) throws RtpParseException {
        if (b.length < 19 || !new String(b, 0, 8, StandardCharsets.US_ASCII).equals("OpusHead")) {
            throw new RtpParseException("missing OpusHead");
        }
        if ((b[8] & 0xF0) != 0) {
            throw new RtpParseException("unsupported OpusHead version " + b[8]);
        }
        int channels = b[9] & 0xFF;
        if (channels == 0) {
            throw new RtpParseException("OpusHead with 0 channels");
        }
        byte[] table = java.util.Arrays.copyOfRange(b, 19, b.length);
        return new OpusHead(channels, Bytes.le16(b, 10), Bytes.le32(b, 12), (short) Bytes.le16(b, 16),
                b[18] & 0xFF, table);
    }
}
