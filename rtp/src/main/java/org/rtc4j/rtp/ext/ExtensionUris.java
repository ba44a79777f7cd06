package org.rtc4j.rtp.ext;

/** URIs of the header extensions WebRTC peers negotiate with {@code a=extmap}. */
public final class ExtensionUris {
    private ExtensionUris() {
    }

    /** RFC 9143 media identification (BUNDLE mid). */
    public static final String MID = "urn:ietf:params:rtp-hdrext:sdes:mid";
    /** RFC 8852 RTP stream id. */
    public static final String RID = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";
    /** RFC 8852 repaired RTP stream id. */
    public static final String REPAIRED_RID = "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id";
    /** Absolute send time (24-bit 6.18 fixed point seconds). */
    public static final String ABS_SEND_TIME = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";
    /** Transport-wide sequence number (draft-holmer-rmcat-transport-wide-cc-extensions-01). */
    public static final String TRANSPORT_WIDE_CC =
            "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";
    /** RFC 6464 client-to-mixer audio level. */
    public static final String SSRC_AUDIO_LEVEL = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
    /** 3GPP coordination of video orientation. */
    public static final String VIDEO_ORIENTATION = "urn:3gpp:video-orientation";
    /** WebRTC playout delay limits. */
    public static final String PLAYOUT_DELAY = "http://www.webrtc.org/experiments/rtp-hdrext/playout-delay";
    /** WebRTC absolute capture time. */
    public static final String ABS_CAPTURE_TIME = "http://www.webrtc.org/experiments/rtp-hdrext/abs-capture-time";
}
