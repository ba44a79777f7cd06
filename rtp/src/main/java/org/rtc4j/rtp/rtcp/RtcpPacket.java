package org.rtc4j.rtp.rtcp;

/**
 * One RTCP packet of a compound (or reduced-size, RFC 5506) RTCP datagram. Parse with
 * {@link RtcpParser}; serialize one with {@link #write} or a whole compound with
 * {@link RtcpParser#write(java.util.List)}.
 */
public interface RtcpPacket {
    /** SR (RFC 3550). */
    int SR = 200;
    /** RR (RFC 3550). */
    int RR = 201;
    /** SDES (RFC 3550). */
    int SDES = 202;
    /** BYE (RFC 3550). */
    int BYE = 203;
    /** APP (RFC 3550). */
    int APP = 204;
    /** Transport-layer feedback (RFC 4585). */
    int RTPFB = 205;
    /** Payload-specific feedback (RFC 4585). */
    int PSFB = 206;
    /** Extended reports (RFC 3611). */
    int XR = 207;

    /** @return the RTCP packet type (200-207, or any value for unknown packets) */
    int packetType();

    /** @return serialized length in bytes, a multiple of 4 */
    int length();

    /**
     * Serializes this packet at {@code dst[off]}.
     *
     * @param dst the buffer to write into
     * @param off offset in {@code dst} to write at
     * @return bytes written ({@link #length()})
     */
    int write(byte[] dst, int off);

    /** @return this packet serialized into a new array */
    default byte[] toBytes() {
        byte[] b = new byte[length()];
        write(b, 0);
        return b;
    }
}
