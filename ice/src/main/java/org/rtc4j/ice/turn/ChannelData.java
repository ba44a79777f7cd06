package org.rtc4j.ice.turn;

import org.rtc4j.ice.stun.StunParseException;

/**
 * ChannelData framing (RFC 8656 section 12.4): 2-byte channel number (0x4000-0x4FFF), 2-byte
 * length, data, padded to 4 bytes over stream transports.
 */
public final class ChannelData {
    /** First valid channel number. */
    public static final int MIN_CHANNEL = 0x4000;
    /** Last valid channel number. */
    public static final int MAX_CHANNEL = 0x4FFF;

    private ChannelData() {
    }

    /**
     * @param b buffer
     * @param off offset
     * @param len available length
     * @return true if the first byte says ChannelData (RFC 7983: 64..79)
     */
    public static boolean looksLikeChannelData(byte[] b, int off, int len) {
        return len >= 4 && (b[off] & 0xF0) == 0x40;
    }

    /**
     * @param channel channel number
     * @param data payload
     * @param pad pad to a multiple of 4 (required over TCP/TLS)
     * @return the frame
     */
    public static byte[] encode(int channel, byte[] data, boolean pad) {
        if (channel < MIN_CHANNEL || channel > MAX_CHANNEL) {
            throw new IllegalArgumentException("channel " + channel);
        }
        if (data.length > 0xFFFF) {
            throw new IllegalArgumentException("too long");
        }
        int total = 4 + (pad ? (data.length + 3) & ~3 : data.length);
        byte[] out = new byte[total];
        out[0] = (byte) (channel >> 8);
        out[1] = (byte) channel;
        out[2] = (byte) (data.length >> 8);
        out[3] = (byte) data.length;
        System.arraycopy(data, 0, out, 4, data.length);
        return out;
    }

    /**
     * @param b buffer
     * @param off offset
     * @param len available bytes
     * @return the channel number
     * @throws StunParseException if not a well-formed frame
     */
    public static int channel(byte[] b, int off, int len) throws StunParseException {
        check(b, off, len);
        return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    }

    /**
     * @param b buffer
     * @param off offset
     * @param len available bytes
     * @return a copy of the payload
     * @throws StunParseException if not a well-formed frame
     */
    public static byte[] data(byte[] b, int off, int len) throws StunParseException {
        int l = check(b, off, len);
        byte[] d = new byte[l];
        System.arraycopy(b, off + 4, d, 0, l);
        return d;
    }

    private static int check(byte[] b, int off, int len) throws StunParseException {
        if (b == null || off < 0 || len < 4 || off + len > b.length) {
            throw new StunParseException("ChannelData shorter than its header");
        }
        int ch = ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
        if (ch < MIN_CHANNEL || ch > MAX_CHANNEL) {
            throw new StunParseException("bad channel number " + ch);
        }
        int l = ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
        if (l > len - 4) {
            throw new StunParseException("ChannelData truncated");
        }
        return l;
    }
}
