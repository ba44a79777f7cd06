package org.rtc4j;

/**
 * A local track fed with whole encoded frames; each sender packetizes them for the negotiated
 * codec (RFC 7741 VP8, RFC 9628 VP9, RFC 6184 H.264, the AV1 RTP format, RFC 7587 Opus, G.711,
 * G.722) and sends them at once, so pace writes in real time.
 *
 * <pre>{@code
 * LocalFrameTrack video = LocalFrameTrack.create(RTCRtpCodecCapability.VP8);
 * pc.addTrack(video, "stream-1");
 * video.writeFrame(EncodedFrame.of(vp8Frame, Duration.ofMillis(33), isKeyFrame));
 * }</pre>
 */
public final class LocalFrameTrack extends LocalTrack {

    private LocalFrameTrack(String id, RTCRtpCodecCapability codec) {
        super(id, codec);
    }

    /**
     * A track with a random id for frames encoded in {@code codec}.
     *
     * @param codec the codec of the frames, e.g. {@link RTCRtpCodecCapability#VP8}; its kind is
     *              the track's; not null
     * @return the new track, live and enabled
     */
    public static LocalFrameTrack create(RTCRtpCodecCapability codec) {
        return new LocalFrameTrack(null, codec);
    }

    /**
     * A track with the given id for frames encoded in {@code codec}.
     *
     * @param id    the track id (the msid's second half), or null for a random one
     * @param codec the codec of the frames; its kind is the track's; not null
     * @return the new track, live and enabled
     */
    public static LocalFrameTrack create(String id, RTCRtpCodecCapability codec) {
        return new LocalFrameTrack(id, codec);
    }

    /**
     * Sends one frame on every connection the track is attached to. Ignored while the track is
     * disabled, ended or not attached. Thread-safe; frames are sent in the order written.
     *
     * @param frame the frame; its bytes are shared by every sender, not copied
     */
    public void writeFrame(EncodedFrame frame) {
        if (!writable()) {
            return;
        }
        for (RTCRtpSender s : senders()) {
            s.offerFrame(frame);
        }
    }
}
