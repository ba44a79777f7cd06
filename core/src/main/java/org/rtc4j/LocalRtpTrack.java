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

    /** A track with a random id for RTP packets of {@code codec}. */
    public static LocalRtpTrack create(RTCRtpCodecCapability codec) {
        return new LocalRtpTrack(null, codec);
    }

    /** A track with the given id for RTP packets of {@code codec}. */
    public static LocalRtpTrack create(String id, RTCRtpCodecCapability codec) {
        return new LocalRtpTrack(id, codec);
    }

    /**
     * Sends one RTP packet on every connection the track is attached to. The bytes are read (or
     * copied, for a connection on another event loop) before this returns, so the caller may
     * reuse its buffer. Malformed packets are dropped and counted by each sender.
     */
    public void writeRtp(byte[] packet, int offset, int length) {
        if (!writable()) {
            return;
        }
        for (RTCRtpSender s : senders()) {
            s.offerRtp(packet, offset, length);
        }
    }

    /** Sends a whole array as one RTP packet. */
    public void writeRtp(byte[] packet) {
        writeRtp(packet, 0, packet.length);
    }
}
