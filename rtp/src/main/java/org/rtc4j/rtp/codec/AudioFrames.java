package org.rtc4j.rtp.codec;

/**
 * What the audio payload formats share: every packet is a whole frame that decodes on its own,
 * so each one starts and ends a frame and counts as a key frame, and the marker bit is the
 * caller's (it flags a talkspurt, RFC 3551 section 4.1).
 */
abstract class AudioFrames implements Payloader, Depacketizer {

    @Override
    public final boolean markerOnLastPacket() {
        return false;
    }

    @Override
    public final boolean isFrameEnd(byte[] payload, int off, int len, boolean marker) {
        return true;
    }

    @Override
    public final boolean isFrameStart(byte[] payload, int off, int len) {
        return true;
    }

    @Override
    public final boolean isKeyFrame(byte[] payload, int off, int len) {
        return true;
    }
}
