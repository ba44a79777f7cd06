/**
 * Media files and audio codecs: IVF, Ogg Opus, H.264 Annex-B, WAV and G.711.
 */
package org.rtc4j.rtp.media;
