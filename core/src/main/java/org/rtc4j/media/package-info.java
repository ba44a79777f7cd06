/**
 * Media files in and out of tracks: {@link org.rtc4j.media.MediaFileSource} reads IVF (VP8, VP9,
 * AV1), Annex-B H.264, Ogg/Opus and WAV; {@link org.rtc4j.media.MediaFilePlayer} paces one into
 * a {@link org.rtc4j.LocalFrameTrack} in real time; {@link org.rtc4j.media.MediaFileRecorder}
 * writes a {@link org.rtc4j.RemoteTrack} to the container its codec needs, timestamps kept.
 */
package org.rtc4j.media;
