/**
 * RTCP packets (RFC 3550, 4585, 5104, 3611, 5506, REMB and transport-wide CC feedback):
 * {@link org.rtc4j.rtp.rtcp.RtcpParser} parses compound and reduced-size datagrams into
 * {@link org.rtc4j.rtp.rtcp.RtcpPacket}s and writes them back.
 */
package org.rtc4j.rtp.rtcp;
