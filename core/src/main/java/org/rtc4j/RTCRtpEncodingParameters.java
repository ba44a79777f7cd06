package org.rtc4j;

/**
 * One encoding a sender sends (W3C {@code RTCRtpEncodingParameters}).
 *
 * @param rid        the RTP stream id (simulcast), or null
 * @param active     whether the encoding is sent; an inactive one sends nothing
 * @param maxBitrate the largest bitrate the application wants, bits/s, or 0 for no limit
 */
public record RTCRtpEncodingParameters(String rid, boolean active, long maxBitrate) {

    /**
     * Validates the bitrate.
     *
     * @param rid        the RTP stream id (simulcast), or null
     * @param active     whether the encoding is sent
     * @param maxBitrate the largest bitrate the application wants, bits/s, or 0 for no limit
     * @throws IllegalArgumentException if {@code maxBitrate} is negative
     */
    public RTCRtpEncodingParameters {
        if (maxBitrate < 0) {
            throw new IllegalArgumentException("maxBitrate must be >= 0");
        }
    }

    /**
     * One active encoding with no rid and no limit.
     *
     * @return the encoding a sender has when none is given
     */
    public static RTCRtpEncodingParameters defaults() {
        return new RTCRtpEncodingParameters(null, true, 0);
    }

    /**
     * The same, active or not.
     *
     * @param a whether the encoding is sent
     * @return a copy with {@code active} set to {@code a}
     */
    public RTCRtpEncodingParameters withActive(boolean a) {
        return new RTCRtpEncodingParameters(rid, a, maxBitrate);
    }

    /**
     * The same with another bitrate cap.
     *
     * @param bps the cap in bits/s, or 0 for no limit
     * @return a copy with {@code maxBitrate} set to {@code bps}
     * @throws IllegalArgumentException if {@code bps} is negative
     */
    public RTCRtpEncodingParameters withMaxBitrate(long bps) {
        return new RTCRtpEncodingParameters(rid, active, bps);
    }
}
