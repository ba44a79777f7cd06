package org.rtc4j.rtp.rtcp;

import java.util.Arrays;

/**
 * An RTCP packet whose type (or feedback format) this library does not model: kept byte for byte
 * so that it can be forwarded or inspected.
 *
 * @param count      the 5-bit count / FMT field
 * @param packetType the packet type
 * @param body       everything after the 4-byte header, padding removed
 */
public record UnknownRtcp(int count, int packetType, byte[] body) implements RtcpPacket {
    /**
     * Copies the body and pads it to 32 bits.
     *
     * @param count the 5-bit count field of the header
     * @param packetType the RTCP packet type
     * @param body the packet body after the 4-byte header
     */
    public UnknownRtcp {
        if (count < 0 || count > 31 || packetType < 0 || packetType > 255) {
            throw new IllegalArgumentException("unknown RTCP header fields");
        }
        body = Arrays.copyOf(body, RtcpHeader.pad4(body.length));
    }

    /** @return a copy of the packet body */
    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public int length() {
        return 4 + body.length;
    }

    @Override
    public int write(byte[] b, int o) {
        RtcpHeader.write(b, o, false, count, packetType, length());
        System.arraycopy(body, 0, b, o + 4, body.length);
        return length();
    }

    @Override
    public boolean equals(Object x) {
        return x instanceof UnknownRtcp u && u.count == count && u.packetType == packetType
                && Arrays.equals(u.body, body);
    }

    @Override
    public int hashCode() {
        return packetType * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "UnknownRtcp[pt=" + packetType + ", count=" + count + ", body=" + body.length + "B]";
    }
}
