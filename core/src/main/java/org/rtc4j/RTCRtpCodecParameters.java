package org.rtc4j;

/**
 * A negotiated codec (W3C {@code RTCRtpCodecParameters}): the payload type it has on this
 * connection and what it is.
 *
 * @param payloadType the RTP payload type
 * @param mimeType    e.g. {@code video/VP8}
 * @param clockRate   Hz
 * @param channels    audio channels, 0 for video
 * @param sdpFmtpLine the fmtp parameters, or null
 */
public record RTCRtpCodecParameters(int payloadType, String mimeType, int clockRate, int channels,
        String sdpFmtpLine) {
}
