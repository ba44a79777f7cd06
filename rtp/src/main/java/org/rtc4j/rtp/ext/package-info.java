/**
 * RTP header extensions: the id/URI registry and value codecs for mid, rid, repaired-rid,
 * abs-send-time, transport-wide-cc, ssrc-audio-level, video-orientation, playout-delay and
 * abs-capture-time.
 */
package org.rtc4j.rtp.ext;
