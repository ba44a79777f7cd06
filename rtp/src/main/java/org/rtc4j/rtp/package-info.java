/**
 * RTP and RTCP packets, packetizers and media files.
 */
package org.rtc4j.rtp;
