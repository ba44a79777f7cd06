package org.rtc4j;

import java.time.Duration;
import java.util.Objects;

/**
 * One encoded frame of audio or video: a VP8/VP9/AV1 frame, an H.264 access unit in Annex-B
 * form, an Opus packet, a run of G.711 bytes.
 *
 * <p>Written to a {@link LocalFrameTrack}, the frame is timed either by its duration (the RTP
 * timestamp advances by it after the frame) or by an explicit RTP timestamp in the codec's clock.
 * Delivered by a {@link RemoteTrack}, it carries the RTP timestamp it arrived with and whether
 * frames were lost before it.
 *
 * @param data           the encoded bytes (not copied: do not change them after writing)
 * @param rtpTimestamp   the RTP timestamp in the codec clock, or -1 when timed by duration
 * @param durationMicros how long the frame plays, in microseconds (0 when unknown)
 * @param keyFrame       whether the frame can be decoded on its own
 * @param afterGap       on receive: packets were lost since the previous frame delivered
 */
public record EncodedFrame(byte[] data, long rtpTimestamp, long durationMicros, boolean keyFrame, boolean afterGap) {

    /**
     * Validates the fields.
     *
     * @param data           the encoded bytes; not null, not copied
     * @param rtpTimestamp   the RTP timestamp in the codec clock (0 to 2^32-1), or -1 when timed
     *                       by duration
     * @param durationMicros how long the frame plays, in microseconds (0 when unknown)
     * @param keyFrame       whether the frame can be decoded on its own
     * @param afterGap       on receive: packets were lost since the previous frame delivered
     * @throws IllegalArgumentException if {@code rtpTimestamp} is outside -1 to 2^32-1 or
     *                                  {@code durationMicros} is negative
     */
    public EncodedFrame {
        Objects.requireNonNull(data, "data");
        if (rtpTimestamp < -1 || rtpTimestamp > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("rtpTimestamp must be -1 or 0..2^32-1: " + rtpTimestamp);
        }
        if (durationMicros < 0) {
            throw new IllegalArgumentException("negative duration");
        }
    }

    /**
     * A frame to send, timed by its duration.
     *
     * @param data     the encoded bytes; not copied
     * @param duration how long the frame plays: the RTP timestamp advances by it (in the codec's
     *                 clock) after the frame; whole microseconds count
     * @param keyFrame whether the frame can be decoded on its own
     * @return the frame, with {@code rtpTimestamp} -1
     */
    public static EncodedFrame of(byte[] data, Duration duration, boolean keyFrame) {
        return new EncodedFrame(data, -1, duration.toNanos() / 1000, keyFrame, false);
    }

    /**
     * A frame to send at an explicit RTP timestamp (in the codec's clock rate).
     *
     * @param data         the encoded bytes; not copied
     * @param rtpTimestamp the RTP timestamp; only its low 32 bits are used
     * @param keyFrame     whether the frame can be decoded on its own
     * @return the frame, with duration 0
     */
    public static EncodedFrame atRtpTimestamp(byte[] data, long rtpTimestamp, boolean keyFrame) {
        return new EncodedFrame(data, rtpTimestamp & 0xFFFFFFFFL, 0, keyFrame, false);
    }

    @Override
    public String toString() {
        return "EncodedFrame[" + data.length + " B, ts " + rtpTimestamp + (keyFrame ? ", key" : "")
                + (afterGap ? ", after gap" : "") + "]";
    }
}
