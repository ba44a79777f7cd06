package org.rtc4j.rtp.rtcp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.rtc4j.rtp.Bytes;
import org.rtc4j.rtp.RtpParseException;

/**
 * Application-defined packet (PT 204).
 *
 * @param subtype 0-31
 * @param ssrc    source
 * @param name    four ASCII characters
 * @param data    application data, a multiple of 4 bytes
 */
public record App(int subtype, long ssrc, String name, byte[] data) implements RtcpPacket {
    /**
     * Validates and copies.
     *
     * @param subtype the 5-bit subtype
     * @param ssrc SSRC this packet or block is about
     * @param name the four ASCII characters of the name
     * @param data application data, a multiple of 4 bytes
     */
    public App {
        if (subtype < 0 || subtype > 31 || name.getBytes(StandardCharsets.US_ASCII).length != 4
                || data.length % 4 != 0) {
            throw new IllegalArgumentException("APP fields");
        }
        data = data.clone();
    }

    /** @return a copy of the application data */
    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public int packetType() {
        return APP;
    }

    @Override
    public int length() {
        return 12 + data.length;
    }

    @Override
    public int write(byte[] b, int o) {
        int n = length();
        RtcpHeader.write(b, o, false, subtype, APP, n);
        Bytes.put32(b, o + 4, ssrc);
        System.arraycopy(name.getBytes(StandardCharsets.US_ASCII), 0, b, o + 8, 4);
        System.arraycopy(data, 0, b, o + 12, data.length);
        return n;
    }

    static App parse(int count, byte[] b, int o, int len) throws RtpParseException {
        if (len < 8 || len % 4 != 0) {
            throw new RtpParseException("APP truncated");
        }
        return new App(count, Bytes.u32(b, o), new String(b, o + 4, 4, StandardCharsets.ISO_8859_1)
                .replaceAll("[^\\x20-\\x7e]", "?"), Arrays.copyOfRange(b, o + 8, o + len));
    }

    @Override
    public boolean equals(Object x) {
        return x instanceof App a && a.subtype == subtype && a.ssrc == ssrc && a.name.equals(name)
                && Arrays.equals(a.data, data);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(ssrc) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "App[subtype=" + subtype + ", ssrc=" + ssrc + ", name=" + name + ", data=" + data.length + "B]";
    }
}
