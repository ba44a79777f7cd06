package org.rtc4j.rtp.codec;

import java.util.List;
import org.rtc4j.rtp.RtpParseException;

/** Turns the RTP payloads of one frame back into the codec's frame bitstream. */
public interface Depacketizer {
    /**
     * @param payload the array holding the RTP payload
     * @param off     start of the payload in {@code payload}
     * @param len     payload length in bytes
     * @return true if this payload may begin a frame (e.g. VP8 S=1 and PID=0, AV1 Z=0)
     */
    boolean isFrameStart(byte[] payload, int off, int len);

    /**
     * @param payload the array holding the RTP payload
     * @param off     start of the payload in {@code payload}
     * @param len     payload length in bytes
     * @param marker  the packet's RTP marker bit
     * @return true if this packet completes its frame: the marker bit for video, always for audio
     *         codecs where every packet is a whole frame
     */
    default boolean isFrameEnd(byte[] payload, int off, int len, boolean marker) {
        return marker;
    }

    /**
     * @param payload the array holding the RTP payload
     * @param off     start of the payload in {@code payload}
     * @param len     payload length in bytes
     * @return true if this payload shows its frame is a key frame / random access point
     */
    boolean isKeyFrame(byte[] payload, int off, int len);

    /**
     * Reassembles one frame from all of its payloads in sequence order.
     *
     * @param payloads the RTP payloads of one frame, in sequence-number order, each a whole array
     * @return the frame bitstream in the codec's native format
     * @throws RtpParseException if a payload is malformed
     */
    byte[] depacketize(List<byte[]> payloads) throws RtpParseException;
}
