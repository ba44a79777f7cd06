package org.rtc4j.rtp.codec;

/**
 * One reassembled media frame.
 *
 * @param data          the frame bitstream (e.g. a VP8 frame, an Annex-B access unit)
 * @param timestamp     RTP timestamp of its packets
 * @param keyFrame      true if a packet flagged it as a key frame / random access point
 * @param afterGap      true if packets were lost since the previous frame (ask for a key frame
 *                      unless this one is)
 * @param firstSequence sequence number of its first packet
 * @param packets       number of RTP packets it came in
 */
public record Frame(byte[] data, long timestamp, boolean keyFrame, boolean afterGap, int firstSequence, int packets) {
}
