package org.rtc4j.media;

/**
 * One encoded frame read from a file.
 *
 * @param data           the frame (a VP8/VP9/AV1 frame, an H.264 access unit in Annex-B form,
 *                       an Opus packet, 20 ms of G.711)
 * @param durationMicros how long it plays
 * @param keyFrame       whether it decodes on its own
 */
public record MediaFrame(byte[] data, long durationMicros, boolean keyFrame) {
}
