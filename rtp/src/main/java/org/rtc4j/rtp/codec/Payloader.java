package org.rtc4j.rtp.codec;

import java.util.List;

/** Splits one encoded frame into RTP payloads of a codec's payload format. */
public interface Payloader {
    /**
     * Splits one frame into payloads.
     *
     * @param maxPayload the largest payload allowed, in bytes (MTU minus RTP header)
     * @param frame      the array holding the encoded frame
     * @param off        start of the frame in {@code frame}
     * @param len        frame length in bytes
     * @return payloads in sending order; the last one carries the frame's marker bit
     * @throws IllegalArgumentException if the frame cannot be carried (e.g. an oversized Opus packet)
     */
    List<byte[]> payload(int maxPayload, byte[] frame, int off, int len);

    /**
     * @return true for video, where the marker bit ends a frame; false for audio, where it flags
     *         the start of a talkspurt and is left to the caller (RFC 3551 section 4.1)
     */
    default boolean markerOnLastPacket() {
        return true;
    }
}
