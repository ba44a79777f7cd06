package org.rtc4j.transport;

/**
 * What a datagram on a WebRTC 5-tuple carries, told apart by its first byte as RFC 7983 lays
 * out (and RFC 5761 for RTP versus RTCP), so one socket can carry ICE, DTLS, SRTP and TURN
 * channel data at once.
 */
public enum PacketKind {
    /** STUN (first byte 0-3): ICE checks, consent, TURN control. */
    STUN,
    /** ZRTP (16-19): not used by WebRTC; dropped. */
    ZRTP,
    /** DTLS records (20-63): the handshake and SCTP data channels. */
    DTLS,
    /** TURN ChannelData (64-79). */
    TURN_CHANNEL,
    /** SRTP (128-191, payload type not in the RTCP range). */
    RTP,
    /** SRTCP (128-191, second byte 192-223). */
    RTCP,
    /** Anything else: dropped and counted. */
    UNKNOWN;

    /**
     * Classifies a datagram of {@code length} bytes whose first two bytes are {@code b0} and
     * {@code b1} ({@code b1} is ignored unless the first byte says RTP/RTCP).
     *
     * @param b0     the first byte (only its low 8 bits are used)
     * @param b1     the second byte (only its low 8 bits are used)
     * @param length the datagram's length in bytes
     * @return the kind; {@link #UNKNOWN} for an empty datagram or an RTP/RTCP one shorter than 2
     *         bytes
     */
    public static PacketKind classify(int b0, int b1, int length) {
        if (length <= 0) {
            return UNKNOWN;
        }
        int first = b0 & 0xff;
        if (first <= 3) {
            return STUN;
        }
        if (first >= 16 && first <= 19) {
            return ZRTP;
        }
        if (first >= 20 && first <= 63) {
            return DTLS;
        }
        if (first >= 64 && first <= 79) {
            return TURN_CHANNEL;
        }
        if (first >= 128 && first <= 191) {
            if (length < 2) {
                return UNKNOWN;
            }
            int pt = b1 & 0xff;
            return pt >= 192 && pt <= 223 ? RTCP : RTP;
        }
        return UNKNOWN;
    }

    /**
     * Classifies {@code data[offset..offset+length)}.
     *
     * @param data   holds the datagram
     * @param offset where it starts
     * @param length its length in bytes
     * @return the kind; {@link #UNKNOWN} when {@code length} is 0 or less
     */
    public static PacketKind classify(byte[] data, int offset, int length) {
        if (length <= 0) {
            return UNKNOWN;
        }
        return classify(data[offset], length > 1 ? data[offset + 1] : 0, length);
    }
}
