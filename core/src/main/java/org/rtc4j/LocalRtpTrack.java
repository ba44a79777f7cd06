package org.rtc4j;

/**
 * A local track fed with RTP packets that are already packetized, for forwarding (an SFU, a
 * gateway, a recorder played back). Each sender rewrites the SSRC and payload type to what was
 * negotiated and keeps sequence numbers and timestamps continuous when the track behind it is
 * replaced; everything else in the packet (header extensions aside, which are rewritten to the
 * negotiated ids) goes out as written.
 */
public final class LocalRtpTrack extends LocalTrack {

    private LocalRtpTrack(String id, RTCRtpCodecCapability codec) {
        super(id, codec);
    }

    /**
     * A track with a random id for RTP packets of {@code codec}.
     *
     * @param codec the codec of the packets; its kind is the track's; not null
     * @return the new track, live and enabled
     */
    public static LocalRtpTrack create(RTCRtpCodecCapability codec) {
        return new LocalRtpTrack(null, codec);
    }

    /**
     * A track with the given id for RTP packets of {@code codec}.
     *
     * @param id    the track id (the msid's second half), or null for a random one
     * @param codec the codec of the packets; its kind is the track's; not null
     * @return the new track, live and enabled
     */
    public static LocalRtpTrack create(String id, RTCRtpCodecCapability codec) {
        return new LocalRtpTrack(id, codec);
    }

    /**
     * Sends one RTP packet on every connection the track is attached to. The bytes are read (or
     * copied, for a connection on another event loop) before this returns, so the caller may
     * reuse its buffer. Malformed packets are dropped and counted by each sender. Ignored while
     * the track is disabled, ended or not attached.
     *
     * @param packet holds the packet (header, extensions, payload)
     * @param offset where the packet starts
     * @param length its length in bytes
     */
    public void writeRtp(byte[] packet, int offset, int length) {
        if (!writable()) {
            return;
        }
        for (RTCRtpSender s : senders()) {
            s.offerRtp(packet, offset, length);
        }
    }

    /**
     * Sends a whole array as one RTP packet.
     *
     * @param packet the packet; the caller may reuse it once this returns
     */
    public void writeRtp(byte[] packet) {
        writeRtp(packet, 0, packet.length);
    }
}
