package org.rtc4j;

import java.util.Locale;
import java.util.Objects;

/**
 * A codec rtc4j can negotiate (W3C {@code RTCRtpCodec}): the MIME type, clock rate, channel count
 * and the fmtp line that identifies it. Tracks declare the codec of the frames they carry with one
 * of these; {@link RTCRtpSender#getCapabilities(String)} lists them all.
 *
 * @param mimeType    {@code audio/opus}, {@code video/VP8}, {@code video/H264}, ...
 * @param clockRate   the RTP clock rate in Hz
 * @param channels    audio channels (0 for video)
 * @param sdpFmtpLine the fmtp parameters, or null
 */
public record RTCRtpCodecCapability(String mimeType, int clockRate, int channels, String sdpFmtpLine) {

    /** Opus as browsers offer it: 48 kHz, two channels, in-band FEC. */
    public static final RTCRtpCodecCapability OPUS = new RTCRtpCodecCapability("audio/opus", 48000, 2,
            "minptime=10;useinbandfec=1");
    /** G.711 µ-law. */
    public static final RTCRtpCodecCapability PCMU = new RTCRtpCodecCapability("audio/PCMU", 8000, 1, null);
    /** G.711 A-law. */
    public static final RTCRtpCodecCapability PCMA = new RTCRtpCodecCapability("audio/PCMA", 8000, 1, null);
    /** G.722 (8000 Hz RTP clock by RFC 3551's historic rule, 16 kHz audio). */
    public static final RTCRtpCodecCapability G722 = new RTCRtpCodecCapability("audio/G722", 8000, 1, null);
    /** VP8. */
    public static final RTCRtpCodecCapability VP8 = new RTCRtpCodecCapability("video/VP8", 90000, 0, null);
    /** VP9 profile 0. */
    public static final RTCRtpCodecCapability VP9 = new RTCRtpCodecCapability("video/VP9", 90000, 0, "profile-id=0");
    /** H.264 Constrained Baseline level 3.1, packetization mode 1 (what every browser decodes). */
    public static final RTCRtpCodecCapability H264 = new RTCRtpCodecCapability("video/H264", 90000, 0,
            "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f");
    /** AV1. */
    public static final RTCRtpCodecCapability AV1 = new RTCRtpCodecCapability("video/AV1", 90000, 0, null);

    /**
     * Validates the MIME type ({@code audio/...} or {@code video/...}).
     *
     * @param mimeType    {@code audio/NAME} or {@code video/NAME}, the type case-insensitive
     * @param clockRate   the RTP clock rate in Hz, positive
     * @param channels    audio channels (0 for video)
     * @param sdpFmtpLine the fmtp parameters, or null
     * @throws IllegalArgumentException if the MIME type is not audio or video with a name, or the
     *                                  clock rate is not positive
     */
    public RTCRtpCodecCapability {
        Objects.requireNonNull(mimeType, "mimeType");
        String lower = mimeType.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("audio/") && !lower.startsWith("video/") || mimeType.indexOf('/') == mimeType.length() - 1) {
            throw new IllegalArgumentException("mimeType must be audio/NAME or video/NAME: " + mimeType);
        }
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clockRate must be positive: " + clockRate);
        }
    }

    /**
     * {@code audio} or {@code video}.
     *
     * @return the MIME type's top-level type, lower case
     */
    public String kind() {
        return mimeType.substring(0, mimeType.indexOf('/')).toLowerCase(Locale.ROOT);
    }

    /**
     * The encoding name as SDP writes it ({@code opus}, {@code VP8}).
     *
     * @return the MIME subtype, as written in {@link #mimeType()}
     */
    public String name() {
        return mimeType.substring(mimeType.indexOf('/') + 1);
    }

    /**
     * Whether {@code other} names the same encoding (case-insensitive) at the same clock rate.
     * Channels and fmtp are not compared.
     *
     * @param other the codec to compare with
     * @return true for the same name and clock rate
     */
    public boolean sameEncoding(RTCRtpCodecCapability other) {
        return name().equalsIgnoreCase(other.name()) && clockRate == other.clockRate;
    }
}
